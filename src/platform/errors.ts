/**
 * The one error vocabulary of Lan Tỏa. Domain code throws AppError with one of these codes;
 * the HTTP error handler maps them to statuses and the `{code, message, details}` shape;
 * the web app maps codes to Vietnamese text.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IMPORT_REJECTED: 422,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

/** Default Vietnamese messages; callers may give a more precise one. */
export const defaultMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra các trường được đánh dấu.',
  UNAUTHENTICATED: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Hãy đăng nhập lại.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  LOGIN_THROTTLED: 'Đăng nhập sai quá nhiều lần từ máy này. Hãy chờ ít phút rồi thử lại.',
  CSRF_FAILED: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang và thử lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  CONFLICT: 'Dữ liệu bị trùng hoặc xung đột với dữ liệu đã có.',
  IMPORT_REJECTED: 'Tệp nhập có dòng không hợp lệ; chưa có dữ liệu nào được ghi.',
  RATE_LIMITED: 'Bạn thao tác quá nhanh. Hãy đợi một lát rồi thử lại.',
  DATABASE_UNAVAILABLE: 'Không kết nối được cơ sở dữ liệu. Hãy báo quản trị hệ thống.',
  INTERNAL: 'Đã có lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.',
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? defaultMessages[code]);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}
