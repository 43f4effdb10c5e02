import { describe, expect, it } from 'vitest';
import { AppError, defaultMessages, errorCodes, errorStatus } from './errors.js';
import { toErrorBody } from './http/error-handler.js';

describe('error vocabulary', () => {
  it('gives every code an HTTP status and a Vietnamese default message', () => {
    for (const code of errorCodes) {
      expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
      expect(defaultMessages[code]).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });

  it('turns an AppError into {code, message, details} with its status', () => {
    expect(toErrorBody(new AppError('FORBIDDEN', undefined, { unitId: 3 }))).toEqual({
      status: 403,
      body: { code: 'FORBIDDEN', message: defaultMessages.FORBIDDEN, details: { unitId: 3 } },
    });
  });

  it('maps database outages, unique violations and unknown failures without leaking internals', () => {
    expect(toErrorBody(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).body.code).toBe('DATABASE_UNAVAILABLE');
    expect(toErrorBody(Object.assign(new Error('duplicate key'), { code: '23505' })).status).toBe(409);
    const internal = toErrorBody(new Error('secret stack detail'));
    expect(internal).toEqual({ status: 500, body: { code: 'INTERNAL', message: defaultMessages.INTERNAL, details: undefined } });
  });
});
