/**
 * zod contract of the representative-opinion endpoints (ý kiến tiêu biểu) and of the part of the
 * weekly report that shows them. No contact detail of a contributor is ever part of these shapes.
 */
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { channels, stances } from '../tables.js';

const isoDate = z.iso.date().describe('YYYY-MM-DD (ngày chốt số liệu kết thúc tuần)');
const unitRef = z.object({ id: z.number().int(), name: z.string() });
const note = safeString().trim().max(1000, 'Ghi chú tối đa 1.000 ký tự.');

export const representativeOpinionSchema = z
  .object({
    id: z.number().int().describe('Mã lựa chọn (dùng để bỏ chọn)'),
    opinionId: z.number().int(),
    document: z.object({ code: z.string(), title: z.string(), position: z.number().int() }),
    section: z.object({ ref: z.string(), heading: z.string().nullable(), position: z.number().int().nullable() }).nullable(),
    stance: z.enum(stances),
    text: z.string(),
    channel: z.enum(channels),
    submittedAt: z.string().describe('Thời điểm góp ý (giờ Việt Nam)'),
    receivingUnit: unitRef.describe('Đơn vị tiếp nhận ý kiến'),
    pickedBy: unitRef.describe('Đơn vị đã chọn ý kiến này là tiêu biểu (nơi chọn đầu tiên)'),
    carriedFrom: unitRef.nullable().describe('Đơn vị trực thuộc mà ý kiến được đưa lên từ đó; null khi đơn vị tự chọn'),
    note: z.string().nullable(),
    pickedAt: z.string(),
  })
  .meta({ id: 'RepresentativeOpinion' });

export const representativesSchema = z
  .object({
    own: z.array(representativeOpinionSchema).describe('Ý kiến tiêu biểu của đơn vị (tự chọn hoặc đưa lên từ đơn vị trực thuộc), theo thứ tự dự thảo, phần'),
    children: z
      .array(
        z.object({
          unitId: z.number().int(),
          code: z.string(),
          name: z.string(),
          source: z.enum(['frozen', 'live']).describe('frozen: theo bản báo cáo đơn vị trực thuộc đã gửi; live: đơn vị chưa gửi, lựa chọn hiện tại'),
          items: z.array(representativeOpinionSchema),
        }),
      )
      .describe('Ý kiến tiêu biểu của các đơn vị trực thuộc (chỉ các đơn vị có chọn)'),
  })
  .meta({ id: 'RepresentativeOpinions' });

export const pickRepresentativeSchema = z
  .object({ periodEnd: isoDate, opinionId: z.number().int().positive(), note: note.nullish() })
  .meta({ id: 'PickRepresentativeInput' });

export const carryUpRepresentativeSchema = z
  .object({
    periodEnd: isoDate,
    fromUnitId: z.number().int().positive().describe('Đơn vị trực thuộc trực tiếp đã chọn ý kiến'),
    opinionId: z.number().int().positive(),
    note: note.nullish().describe('Bỏ trống: giữ ghi chú của đơn vị trực thuộc'),
  })
  .meta({ id: 'CarryUpRepresentativeInput' });

export const CANDIDATE_PAGE_MAX = 50;

export const candidateQuerySchema = z.object({
  periodEnd: isoDate.optional().describe('Mặc định tuần hiện tại'),
  document: safeString().trim().max(64).optional().describe('Mã dự thảo'),
  section: safeString().trim().max(64).optional().describe('Mã phần (gồm cả các mục con, ví dụ "II" gồm "II.1")'),
  stance: z.enum(stances).optional(),
  q: safeString().trim().max(200).optional().describe('Tìm trong nội dung ý kiến, không phân biệt dấu, hoa thường'),
  cursor: safeString().max(200).optional().describe('nextCursor của trang trước'),
  limit: z.coerce.number().int().min(1).max(CANDIDATE_PAGE_MAX).default(20),
});

export const candidatePageSchema = z
  .object({
    items: z.array(
      z.object({
        opinionId: z.number().int(),
        document: z.object({ code: z.string(), title: z.string() }),
        section: z.object({ ref: z.string(), heading: z.string().nullable() }).nullable(),
        stance: z.enum(stances),
        text: z.string(),
        channel: z.enum(channels),
        submittedAt: z.string(),
        receivingUnit: unitRef,
        picked: z.boolean().describe('Đơn vị đã chọn ý kiến này trong tuần'),
      }),
    ),
    hasMore: z.boolean().describe('Còn ý kiến (cũ hơn) chưa xem; tiếp tục bằng nextCursor'),
    nextCursor: z.string().nullable(),
    searchedFrom: z
      .string()
      .describe('Đã tìm các ý kiến gửi từ thời điểm này đến cuối tuần (hoặc đến trang trước); khi tìm lâu, trang có thể ít ý kiến hơn nhưng vẫn còn hasMore'),
  })
  .meta({ id: 'RepresentativeCandidatePage' });

export type RepresentativeOpinion = z.infer<typeof representativeOpinionSchema>;
export type Representatives = z.infer<typeof representativesSchema>;
export type CandidatePage = z.infer<typeof candidatePageSchema>;
