import { describe, expect, it } from 'vitest';
import { errorCodeMessages, errorReasonNames, errorReasons, isErrorReason, placeholdersOf, reasonText } from './error-reasons.js';

const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('error reasons', () => {
  it('gives every reason a Vietnamese text (its own, or its code’s)', () => {
    for (const reason of errorReasonNames) {
      const entry: { code: keyof typeof errorCodeMessages; message?: string } = errorReasons[reason];
      const text = entry.message ?? errorCodeMessages[entry.code];
      expect(text, reason).toMatch(vietnamese);
      expect(text.trim(), reason).toBe(text);
      expect(/^[A-Z][A-Z0-9_]+$/.test(reason), reason).toBe(true);
    }
  });

  it('fills placeholders from the details, numbers the Vietnamese way, and says when one is missing', () => {
    expect(placeholdersOf(errorReasons.TOO_MANY_PAGES.message)).toEqual(['pages', 'maxPages']);
    expect(reasonText('TOO_MANY_PAGES', { pages: 1200, maxPages: 500, reason: 'TOO_MANY_PAGES' })).toBe('Tệp PDF có 1.200 trang, vượt giới hạn 500 trang.');
    expect(reasonText('TOO_MANY_PAGES', { pages: 1200 })).toBeNull();
    expect(reasonText('TOO_MANY_PAGES', [{ path: ['file'], message: 'x' }])).toBeNull();
    expect(reasonText('SELF_GRANT')).toBe(errorReasons.SELF_GRANT.message);
    expect(reasonText('ROLE_TOO_WEAK')).toBe(errorCodeMessages.FORBIDDEN);
  });

  it('recognises only its own names', () => {
    expect(isErrorReason('CONSULTATION_CLOSED')).toBe(true);
    expect(isErrorReason('toString')).toBe(false);
    expect(isErrorReason(42)).toBe(false);
  });
});
