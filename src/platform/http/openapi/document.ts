import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { CSRF_HEADER } from '../session-hook.js';
import { SESSION_COOKIE } from '../../auth/sessions.js';
import { tidyComponents } from './components.js';
import { routeTransform } from './route-transform.js';

/**
 * The OpenAPI document of the API (served at /api/openapi.json). Version 3.1.0: its schemas are
 * JSON Schema 2020-12, the dialect zod and fastify-type-provider-zod emit (see
 * docs/ARCHITECTURE.md, "The API contract").
 */
const tags = [
  { name: 'system', description: 'Tình trạng hệ thống.' },
  { name: 'auth', description: 'Đăng nhập, đăng xuất, phiên làm việc và mật khẩu của chính mình.' },
  { name: 'audit', description: 'Nhật ký thao tác (ai làm gì, khi nào, ở đơn vị nào).' },
  { name: 'notifications', description: 'Thông báo trong ứng dụng của chính mình và cài đặt nhận thông báo qua thư điện tử.' },
  { name: 'home', description: 'Trang chủ: việc cần làm của các đơn vị mình phụ trách, từ mọi phân hệ.' },
  { name: 'units', description: 'Cây đơn vị: xem, thêm, sửa, nhập và xuất tệp.' },
  { name: 'users', description: 'Tài khoản người dùng và quyền theo đơn vị.' },
  { name: 'directives', description: 'Sổ văn bản chỉ đạo, chuỗi thực hiện và dự thảo văn bản thực hiện.' },
  { name: 'consultations', description: 'Đợt lấy ý kiến: mở, sửa thời gian và đơn vị tham gia, nạp nội dung dự thảo.' },
  { name: 'consultation-intake', description: 'Lấy ý kiến góp ý: biểu mẫu công khai, nhập phiếu, hội nghị, thông tin liên hệ.' },
  { name: 'consultation-reports', description: 'Báo cáo tuần tổng hợp ý kiến góp ý và ý kiến tiêu biểu.' },
  { name: 'campaigns', description: 'Kế hoạch tuyên truyền: xác nhận kế hoạch, giao nhiệm vụ cho đơn vị, ghi hoạt động, hoàn thành, kế hoạch thực hiện cấp dưới, tiến độ cộng dồn theo cây đơn vị.' },
  { name: 'reports', description: 'Báo cáo định kỳ: chế độ báo cáo (biểu mẫu, đơn vị báo cáo, thời hạn từng cấp), điền và gửi, trả lại, phê duyệt, tổng hợp, theo dõi; mẫu Excel, nhập Excel, văn bản DOCX/XLSX.' },
  { name: 'contests', description: 'Cuộc thi trắc nghiệm: định nghĩa cuộc thi và vòng thi, ngân hàng câu hỏi, đăng ký dự thi, lượt thi, ôn tập, kết quả, mức độ tham gia theo đơn vị, thống kê câu hỏi.' },
];

export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Lan Tỏa API',
      description:
        'API của Lan Tỏa. Đăng nhập bằng POST /api/v1/auth/login (cookie phiên); mọi yêu cầu thay đổi dữ liệu gửi kèm header x-csrf-token nhận được khi đăng nhập. Lỗi có dạng {code, message, details}.',
      version: '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'Máy chủ Lan Tỏa phục vụ tài liệu này' }],
    tags,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Cookie phiên, đặt khi đăng nhập.' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: CSRF_HEADER,
          description: 'Mã CSRF của phiên (trả về khi đăng nhập và ở GET /api/v1/auth/me); bắt buộc với mọi yêu cầu thay đổi dữ liệu có cookie phiên.',
        },
      },
    },
    security: [{ session: [] }],
  },
  transform: routeTransform,
  transformObject: (input) => finishDocument(jsonSchemaTransformObject(input) as OpenApiDocument),
};

interface Operation {
  summary?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, { description?: string }>;
}
interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

const errorDescriptions: Record<string, string> = {
  '400': 'Dữ liệu gửi lên không hợp lệ (VALIDATION_FAILED); details liệt kê từng lỗi.',
  '401': 'Chưa đăng nhập hoặc phiên đã hết hạn (UNAUTHENTICATED).',
  '403': 'Không có quyền trên đơn vị này (FORBIDDEN), hoặc thiếu/sai mã CSRF (CSRF_FAILED).',
  '404': 'Không tìm thấy, hoặc nằm ngoài phạm vi được xem (NOT_FOUND).',
  '409': 'Xung đột với trạng thái hiện tại (ví dụ: đã tồn tại, đã khóa).',
  '422': 'Tệp đọc được nhưng nội dung có lỗi; details liệt kê từng dòng.',
  '429': 'Quá nhiều yêu cầu; thử lại sau details.retryAfterSeconds giây (RATE_LIMITED).',
  '503': 'Cơ sở dữ liệu không trả lời.',
};

/**
 * The last pass over the generated document: one component per shape, the CSRF scheme on every
 * cookie-authenticated write, a description on every response, no trailing slash on a path
 * (a route at its prefix's root answers with and without it).
 */
export function finishDocument(doc: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    const key = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    paths[key] = Object.fromEntries(Object.entries(operations).map(([method, operation]) => [method, finishOperation(method, operation)]));
  }
  return tidyComponents({ ...doc, paths });
}

function finishOperation(method: string, operation: Operation): Operation {
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  const security = WRITES.has(method) && !isPublic ? [{ session: [], csrf: [] }] : operation.security;
  const responses = Object.fromEntries(
    Object.entries(operation.responses ?? {}).map(([status, response]) => [status, { ...response, description: describe(status, response, operation) }]),
  );
  return { ...operation, ...(security ? { security } : {}), responses };
}

function describe(status: string, response: { description?: string }, operation: Operation): string {
  if (response.description && response.description !== 'Default Response') return response.description;
  if (status === '204') return 'Đã xong (không có nội dung trả về).';
  return errorDescriptions[status] ?? operation.summary ?? 'Kết quả';
}
