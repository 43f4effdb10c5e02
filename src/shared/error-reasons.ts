/**
 * The reasons behind every error of Lan Tỏa, with their default Vietnamese text — in ONE place.
 *
 * An error has a `code` (the HTTP-level class: VALIDATION_FAILED, NOT_FOUND, …, the API contract)
 * and a `reason` (the stable, machine-readable "why": CONSULTATION_CLOSED, SELF_GRANT, …). The
 * server fills an error's message from its reason's text; the web app shows the reason's text
 * itself and uses the server's message only as a fallback.
 *
 * Texts may hold `{name}` placeholders, filled from the error's details (numbers are written the
 * Vietnamese way: 10.000). A reason without a text uses its code's text.
 *
 * Pure constants and functions: no imports, so the web app may import this file.
 */

/** One text per HTTP-level error code (and the two the web client makes itself). */
export const errorCodeMessages = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra các trường được đánh dấu.',
  UNAUTHENTICATED: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Hãy đăng nhập lại.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt) rồi thử lại.',
  LOGIN_THROTTLED: 'Đăng nhập sai quá nhiều lần từ máy này. Hãy chờ ít phút rồi thử lại, hoặc nhờ quản trị viên đặt lại mật khẩu.',
  CSRF_FAILED: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang và thử lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này. Nếu cần, hãy liên hệ quản trị viên đơn vị để được cấp quyền.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu; có thể nó không còn tồn tại hoặc bạn không có quyền xem.',
  CONFLICT: 'Dữ liệu bị trùng hoặc xung đột với dữ liệu đã có.',
  IMPORT_REJECTED: 'Tệp nhập có dòng không hợp lệ; chưa có dữ liệu nào được ghi.',
  RATE_LIMITED: 'Bạn thao tác quá nhanh. Hãy đợi một lát rồi thử lại.',
  DATABASE_UNAVAILABLE: 'Không kết nối được cơ sở dữ liệu. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị hệ thống.',
  INTERNAL: 'Đã có lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.',
  NETWORK: 'Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
  BAD_RESPONSE: 'Máy chủ trả lời không đúng định dạng. Hãy tải lại trang; nếu vẫn lỗi, hãy báo quản trị hệ thống.',
} as const;

export type ErrorCodeName = keyof typeof errorCodeMessages;

interface ReasonEntry {
  readonly code: ErrorCodeName;
  readonly message?: string;
}

const PARSE_ADVICE = 'Hãy chia nhỏ tệp hoặc lưu lại ở định dạng đơn giản hơn rồi gửi lại.';
const ZIP_ADVICE = 'Hãy lưu lại tệp hoặc chia nhỏ nội dung rồi gửi lại.';

