import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, appError, defaultMessages, errorCodes, errorStatus, fail, invariant, InvariantViolation } from './errors.js';
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

  it('gives a reason its code and fills its text from the details', () => {
    expect(toErrorBody(appError('CONSULTATION_CLOSED', { code: 'DT-2025' }))).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', reason: 'CONSULTATION_CLOSED', message: 'Đợt lấy ý kiến "DT-2025" đã kết thúc.', details: { code: 'DT-2025' } },
    });
    // Field errors stay an array; placeholders then come from params, numbers written the Vietnamese way.
    const error = appError('PASSWORD_TOO_SHORT', [{ path: ['newPassword'], message: 'Ít nhất 10 ký tự' }], { params: { min: 10 } });
    expect(error.message).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    expect(appError('TOO_MANY_ROWS', { maxRows: 10000 }).message).toContain('tối đa 10.000 đơn vị');
    // A reason without its own text says what its code says.
    expect(() => fail('ROLE_TOO_WEAK', { required: 'editor' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN', reason: 'ROLE_TOO_WEAK', message: defaultMessages.FORBIDDEN }));
  });

  it('maps database outages, unique violations and unknown failures without leaking internals', () => {
    expect(toErrorBody(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).body.code).toBe('DATABASE_UNAVAILABLE');
    expect(toErrorBody(Object.assign(new Error('duplicate key'), { code: '23505' })).body).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_VALUE' });
    const internal = toErrorBody(new Error('secret stack detail'));
    expect(internal).toEqual({ status: 500, body: { code: 'INTERNAL', reason: 'UNEXPECTED', message: defaultMessages.INTERNAL, details: undefined } });
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs)$/.test(name) && !/\.(test|fixture)\.ts$/.test(name) ? [full] : [];
  });
}

describe('invariant', () => {
  it('passes when its condition holds and throws an InvariantViolation answered as INTERNAL otherwise', () => {
    expect(() => invariant(1 + 1 === 2, 'arithmetic')).not.toThrow();
    expect(() => invariant(null, 'reserved id missing')).toThrow(InvariantViolation);
    expect(toErrorBody(new InvariantViolation('secret detail')).body).toEqual({ code: 'INTERNAL', reason: 'UNEXPECTED', message: defaultMessages.INTERNAL, details: undefined });
  });
});

describe('domain code (modules, core, platform) throws reasons', () => {
  const src = path.resolve(import.meta.dirname, '..');
  const files = ['modules', 'platform', 'core'].flatMap((dir) => sourceFiles(path.join(src, dir)));

  /** `file:line` of every line outside platform/errors.ts that `offends`. */
  const offendingLines = (offends: (line: string) => boolean) =>
    files
      .filter((file) => !file.endsWith(path.join('platform', 'errors.ts')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (offends(line) ? [`${path.relative(src, file)}:${i + 1}`] : [])),
      );

  it('builds every AppError from a reason (fail / appError), never from a hand-written message', () => {
    expect(offendingLines((line) => /new AppError\(/.test(line) && !/\{ reason: /.test(line))).toEqual([]);
  });

  it('never throws a bare Error: bad input fails with a reason, a broken invariant through invariant()', () => {
    expect(offendingLines((line) => /\bthrow new Error\(/.test(line))).toEqual([]);
  });
});
