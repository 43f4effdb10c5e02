import { isApiError } from '../api/client.js';
import { formatDateTime } from '../lib/time.js';

/** What went wrong and what to do next, per error code. */
export const errorMessages: Record<string, string> = {
  VALIDATION_FAILED: 'Dữ liệu chưa hợp lệ. Hãy sửa các ô được đánh dấu rồi gửi lại.',
  UNAUTHENTICATED: 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại.',
  INVALID_CREDENTIALS:
    'Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt) rồi thử lại.',
  LOGIN_THROTTLED:
    'Đăng nhập sai quá nhiều lần từ máy này. Hãy chờ khoảng 15 phút rồi thử lại, hoặc nhờ quản trị viên đặt lại mật khẩu.',
  CSRF_FAILED: 'Phiên làm việc không còn khớp (mã chống giả mạo không hợp lệ). Hãy tải lại trang rồi thử lại.',
  FORBIDDEN:
    'Bạn không có quyền thực hiện thao tác này. Nếu cần, hãy liên hệ quản trị viên đơn vị để được cấp quyền.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu; có thể nó không còn tồn tại hoặc bạn không có quyền xem. Hãy tải lại trang.',
  CONFLICT:
    'Dữ liệu bị trùng hoặc xung đột với dữ liệu đã có (ví dụ mã đơn vị hoặc tên đăng nhập đã được dùng). Hãy đổi giá trị rồi thử lại.',
  IMPORT_REJECTED: 'Tệp chưa được nhập vì có dòng không hợp lệ. Hãy sửa các dòng được liệt kê rồi nhập lại.',
  RATE_LIMITED: 'Bạn gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy chờ khoảng một phút rồi thử lại.',
  DATABASE_UNAVAILABLE:
    'Máy chủ tạm thời không kết nối được cơ sở dữ liệu. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị hệ thống.',
  INTERNAL: 'Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống kèm thời điểm xảy ra.',
  NETWORK: 'Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
  BAD_RESPONSE: 'Máy chủ trả lời không đúng định dạng. Hãy tải lại trang; nếu vẫn lỗi, hãy báo quản trị hệ thống.',
};

function retryAtOf(details: unknown): string | null {
  if (details && typeof details === 'object' && 'retryAt' in details) {
    const value = (details as { retryAt: unknown }).retryAt;
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

/**
 * For conflicts and invalid data the server's own text says what exactly is wrong (which code is
 * taken, which field is invalid); it is shown after our message.
 */
function serverDetail(code: string, message: string, details: unknown): string | null {
  if (code === 'CONFLICT') return message.trim() || null;
  if (code === 'VALIDATION_FAILED' && Array.isArray(details)) {
    const parts = details
      .filter((d): d is { path?: unknown; message: string } => !!d && typeof d === 'object' && typeof d.message === 'string')
      .map((d) => d.message)
      .filter((m) => m.trim() !== '');
    return parts.length > 0 ? [...new Set(parts)].join('; ') : null;
  }
  return null;
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
    const known = errorMessages[error.code];
    if (known) {
      const detail = serverDetail(error.code, error.message, error.details);
      return detail ? `${known} Chi tiết: ${detail}` : known;
    }
    if (error.message) return error.message;
    return `Đã xảy ra lỗi không xác định (mã ${error.status}). Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống.`;
  }
  return 'Đã xảy ra lỗi không xác định. Hãy tải lại trang rồi thử lại.';
}