export const errorReasons = {
  // ---------------------------------------------------------------- requests, sessions, access
  REQUEST_INVALID: { code: 'VALIDATION_FAILED' },
  REQUEST_MALFORMED: { code: 'VALIDATION_FAILED' },
  TEXT_UNSAFE: { code: 'VALIDATION_FAILED', message: 'Có ký tự không hợp lệ (ký tự rỗng U+0000 hoặc ký tự Unicode bị hỏng); hãy xóa ký tự đó rồi nhập lại.' },
  MULTIPART_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Yêu cầu phải gửi dạng multipart/form-data.' },
  RESOURCE_NOT_FOUND: { code: 'NOT_FOUND' },
  API_ROUTE_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không có địa chỉ API này. Xem tài liệu tại /api/docs.' },
  TOO_MANY_REQUESTS: { code: 'RATE_LIMITED' },
  DATABASE_UNAVAILABLE: { code: 'DATABASE_UNAVAILABLE' },
  DUPLICATE_VALUE: { code: 'CONFLICT' },
  UNEXPECTED: { code: 'INTERNAL' },
  SESSION_REQUIRED: { code: 'UNAUTHENTICATED' },
  CSRF_TOKEN_INVALID: { code: 'CSRF_FAILED' },
  CREDENTIALS_INVALID: { code: 'INVALID_CREDENTIALS' },
  LOGIN_THROTTLED: { code: 'LOGIN_THROTTLED' },
  PASSWORD_TOO_SHORT: { code: 'VALIDATION_FAILED', message: 'Mật khẩu phải có ít nhất {min} ký tự.' },
  PASSWORD_CURRENT_WRONG: { code: 'VALIDATION_FAILED', message: 'Mật khẩu hiện tại không đúng.' },
  ROLE_TOO_WEAK: { code: 'FORBIDDEN' },
  SYSTEM_ADMIN_ONLY: { code: 'FORBIDDEN', message: 'Chỉ quản trị hệ thống được thực hiện thao tác này.' },
  UNIT_OUT_OF_SCOPE: { code: 'NOT_FOUND', message: 'Không tìm thấy đơn vị hoặc đơn vị nằm ngoài phạm vi được giao.' },

  // ---------------------------------------------------------------- uploaded files
  FILE_TOO_LARGE: { code: 'VALIDATION_FAILED', message: 'Tệp quá lớn: tối đa {maxSize}.' },
  FIELD_TOO_LARGE: { code: 'VALIDATION_FAILED', message: 'Nội dung gửi kèm quá dài: mỗi trường tối đa {maxSize}.' },
  FILE_EMPTY: { code: 'VALIDATION_FAILED', message: 'Tệp {fileName} rỗng.' },
  FILE_TYPE_UNSUPPORTED: { code: 'VALIDATION_FAILED', message: 'Không hỗ trợ loại tệp "{ext}": chỉ nhận .txt, .md, .docx hoặc .pdf.' },
  DOC_UNSUPPORTED: { code: 'VALIDATION_FAILED', message: 'Chưa hỗ trợ tệp Word cũ (.doc): hãy lưu lại thành .docx hoặc .pdf.' },
  DOCX_UNREADABLE: { code: 'VALIDATION_FAILED', message: 'Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không đúng định dạng.' },
  PDF_UNREADABLE: { code: 'VALIDATION_FAILED', message: 'Không đọc được tệp PDF: tệp bị hỏng hoặc không đúng định dạng.' },
  PDF_WITHOUT_TEXT: { code: 'VALIDATION_FAILED', message: 'Tệp PDF không có lớp chữ và không nhận dạng được chữ nào trên các trang: hãy dùng bản PDF có chữ, tệp Word hoặc dán nội dung văn bản.' },
  OCR_UNAVAILABLE: {
    code: 'VALIDATION_FAILED',
    message:
      'Tệp PDF là bản scan (không có lớp chữ) nhưng máy chủ chưa cài phần mềm nhận dạng chữ ({missing}) nên chưa đọc được. Quản trị viên cần cài các gói Debian tesseract-ocr, tesseract-ocr-vie và poppler-utils (apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils). Trong lúc chờ, hãy nhập tay các trường của văn bản.',
  },
  SCAN_TOO_MANY_PAGES: { code: 'VALIDATION_FAILED', message: 'Tệp PDF có {pages} trang scan cần nhận dạng chữ, vượt giới hạn {maxPages} trang. Hãy tách tệp hoặc dùng bản PDF có lớp chữ.' },
  TOO_MANY_PAGES: { code: 'VALIDATION_FAILED', message: 'Tệp PDF có {pages} trang, vượt giới hạn {maxPages} trang.' },
  TEXT_TOO_LONG: { code: 'VALIDATION_FAILED', message: 'Văn bản quá dài: {chars} ký tự, tối đa {maxChars} ký tự.' },
  TOO_MANY_ROWS: { code: 'VALIDATION_FAILED', message: 'Tệp có quá nhiều dòng: mỗi lần nhập tối đa {maxRows} đơn vị. Hãy chia tệp thành nhiều phần.' },
  ZIP_UNREADABLE: { code: 'VALIDATION_FAILED', message: 'Không đọc được tệp {label}: tệp bị hỏng hoặc không đúng định dạng.' },
  ZIP_TOO_MANY_PARTS: { code: 'VALIDATION_FAILED', message: `Tệp {label} bị từ chối: tệp gồm {parts} phần, vượt giới hạn {maxParts}. ${ZIP_ADVICE}` },
  ZIP_TOO_LARGE_UNPACKED: { code: 'VALIDATION_FAILED', message: `Tệp {label} bị từ chối: nội dung khi giải nén là {size}, vượt giới hạn {maxSize}. ${ZIP_ADVICE}` },
  ZIP_SUSPICIOUS_RATIO: { code: 'VALIDATION_FAILED', message: `Tệp {label} bị từ chối: phần "{part}" nén bất thường (bung ra gấp {ratio} lần). ${ZIP_ADVICE}` },
  PARSE_MEMORY_LIMIT: { code: 'VALIDATION_FAILED', message: `Tệp quá lớn hoặc quá phức tạp để đọc: vượt giới hạn bộ nhớ khi đọc tệp. ${PARSE_ADVICE}` },
  PARSE_TIME_LIMIT: { code: 'VALIDATION_FAILED', message: `Đọc tệp quá lâu (quá {seconds} giây): tệp quá lớn hoặc quá phức tạp. ${PARSE_ADVICE}` },
  PARSE_FAILED: { code: 'VALIDATION_FAILED', message: 'Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng.' },
  PARSE_QUEUE_FULL: { code: 'RATE_LIMITED', message: 'Máy chủ đang đọc nhiều tệp khác. Hãy thử lại sau ít phút.' },

  // ---------------------------------------------------------------- backups
  BACKUP_INVALID: { code: 'VALIDATION_FAILED', message: 'Tệp sao lưu không hợp lệ hoặc không đầy đủ ({why}). / not a complete Lan Tỏa backup.' },
  BACKUP_FROM_OTHER_VERSION: {
    code: 'CONFLICT',
    message:
      'Bản sao lưu được tạo bởi một phiên bản Lan Tỏa khác (lược đồ cơ sở dữ liệu thứ {migration} không có ở đây); hãy khôi phục bằng phiên bản Lan Tỏa đã tạo nó hoặc mới hơn. ' +
      '/ the backup was made by a Lan Tỏa whose migration {migration} this one does not have; restore it with that version or a newer one.',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    code: 'CONFLICT',
    message: 'Cơ sở dữ liệu đích không trống; chỉ khôi phục vào cơ sở dữ liệu mới, trống (createdb … hoặc LANTOA_DATA_DIR mới). / the target database is not empty.',
  },

  // ---------------------------------------------------------------- dates, periods, deadlines
  TIME_OF_DAY_INVALID: { code: 'VALIDATION_FAILED', message: 'Giờ "{time}" không hợp lệ (cần dạng HH:MM, từ 00:00 đến 24:00).' },
  DATE_INVALID: { code: 'VALIDATION_FAILED', message: 'Ngày "{date}" không hợp lệ (cần dạng YYYY-MM-DD).' },
  INSTANT_INVALID: { code: 'VALIDATION_FAILED', message: 'Thời điểm "{instant}" không hợp lệ (cần dạng ISO 8601, ví dụ 2025-11-05T16:00:00+07:00).' },
  SCHEDULE_WEEKDAY_INVALID: { code: 'VALIDATION_FAILED', message: 'Thứ chốt số liệu "{weekday}" không hợp lệ (1 = thứ Hai … 7 = Chủ nhật).' },
  SCHEDULE_RANGE_INVALID: { code: 'VALIDATION_FAILED', message: 'Thời điểm bắt đầu phải trước thời điểm kết thúc.' },
  SCHEDULE_CUTOFF_DAY_INVALID: { code: 'VALIDATION_FAILED', message: 'Ngày chốt số liệu "{day}" không hợp lệ (1–31).' },
  SCHEDULE_KIND_INVALID: { code: 'VALIDATION_FAILED', message: 'Loại kỳ báo cáo không hợp lệ.' },
  PERIOD_NOT_CLOSING_WEEKDAY: { code: 'VALIDATION_FAILED', message: 'Ngày {shown} là {dayName}, không phải ngày chốt số liệu ({closingDayName} hằng tuần).' },
  PERIOD_NOT_CLOSING_DATE: { code: 'VALIDATION_FAILED', message: 'Đợt báo cáo kết thúc ngày {closing}, không phải ngày {shown}.' },
  PERIOD_NOT_CUTOFF_DAY: { code: 'VALIDATION_FAILED', message: 'Ngày {shown} không phải ngày chốt số liệu của kỳ báo cáo (ngày {cutoffDay} của tháng cuối kỳ).' },
  PERIOD_RANGE_TOO_LONG: { code: 'VALIDATION_FAILED', message: 'Khoảng thời gian quá dài (hơn {maxPeriods} kỳ báo cáo).' },
  DEADLINE_WEEKDAY_INVALID: { code: 'VALIDATION_FAILED', message: 'Thứ của hạn báo cáo không hợp lệ.' },
  DEADLINE_DAYS_INVALID: { code: 'VALIDATION_FAILED', message: 'Số ngày làm việc của hạn báo cáo không hợp lệ (1–366).' },
  DEADLINE_DAY_INVALID: { code: 'VALIDATION_FAILED', message: 'Ngày của hạn báo cáo không hợp lệ (1–31).' },
  DEADLINE_TOO_CLOSE: { code: 'VALIDATION_FAILED', message: 'Hạn ngày {shown} không cách thời điểm chốt số liệu ít nhất 01 ngày làm việc (Nghị định 09/2019, Điều 8).' },
  DEADLINE_KIND_INVALID: { code: 'VALIDATION_FAILED', message: 'Loại hạn báo cáo không hợp lệ.' },
  DEADLINE_OFFSET_INVALID: { code: 'VALIDATION_FAILED', message: 'Số phút lệch so với thời điểm chốt số liệu của hạn báo cáo không hợp lệ.' },

  // ---------------------------------------------------------------- period reports (the submission ledger)
  PERIOD_REPORT_SUBMITTED: { code: 'CONFLICT', message: 'Báo cáo kỳ này của đơn vị đã được gửi; chỉ gửi lại được khi cấp nhận báo cáo trả lại.' },
  NOTIFICATION_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy thông báo này.' },
  PERIOD_REPORT_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy báo cáo đã gửi này.' },
  PERIOD_REPORT_NOT_UNDER_REVIEW: { code: 'CONFLICT', message: 'Báo cáo này đã được trả lại hoặc phê duyệt; chỉ trả lại hoặc phê duyệt được bản đang chờ xem xét.' },
  PERIOD_REPORT_RETURN_REASON_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy ghi lý do trả lại báo cáo.' },
  PERIOD_REPORT_NOT_APPROVED: { code: 'CONFLICT', message: 'Chỉ mở lại được báo cáo đã được phê duyệt.' },
  PERIOD_REPORT_REOPEN_REASON_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy ghi lý do mở lại báo cáo.' },

  // ---------------------------------------------------------------- report regimes: filling, consolidation, status (issue 13, flow)
  REPORT_PERIOD_NOT_FOUND: { code: 'NOT_FOUND', message: 'Chế độ báo cáo không có kỳ chốt số liệu ngày {closingDate}.' },
  REPORT_UNIT_NOT_EXPECTED: { code: 'NOT_FOUND', message: 'Đơn vị này không thuộc diện báo cáo của kỳ này.' },
  REPORT_ISSUER_DOES_NOT_REPORT: { code: 'CONFLICT', message: 'Đơn vị ban hành chế độ báo cáo chỉ nhận và tổng hợp báo cáo, không gửi báo cáo kỳ này.' },
  REPORT_REGIME_NOT_RECEIVING: { code: 'CONFLICT', message: 'Chế độ báo cáo đã được lưu trữ; không nhận báo cáo mới.' },
  REPORT_READ_ONLY: { code: 'CONFLICT', message: 'Báo cáo kỳ này đã gửi (đang chờ xem xét hoặc đã được phê duyệt); chỉ sửa được khi cấp nhận báo cáo trả lại hoặc mở lại.' },
  REPORT_VALUES_INVALID: { code: 'VALIDATION_FAILED', message: 'Số liệu báo cáo có {count} lỗi; hãy sửa các chỉ tiêu được nêu rồi gửi lại.' },
  REPORT_VERSION_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không có phiên bản {version} của báo cáo này.' },

  // ---------------------------------------------------------------- units and accounts
  UNIT_NOT_FOUND: { code: 'NOT_FOUND' },
  UNIT_CODE_TAKEN: { code: 'CONFLICT', message: 'Mã đơn vị "{code}" đã được dùng. Hãy chọn mã khác.' },
  UNIT_ACTIVE_RANGE_INVALID: { code: 'VALIDATION_FAILED', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.' },
  UNIT_MOVE_CYCLE: { code: 'VALIDATION_FAILED', message: 'Không thể chuyển đơn vị vào dưới chính nó hoặc đơn vị trực thuộc của nó.' },
  UNIT_FILE_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy chọn một tệp .csv hoặc .xlsx để nhập.' },
  UNIT_IMPORT_REJECTED: { code: 'IMPORT_REJECTED', message: 'Tệp có {errorCount} lỗi; chưa có đơn vị nào được ghi. Hãy sửa các dòng được liệt kê rồi nhập lại.' },
  ACCOUNT_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy tài khoản trong phạm vi bạn quản lý.' },
  USERNAME_TAKEN: { code: 'CONFLICT', message: 'Tên đăng nhập "{username}" đã có người dùng. Hãy chọn tên khác.' },
  SELF_DEACTIVATE: { code: 'VALIDATION_FAILED', message: 'Bạn không thể tự khóa tài khoản của chính mình.' },
  SELF_GRANT: { code: 'FORBIDDEN', message: 'Bạn không thể tự giao vai trò cho chính mình; hãy nhờ một quản trị viên khác.' },
  ROLE_UNIT_MISMATCH: { code: 'VALIDATION_FAILED', message: 'Vai trò quản trị hệ thống áp dụng cho toàn hệ thống; các vai trò khác phải gắn với một đơn vị.' },
  GRANT_EXISTS: { code: 'CONFLICT', message: 'Tài khoản đã có vai trò này trên đơn vị này.' },
  GRANT_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy vai trò này của tài khoản.' },
  LAST_SYSTEM_ADMIN: { code: 'VALIDATION_FAILED', message: 'Bạn không thể tự gỡ quyền quản trị hệ thống cuối cùng của mình.' },

  // ---------------------------------------------------------------- directives
  DIRECTIVE_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy văn bản hoặc văn bản nằm ngoài phạm vi đơn vị của bạn.' },
  DIRECTIVE_FILE_MISSING: { code: 'NOT_FOUND', message: 'Văn bản này được đăng ký từ nội dung dán vào, không có tệp gốc.' },
  DIRECTIVE_FILE_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy chọn tệp văn bản (.docx, .pdf hoặc .txt).' },
  DIRECTIVE_TEXT_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy dán nội dung văn bản hoặc chọn một tệp .docx, .pdf hoặc .txt.' },
  DIRECTIVE_DATA_INVALID: { code: 'VALIDATION_FAILED', message: 'Thiếu hoặc sai trường "data" (JSON).' },
  DIRECTIVE_ALREADY_REGISTERED: { code: 'CONFLICT', message: 'Văn bản này đã được đăng ký trong sổ của đơn vị: {title}. Hãy mở văn bản đã có thay vì đăng ký lại.' },
  LINKED_UNITS_OUT_OF_SCOPE: { code: 'VALIDATION_FAILED', message: 'Có đơn vị được liên kết nằm ngoài phạm vi của bạn. Hãy chọn lại đơn vị hoặc để trống.' },
  UNIT_NOT_ADDRESSED: { code: 'VALIDATION_FAILED', message: 'Đơn vị này không có trong danh sách nhận văn bản.' },
  DRAFT_NOT_FOUND: { code: 'NOT_FOUND' },
  DRAFT_ALREADY_STARTED: { code: 'CONFLICT', message: '{unitName} đã có dự thảo thực hiện văn bản này. Hãy mở dự thảo đã có, hoặc chọn tạo dự thảo mới.' },
  DRAFT_ALREADY_ISSUED: { code: 'CONFLICT', message: 'Dự thảo này đã được ban hành; không sửa hay ban hành lại được.' },
  DRAFT_NUMBER_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy nhập số, ký hiệu của văn bản (bắt đầu bằng số, ví dụ 15-CV/ĐU).' },
  DRAFT_DATE_INVALID: { code: 'VALIDATION_FAILED', message: 'Hãy nhập đủ ngày, tháng, năm ban hành hợp lệ.' },

  // ---------------------------------------------------------------- consultations
  CONSULTATION_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không có đợt lấy ý kiến mã "{code}".' },
  CONSULTATION_NOT_OPEN_YET: { code: 'NOT_FOUND', message: 'Đợt lấy ý kiến "{code}" chưa bắt đầu nhận góp ý.' },
  CONSULTATION_CLOSED: { code: 'NOT_FOUND', message: 'Đợt lấy ý kiến "{code}" đã kết thúc.' },
  CONSULTATION_CHANGED: { code: 'CONFLICT', message: 'Đợt lấy ý kiến vừa được thay đổi; hãy gửi lại.' },
  CONSULTATION_CODE_INVALID: { code: 'VALIDATION_FAILED', message: 'Mã đợt lấy ý kiến chỉ gồm chữ, số và . _ - (tối đa 64 ký tự).' },
  CONSULTATION_CODE_TAKEN: { code: 'CONFLICT', message: 'Đã có đợt lấy ý kiến mã "{code}".' },
  CONSULTATION_DOCUMENTS_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Cần ít nhất một dự thảo (--document MÃ=Tên).' },
  CONSULTATION_RANGE_INVALID: { code: 'VALIDATION_FAILED', message: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.' },
  DOCUMENT_CODES_DUPLICATE: { code: 'VALIDATION_FAILED', message: 'Mã dự thảo bị trùng.' },
  DOCUMENT_NOT_FOUND: { code: 'NOT_FOUND', message: 'Đợt lấy ý kiến không có dự thảo mã "{document}".' },
  DOCUMENT_UNKNOWN: { code: 'VALIDATION_FAILED', message: 'Đợt lấy ý kiến không có dự thảo mã "{document}".' },
  DOCUMENT_WITHOUT_SECTIONS: { code: 'VALIDATION_FAILED', message: 'Không tách được phần, mục nào từ văn bản; hãy kiểm tra tệp (cần có đánh số I., 1., a) …).' },
  CONSULTATION_UNITS_OUTSIDE_OWNER: { code: 'VALIDATION_FAILED', message: 'Đơn vị tham gia phải là đơn vị mở đợt lấy ý kiến hoặc đơn vị trực thuộc đơn vị đó.' },
  CONSULTATION_CUTOFF_INVALID: { code: 'VALIDATION_FAILED', message: 'Giờ chốt số liệu hằng tuần cần một thứ (thứ Hai đến Chủ nhật) và giờ dạng HH:MM.' },
  CONSULTATION_CLOSES_IN_PAST: { code: 'VALIDATION_FAILED', message: 'Thời điểm kết thúc phải ở tương lai.' },
  CONSULTATION_EDIT_CLOSED: { code: 'CONFLICT', message: 'Đợt lấy ý kiến "{code}" đã kết thúc; không sửa được nữa.' },
  CONSULTATION_EDIT_STARTED: { code: 'CONFLICT', message: 'Đợt lấy ý kiến "{code}" đã bắt đầu; không đổi được thời điểm bắt đầu và giờ chốt số liệu hằng tuần.' },
  DOCUMENT_TEXT_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy chọn tệp dự thảo (.docx, .pdf hoặc .txt) hoặc dán nội dung dự thảo.' },
  UNIT_NOT_TAKING_PART: { code: 'VALIDATION_FAILED', message: 'Đơn vị tiếp nhận không tham gia đợt lấy ý kiến này.' },
  OPINIONS_INVALID: { code: 'VALIDATION_FAILED', message: 'Có ý kiến chưa hợp lệ; hãy sửa các ý kiến được đánh dấu.' },
  INSTANT_IN_FUTURE: { code: 'VALIDATION_FAILED', message: 'Thời điểm không được ở tương lai.' },
  INSTANT_BEFORE_OPENING: { code: 'VALIDATION_FAILED', message: 'Thời điểm phải từ lúc bắt đầu đợt lấy ý kiến.' },
  INSTANT_AFTER_CLOSING: { code: 'VALIDATION_FAILED', message: 'Thời điểm phải trước khi đợt lấy ý kiến kết thúc.' },
  SUBMISSION_IN_PROGRESS: { code: 'CONFLICT', message: 'Lượt góp ý đang được ghi; hãy thử lại.' },
  SUBMISSION_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy lượt góp ý.' },
  SUBMISSION_WITHOUT_CONTACT: { code: 'NOT_FOUND', message: 'Lượt góp ý này không có thông tin liên hệ.' },
  CONTACT_RECEIVING_UNIT_ONLY: { code: 'FORBIDDEN', message: 'Thông tin liên hệ chỉ cán bộ nhập liệu của đơn vị tiếp nhận được xem; không chuyển lên cấp trên.' },
  OPINION_FILE_UNREADABLE: { code: 'VALIDATION_FAILED', message: 'Không mở được tệp "{path}".' },
  OPINION_IMPORT_REJECTED: {
    code: 'IMPORT_REJECTED',
    message: 'Tệp có {errorCount} dòng không hợp lệ; chưa có ý kiến nào được ghi. Hãy sửa các dòng được liệt kê rồi nhập lại (hoặc dùng --skip-invalid).',
  },
  OPINION_FILE_REJECTED: { code: 'IMPORT_REJECTED', message: '{problem} Chưa có ý kiến nào được ghi.' },
  OPINION_IMPORT_RACE: {
    code: 'CONFLICT',
    message: 'Trong lúc nhập, một lượt góp ý cùng mã submission_id vừa được ghi từ nơi khác; chưa có ý kiến nào của tệp được ghi. Hãy nhập lại tệp.',
  },
  WEEKLY_REPORT_SUBMITTED: { code: 'CONFLICT', message: 'Báo cáo tuần này của đơn vị đã được gửi; bản đã gửi được giữ nguyên.' },
  WEEK_LOCKED_BY_REPORT: {
    code: 'CONFLICT',
    message: 'Báo cáo tuần này của đơn vị đã được gửi lên cấp trên; cấp trên xem bản đã gửi, nên không thể thay đổi ý kiến tiêu biểu của tuần này nữa.',
  },
  CURSOR_INVALID: { code: 'VALIDATION_FAILED', message: 'Con trỏ trang (cursor) không hợp lệ; hãy tải lại danh sách.' },
  OPINION_NOT_IN_SUBTREE: { code: 'NOT_FOUND', message: 'Không tìm thấy ý kiến này trong các ý kiến do đơn vị và các đơn vị trực thuộc tiếp nhận.' },
  OPINION_OUTSIDE_WEEK: { code: 'VALIDATION_FAILED', message: 'Ý kiến này được gửi lúc {submittedAt}, không thuộc {week}.' },
  OPINION_GONE: { code: 'NOT_FOUND', message: 'Ý kiến này không còn trong dữ liệu.' },
  REPRESENTATIVE_ALREADY_PICKED: { code: 'CONFLICT', message: 'Ý kiến này đã là ý kiến tiêu biểu của đơn vị trong tuần.' },
  REPRESENTATIVE_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy ý kiến tiêu biểu này của đơn vị.' },
  CARRY_UP_NOT_DIRECT_CHILD: { code: 'VALIDATION_FAILED', message: 'Chỉ đưa lên được ý kiến tiêu biểu của đơn vị trực thuộc trực tiếp.' },
  CARRY_UP_NOT_IN_CHILD_REPORT: { code: 'NOT_FOUND', message: 'Báo cáo tuần đã gửi của {childName} không có ý kiến tiêu biểu này.' },
  CARRY_UP_NOT_PICKED_BY_CHILD: { code: 'NOT_FOUND', message: '{childName} chưa chọn ý kiến này là ý kiến tiêu biểu của tuần.' },
  // ---------------------------------------------------------------- campaign plans (write side)
  CAMPAIGN_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy kế hoạch hoặc kế hoạch nằm ngoài phạm vi đơn vị của bạn.' },
  CAMPAIGN_TASK_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy nhiệm vụ hoặc nhiệm vụ nằm ngoài phạm vi đơn vị của bạn.' },
  CAMPAIGN_ACTIVITY_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy hoạt động này hoặc hoạt động nằm ngoài phạm vi đơn vị của bạn.' },
  CAMPAIGN_FILE_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy tệp đính kèm này hoặc tệp nằm ngoài phạm vi đơn vị của bạn.' },
  CAMPAIGN_MILESTONE_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy mốc thời gian này trong kế hoạch.' },
  CAMPAIGN_CODE_TAKEN: { code: 'CONFLICT', message: 'Mã kế hoạch "{code}" đã được dùng. Hãy chọn mã khác hoặc để trống để hệ thống tự đặt.' },
  CAMPAIGN_KEY_DUPLICATE: { code: 'VALIDATION_FAILED', message: 'Khóa "{key}" được dùng hai lần trong kế hoạch; mỗi mốc, đợt, nội dung cần một khóa riêng.' },
  CAMPAIGN_KEY_UNKNOWN: { code: 'VALIDATION_FAILED', message: 'Kế hoạch nhắc tới {what} "{key}" nhưng không có {what} nào mang khóa này.' },
  CAMPAIGN_RANGE_INVALID: { code: 'VALIDATION_FAILED', message: '"{title}" kết thúc trước khi bắt đầu; hãy kiểm tra lại thời gian.' },
  CAMPAIGN_UNITS_OUT_OF_SUBTREE: {
    code: 'VALIDATION_FAILED',
    message: 'Có đơn vị được giao nhiệm vụ không thuộc đơn vị ban hành kế hoạch hoặc các đơn vị trực thuộc; kế hoạch chỉ giao việc cho cấp dưới.',
  },
  CAMPAIGN_PARENT_TASK_INVALID: {
    code: 'VALIDATION_FAILED',
    message: 'Nhiệm vụ cấp trên được chọn không thuộc kế hoạch được thực hiện hoặc không giao cho đơn vị trong phạm vi của đơn vị ban hành.',
  },
  CAMPAIGN_NOT_RECEIVED: { code: 'VALIDATION_FAILED', message: 'Đơn vị này không được giao nhiệm vụ nào trong kế hoạch, nên không có gì để xây dựng kế hoạch thực hiện.' },
  CAMPAIGN_QUANTITY_KIND_UNKNOWN: { code: 'VALIDATION_FAILED', message: 'Loại số liệu "{kind}" không có trong danh mục số liệu hoạt động.' },
  CAMPAIGN_THEME_UNKNOWN: { code: 'VALIDATION_FAILED', message: 'Nội dung tuyên truyền được chọn không thuộc kế hoạch này.' },
  CAMPAIGN_CHANNEL_UNKNOWN: { code: 'VALIDATION_FAILED', message: 'Hình thức tuyên truyền "{channel}" không có trong danh mục.' },
  CAMPAIGN_TASK_ALREADY_DONE: { code: 'CONFLICT', message: 'Nhiệm vụ này đã được đánh dấu hoàn thành.' },
  CAMPAIGN_TASK_NOT_DONE: { code: 'CONFLICT', message: 'Nhiệm vụ này chưa được đánh dấu hoàn thành nên không cần mở lại.' },
  CAMPAIGN_FILE_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy chọn một tệp ảnh (JPEG, PNG, WebP), PDF hoặc Word (.docx) để đính kèm.' },
  CAMPAIGN_FILE_TYPE_UNSUPPORTED: {
    code: 'VALIDATION_FAILED',
    message: 'Tệp "{fileName}" không được nhận: chỉ nhận ảnh JPEG, PNG, WebP, tệp PDF hoặc Word (.docx), và nội dung tệp phải đúng với đuôi tên tệp.',
  },
  CAMPAIGN_ACTIVITY_FILES_FULL: { code: 'VALIDATION_FAILED', message: 'Mỗi hoạt động đính kèm tối đa {max} tệp.' },
  CAMPAIGN_UNIT_NOT_IN_CAMPAIGN: { code: 'NOT_FOUND', message: 'Không có kế hoạch mã "{campaign}" hoặc đơn vị mã "{unit}".' },
  // ---------------------------------------------------------------- report documents (XLSX template import)
  REPORT_FILE_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy chọn tệp mẫu báo cáo (.xlsx) đã điền để nhập.' },
  REPORT_SHEET_TOO_LARGE: { code: 'VALIDATION_FAILED', message: `Tệp Excel (.xlsx) bị từ chối: phần "{part}" khi giải nén vượt {maxSize}; mẫu báo cáo không lớn như vậy. ${ZIP_ADVICE}` },
  REPORT_SHEET_TOO_MANY_ROWS: { code: 'VALIDATION_FAILED', message: 'Trang "{sheet}" có {rows} dòng, vượt giới hạn {maxRows} dòng của mẫu báo cáo.' },
  REPORT_IMPORT_REJECTED: { code: 'IMPORT_REJECTED', message: 'Tệp có {errorCount} ô không hợp lệ; chưa có số liệu nào được ghi. Hãy sửa các ô được liệt kê rồi nhập lại.' },
  // ---------------------------------------------------------------- report regimes and periods (issue 13)
  REPORT_REGIME_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy chế độ báo cáo hoặc chế độ báo cáo nằm ngoài phạm vi đơn vị của bạn.' },
  REPORT_REGIME_UNITS_UNKNOWN: { code: 'VALIDATION_FAILED', message: 'Không có đơn vị mã: {codes}.' },
  REPORT_REGIME_UNITS_OUTSIDE: { code: 'VALIDATION_FAILED', message: 'Các đơn vị sau không thuộc phạm vi của đơn vị ban hành chế độ báo cáo: {codes}.' },
  REPORT_REGIME_ISSUER_CHANGED: { code: 'CONFLICT', message: 'Chế độ báo cáo mã "{code}" đã có đơn vị ban hành khác; không đổi được đơn vị ban hành.' },
  REPORT_REGIME_DEFINITION_INVALID: { code: 'VALIDATION_FAILED', message: 'Định nghĩa chế độ báo cáo chưa hợp lệ; xem từng lỗi trong danh sách kèm theo.' },
  REPORT_REGIME_NO_RULE: {
    code: 'VALIDATION_FAILED',
    message: 'Văn bản không có quy định thời hạn báo cáo định kỳ (ví dụ "trước 16h00 thứ Tư hằng tuần", "hằng tháng"); hãy tự chọn tần suất báo cáo.',
  },
  REPORT_REGIME_CODE_TAKEN: { code: 'CONFLICT', message: 'Đã có chế độ báo cáo mã "{code}".' },
  REPORT_REGIME_ARCHIVED: { code: 'CONFLICT', message: 'Chế độ báo cáo này đã lưu trữ, không sửa được nữa.' },
  // ---------------------------------------------------------------- contests: definition, bank, headcount (issue 14)
  CONTEST_DEFINITION_INVALID: { code: 'VALIDATION_FAILED', message: 'Định nghĩa cuộc thi chưa hợp lệ; xem từng lỗi trong danh sách kèm theo.' },
  CONTEST_UNIT_UNKNOWN: { code: 'VALIDATION_FAILED', message: 'Không có đơn vị mã "{code}".' },
  CONTEST_AUDIENCE_UNIT_OUTSIDE: { code: 'VALIDATION_FAILED', message: 'Đơn vị dự thi "{code}" không thuộc phạm vi của đơn vị tổ chức cuộc thi.' },
  CONTEST_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy cuộc thi hoặc cuộc thi nằm ngoài phạm vi đơn vị của bạn.' },
  CONTEST_CODE_TAKEN: { code: 'CONFLICT', message: 'Đã có cuộc thi mã "{code}".' },
  CONTEST_ORGANISER_CHANGED: { code: 'CONFLICT', message: 'Cuộc thi mã "{code}" đã có đơn vị tổ chức khác; không đổi được đơn vị tổ chức.' },
  CONTEST_ROUND_LOCKED: { code: 'CONFLICT', message: 'Vòng {round} đã mở (từ {opensAt}); cài đặt của vòng này không sửa được nữa.' },
  CONTEST_AUDIENCE_LOCKED: { code: 'CONFLICT', message: 'Cuộc thi đã có vòng mở; không đổi được đối tượng dự thi.' },
  CONTEST_QUESTION_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy câu hỏi hoặc câu hỏi nằm ngoài phạm vi đơn vị của bạn.' },
  CONTEST_QUESTION_INVALID: { code: 'VALIDATION_FAILED', message: 'Câu hỏi chưa hợp lệ: {problems}' },
  CONTEST_QUESTION_DUPLICATE: { code: 'CONFLICT', message: 'Ngân hàng câu hỏi đã có câu hỏi này (cùng nội dung, phương án và đáp án), mã {questionId}.' },
  CONTEST_QUESTION_RETIRED: { code: 'CONFLICT', message: 'Câu hỏi này đã được loại khỏi ngân hàng câu hỏi; không sửa được nữa.' },
  CONTEST_IMPORT_FILE_REQUIRED: { code: 'VALIDATION_FAILED', message: 'Hãy chọn tệp câu hỏi (.csv hoặc .xlsx) để nhập.' },
  CONTEST_IMPORT_FILE_TYPE: { code: 'VALIDATION_FAILED', message: 'Tệp "{fileName}" không được nhận: chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx).' },
  CONTEST_IMPORT_HEADER_INVALID: {
    code: 'VALIDATION_FAILED',
    message: 'Dòng tiêu đề của tệp phải là: question,option_a,option_b,option_c,option_d,option_e,option_f,correct,topic,difficulty,source (thêm explanation, disputed nếu cần). {problem}',
  },
  CONTEST_IMPORT_TOO_MANY_ROWS: { code: 'VALIDATION_FAILED', message: 'Tệp có {rows} dòng, vượt giới hạn {maxRows} câu hỏi mỗi lần nhập; hãy chia thành nhiều tệp.' },
  CONTEST_IMPORT_REJECTED: { code: 'IMPORT_REJECTED', message: 'Tệp có {rejectedCount} dòng không hợp lệ; chưa câu hỏi nào được ghi. Hãy sửa các dòng được liệt kê rồi nhập lại.' },
  // ---------------------------------------------------------------- contests: closing, results, flags (issue 14)
  CONTEST_ROUND_NOT_FOUND: { code: 'NOT_FOUND', message: 'Cuộc thi không có vòng thi số {number}.' },
  CONTEST_ROUND_NOT_DUE: { code: 'CONFLICT', message: 'Vòng thi chỉ được tổng kết từ {at} (giờ Việt Nam), sau khi hết giờ thi và thời gian gia hạn nộp bài.' },
  CONTEST_ROUND_NOT_CLOSED: { code: 'CONFLICT', message: 'Vòng thi chưa được tổng kết; kết quả chỉ có sau khi vòng thi kết thúc.' },
  CONTEST_FLAG_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy dấu hiệu bất thường này.' },
  CONTEST_RESULTS_CONFIRMED: { code: 'CONFLICT', message: 'Kết quả vòng thi đã được xác nhận; không thay đổi được nữa.' },
  CONTEST_FLAGS_NOT_COMPUTED: { code: 'CONFLICT', message: 'Hệ thống đang rà soát các dấu hiệu bất thường của vòng thi; hãy thử lại sau ít phút.' },
  CONTEST_FLAGS_PENDING: { code: 'CONFLICT', message: 'Còn {count} dấu hiệu bất thường liên quan đến người đạt giải chưa được xem xét; hãy xem xét trước khi xác nhận kết quả.' },
  // ---------------------------------------------------------------- contests: taking part (issue 14, participants, attempts, practice)
  CONTEST_ROUND_NOT_OPEN: { code: 'CONFLICT', message: 'Vòng {number} không trong thời gian thi (mở từ {opensAt} đến {closesAt}); chỉ bắt đầu lượt thi khi vòng đang mở.' },
  CONTEST_POOL_EMPTY: { code: 'CONFLICT', message: 'Vòng thi chưa có câu hỏi nào để rút đề; hãy báo ban tổ chức.' },
  CONTEST_ATTEMPTS_EXHAUSTED: { code: 'RATE_LIMITED', message: 'Bạn đã dùng hết {allowed} lượt thi của vòng này.' },
  CONTEST_PHONE_INVALID: { code: 'VALIDATION_FAILED', message: 'Số điện thoại không phải số di động Việt Nam: cần 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09 (có thể viết +84).' },
  CONTEST_ID_NUMBER_INVALID: { code: 'VALIDATION_FAILED', message: 'Số CMND/CCCD phải gồm 9 hoặc 12 chữ số.' },
  CONTEST_UNIT_NOT_ALLOWED: { code: 'VALIDATION_FAILED', message: 'Hãy chọn đơn vị trong danh sách các đơn vị đang hoạt động được dự thi.' },
  CONTEST_LOGIN_REQUIRED: { code: 'CONFLICT', message: 'Cuộc thi này dành cho cán bộ có tài khoản: hãy đăng nhập để dự thi.' },
  CONTEST_NOT_INTERNAL: { code: 'CONFLICT', message: 'Cuộc thi này là cuộc thi công khai: hãy đăng ký dự thi bằng số điện thoại.' },
  CONTEST_OUTSIDE_AUDIENCE: { code: 'FORBIDDEN', message: 'Tài khoản của bạn không thuộc đơn vị được tham gia cuộc thi này.' },
  CONTEST_PARTICIPANT_TOKEN_INVALID: { code: 'NOT_FOUND', message: 'Mã dự thi không hợp lệ hoặc không thuộc cuộc thi này. Hãy đăng ký (hoặc đăng nhập) lại để tiếp tục.' },
  CONTEST_ATTEMPT_NOT_FOUND: { code: 'NOT_FOUND', message: 'Không tìm thấy lượt thi; đường dẫn có thể đã bị sửa.' },
  CONTEST_ANSWER_LATE: { code: 'CONFLICT', message: 'Đã hết giờ làm bài (kể cả {graceSeconds} giây gia hạn, đến {lastInstant}): câu trả lời này không được lưu. Các câu đã lưu trước đó vẫn được tính; hãy nộp bài.' },
  CONTEST_ATTEMPT_SUBMITTED: { code: 'CONFLICT', message: 'Lượt thi này đã nộp bài; không sửa câu trả lời được nữa.' },
  CONTEST_ANSWER_INVALID: { code: 'VALIDATION_FAILED', message: 'Lượt thi không có câu số {position} hoặc phương án đã chọn không có trong câu đó.' },
  CONTEST_REVIEW_NOT_YET: { code: 'CONFLICT', message: 'Đáp án và giải thích chỉ được công bố sau khi vòng thi kết thúc ({closesAt}).' },
  CONTEST_SUBMIT_BUSY: { code: 'CONFLICT', message: 'Bài thi đang được ghi nhận cùng lúc với một câu trả lời vừa lưu. Hãy bấm Nộp bài lại sau vài giây.' },
  CONTEST_RATE_LIMITED: { code: 'RATE_LIMITED', message: 'Bạn thao tác quá nhanh (quá {max} lần trong một phút). Hãy đợi {retryAfterSeconds} giây rồi thử lại.' },
  CONTEST_PRACTICE_EMPTY: { code: 'CONFLICT', message: 'Chưa có vòng thi nào kết thúc nên chưa có câu hỏi để ôn tập.' },
  CONTEST_PRACTICE_TOKEN_INVALID: { code: 'NOT_FOUND', message: 'Phiếu ôn tập không hợp lệ hoặc không có câu số này. Hãy bắt đầu lượt ôn tập mới.' },
} as const satisfies Record<string, ReasonEntry>;

export type ErrorReason = keyof typeof errorReasons;
export const errorReasonNames = Object.keys(errorReasons) as [ErrorReason, ...ErrorReason[]];

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && Object.hasOwn(errorReasons, value);
}

/** The placeholders a text holds, e.g. ['code'] for 'Không có đợt lấy ý kiến mã "{code}".' */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

function shown(value: unknown): string | null {
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (typeof value === 'string') return value;
  return null;
}

/**
 * The Vietnamese text of a reason with its placeholders filled from `values` (an error's details,
 * when they are an object); null when a placeholder has no value there.
 */
export function reasonText(reason: ErrorReason, values?: unknown): string | null {
  const entry: ReasonEntry = errorReasons[reason];
  const text = entry.message ?? errorCodeMessages[entry.code];
  const bag = values && typeof values === 'object' && !Array.isArray(values) ? (values as Record<string, unknown>) : {};
  let missing = false;
  const filled = text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = shown(bag[name]);
    if (value === null) missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
}
