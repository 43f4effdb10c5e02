import { describe, expect, it } from 'vitest';
import { editsSomewhere } from './roleChecks.js';

const grant = (role: 'system_admin' | 'unit_admin' | 'editor' | 'viewer') => ({ id: 1, role, unitId: 1, unitCode: 'U', unitName: 'Đơn vị U' });

describe('editsSomewhere', () => {
  it('is false for a viewer only (no write action shown), true from editor up', () => {
    expect(editsSomewhere({ grants: [] })).toBe(false);
    expect(editsSomewhere({ grants: [grant('viewer'), grant('viewer')] })).toBe(false);
    for (const role of ['editor', 'unit_admin', 'system_admin'] as const) expect(editsSomewhere({ grants: [grant('viewer'), grant(role)] })).toBe(true);
  });
});
