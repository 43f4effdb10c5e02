import { describe, expect, it } from 'vitest';
import { phoneLooksValid, registrationErrors } from './registration.js';

describe('registration checks', () => {
  it('accept Vietnamese phone numbers written as people write them', () => {
    expect(phoneLooksValid('0912 345 678')).toBe(true);
    expect(phoneLooksValid('+84912345678')).toBe(true);
    expect(phoneLooksValid('0912.345.67')).toBe(false);
    expect(phoneLooksValid('abc')).toBe(false);
  });

  it('name every missing field, the unit and the consent included', () => {
    expect(Object.keys(registrationErrors({ name: ' ', phone: '', idNumber: '', unitId: null, group: '', consent: false })).sort()).toEqual(['consent', 'group', 'name', 'phone', 'unitId']);
    expect(registrationErrors({ name: 'Nguyễn Văn A', phone: '0912345678', idNumber: '', unitId: 3, group: 'dang-vien', consent: true })).toEqual({});
  });
});
