import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client.js';
import { errorCodeMessages, errorReasons } from '../../shared/error-reasons.js';
import { errorText } from './errors.js';

const apiError = (init: Partial<ConstructorParameters<typeof ApiRequestError>[0]>) =>
  new ApiRequestError({ status: 400, code: 'VALIDATION_FAILED', message: '', ...init });

describe('errorText', () => {
  it('shows the text of the reason, filled from the details, not the server’s prose', () => {
    const error = apiError({ status: 404, code: 'NOT_FOUND', reason: 'CONSULTATION_CLOSED', message: 'server prose', details: { code: 'DT-2025' } });
    expect(errorText(error)).toBe('Đợt lấy ý kiến "DT-2025" đã kết thúc.');
    expect(errorText(apiError({ status: 403, code: 'FORBIDDEN', reason: 'SELF_GRANT', message: 'x', details: { reason: 'SELF_GRANT' } }))).toBe(errorReasons.SELF_GRANT.message);
  });

  it('falls back to the server’s message when the reason is unknown here or its values are missing, then to the code’s text', () => {
    expect(errorText(apiError({ reason: 'A_REASON_FROM_A_NEWER_SERVER', message: 'Lý do mới.' }))).toBe('Lý do mới.');
    expect(errorText(apiError({ reason: 'FILE_TOO_LARGE', message: 'Tệp quá lớn: tối đa 30 MB.', details: { reason: 'FILE_TOO_LARGE', maxBytes: 1 } }))).toBe('Tệp quá lớn: tối đa 30 MB.');
    expect(errorText(apiError({ status: 409, code: 'CONFLICT' }))).toBe(errorCodeMessages.CONFLICT);
    expect(errorText(new ApiRequestError({ status: 0, code: 'NETWORK', message: 'Network error' }))).toBe(errorCodeMessages.NETWORK);
  });

  it('adds the field problems the main text does not already say', () => {
    const error = apiError({ reason: 'REQUEST_INVALID', message: errorCodeMessages.VALIDATION_FAILED, details: [{ path: ['code'], message: 'Bắt buộc' }] });
    expect(errorText(error)).toBe(`${errorCodeMessages.VALIDATION_FAILED} Chi tiết: Bắt buộc`);
    const taking = errorReasons.UNIT_NOT_TAKING_PART.message;
    expect(errorText(apiError({ reason: 'UNIT_NOT_TAKING_PART', details: [{ path: ['unitCode'], message: taking }] }))).toBe(taking);
  });
});
