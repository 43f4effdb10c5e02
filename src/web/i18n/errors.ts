import { isApiError, type ApiRequestError } from '../api/client.js';
import { formatDateTime } from '../lib/time.js';
import { errorCodeMessages, isErrorReason, reasonText } from '../../shared/error-reasons.js';

function retryAtOf(details: unknown): string | null {
  if (details && typeof details === 'object' && 'retryAt' in details) {
    const value = (details as { retryAt: unknown }).retryAt;
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

/** The field problems of an invalid request that the main text does not already say. */
function fieldDetail(error: ApiRequestError, main: string): string | null {
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return null;
  const parts = error.details
    .filter((d): d is { path?: unknown; message: string } => !!d && typeof d === 'object' && typeof d.message === 'string')
    .map((d) => d.message.trim())
    .filter((m) => m !== '' && !main.includes(m));
  return parts.length > 0 ? [...new Set(parts)].join('; ') : null;
}

/**
 * What went wrong: the text of the server's reason (src/shared/error-reasons.ts, filled from the
 * details), else the server's own message, else the text of the code.
 */
function mainText(error: ApiRequestError): string | null {
  if (error.code === 'NETWORK' || error.code === 'BAD_RESPONSE') return errorCodeMessages[error.code];
  const fromReason = isErrorReason(error.reason) ? reasonText(error.reason, error.details) : null;
  if (fromReason) return fromReason;
  if (error.message.trim()) return error.message.trim();
  return (errorCodeMessages as Record<string, string>)[error.code] ?? null;
}

/** One Vietnamese sentence (or two) for any error thrown by the API layer or elsewhere. */
export function errorText(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'LOGIN_THROTTLED') {
      const until = retryAtOf(error.details);
      if (until) {
        return `Đăng nhập sai quá nhiều lần từ máy này. Hãy thử lại sau ${formatDateTime(until)} (giờ Việt Nam), hoặc nhờ quản trị viên đặt lại mật khẩu.`;
      }
    }
    const main = mainText(error);
    if (main === null) return `Đã xảy ra lỗi không xác định (mã ${error.status}). Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống.`;
    const detail = fieldDetail(error, main);
    return detail ? `${main} Chi tiết: ${detail}` : main;
  }
  return 'Đã xảy ra lỗi không xác định. Hãy tải lại trang rồi thử lại.';
}
