import { describe, expect, it } from 'vitest';
import { findRegistered, registeredTitle, sameIssuer, type RegistrationProbe } from './registered-check.js';
import type { RegisteredCandidate } from './repository.js';

const candidate = (over: Partial<RegisteredCandidate>): RegisteredCandidate => ({
  id: 1,
  docType: 'Công văn',
  numberSymbol: '134-CV/TU',
  issuerName: 'Ban Thường vụ Tỉnh ủy',
  issuerUnitId: 7,
  issuedYear: 2025,
  issuedMonth: 10,
  issuedDay: 21,
  subject: 'Đẩy mạnh tuyên truyền',
  bodyText: null,
  ...over,
});
const probe = (over: Partial<RegistrationProbe>): RegistrationProbe => ({
  ownerUnitId: 3,
  docType: 'Công văn',
  numberSymbol: '134-CV/TU',
  symbolKey: '134-CV/TU',
  issuerName: 'Ban Thường vụ Tỉnh ủy',
  issuerUnitId: 7,
  issuedYear: 2025,
  issuedMonth: 10,
  issuedDay: 21,
  bodyText: 'Nội dung',
  ...over,
});

describe('already registered directives', () => {
  it('names a directive with its type, number and date, and a blank number as such', () => {
    expect(registeredTitle(candidate({}), true)).toBe('Công văn 134-CV/TU ngày 21/10/2025');
    expect(registeredTitle(candidate({ numberSymbol: '-CV/ĐU', issuedDay: null }), false)).toBe('Công văn không số tháng 10/2025');
    expect(registeredTitle(candidate({ docType: null, issuedYear: null }), true)).toBe('Văn bản 134-CV/TU');
  });

  it('tells issuers apart by linked unit, else by name; an unknown issuer does not', () => {
    expect(sameIssuer({ issuerUnitId: 7, issuerName: 'A' }, { issuerUnitId: 8, issuerName: 'A' })).toBe(false);
    expect(sameIssuer({ issuerUnitId: 7, issuerName: 'BAN THƯỜNG VỤ TỈNH ỦY' }, { issuerUnitId: null, issuerName: 'Ban Thường vụ Tỉnh ủy' })).toBe(true);
    expect(sameIssuer({ issuerUnitId: null, issuerName: 'Ban Thường vụ Tỉnh ủy' }, { issuerUnitId: null, issuerName: 'Ban Tuyên giáo Tỉnh ủy' })).toBe(false);
    expect(sameIssuer({ issuerUnitId: null, issuerName: null }, { issuerUnitId: 7, issuerName: 'Ban Thường vụ Tỉnh ủy' })).toBe(true);
  });

  it('finds a numbered directive by issuer among the candidates, a blank-number one by its text', () => {
    expect(findRegistered(probe({}), [candidate({ id: 2, issuerUnitId: 9, issuerName: 'Khác' }), candidate({ id: 5 })])?.id).toBe(5);
    expect(findRegistered(probe({ issuerUnitId: 9, issuerName: 'Khác' }), [candidate({})])).toBeNull();
    const blank = probe({ numberSymbol: '-CV/TU', symbolKey: null, bodyText: 'Các chi bộ, BÁO CÁO  kết quả.' });
    expect(findRegistered(blank, [candidate({ id: 4, bodyText: 'các chi bộ báo cáo kết quả' })])?.id).toBe(4);
    expect(findRegistered(blank, [candidate({ id: 4, bodyText: 'các chi bộ báo cáo tình hình' })])).toBeNull();
  });
});
