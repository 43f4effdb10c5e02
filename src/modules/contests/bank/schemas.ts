import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { difficulties } from '../types.js';
import { MAX_NOTE_CHARS, MAX_OPTION_CHARS, MAX_OPTIONS, MAX_QUESTION_CHARS, MIN_OPTIONS } from './question.js';

/** The question bank's API contract: a question written in the web app, the bank's views, the import's result. */

export const questionInputSchema = z
  .strictObject({
    text: safeString().max(MAX_QUESTION_CHARS),
    options: z.array(safeString().max(MAX_OPTION_CHARS)).min(MIN_OPTIONS, `Câu hỏi cần ít nhất ${MIN_OPTIONS} phương án`).max(MAX_OPTIONS, `Câu hỏi có tối đa ${MAX_OPTIONS} phương án`),
    correct: z.array(z.number().int().min(0)).min(1, 'Phải có ít nhất một đáp án đúng').describe('Chỉ số (từ 0) của các phương án đúng'),
    topic: safeString().trim().max(200).default(''),
    difficulty: z.enum(difficulties, { message: 'Độ khó phải là easy, medium hoặc hard' }),
    source: safeString().max(MAX_NOTE_CHARS).default(''),
    explanation: safeString().max(MAX_NOTE_CHARS).default(''),
    disputed: z.boolean().default(false),
  })
  .meta({ id: 'ContestQuestionBody' });
export type QuestionBody = z.output<typeof questionInputSchema>;

export const questionSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    versionId: z.number().int(),
    text: z.string(),
    options: z.array(z.string()),
    correct: z.array(z.number().int()).describe('Chỉ số (từ 0) của các phương án đúng'),
    topic: z.string(),
    difficulty: z.enum(difficulties),
    source: z.string(),
    explanation: z.string(),
    disputed: z.boolean(),
    used: z.boolean().describe('Đã xuất hiện trong ít nhất một lượt thi: sửa nội dung sẽ tạo phiên bản mới'),
    retired: z.boolean(),
  })
  .meta({ id: 'ContestQuestion' });

export const questionVersionSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    text: z.string(),
    options: z.array(z.string()),
    correct: z.array(z.number().int()),
    source: z.string(),
    explanation: z.string(),
    createdAt: z.string(),
    current: z.boolean(),
  })
  .meta({ id: 'ContestQuestionVersion' });

export const questionListQuery = z.object({
  topic: z.string().optional(),
  difficulty: z.enum(difficulties).optional(),
  disputed: z.enum(['true', 'false']).optional(),
  retired: z.enum(['true', 'false']).optional().describe('true: cả câu hỏi đã loại'),
});

export const questionIdParams = z.object({ id: z.coerce.number().int().positive() });

export const importResultSchema = z
  .object({
    rowsRead: z.number().int(),
    imported: z.number().int(),
    alreadyPresent: z.number().int(),
    rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  })
  .meta({ id: 'ContestQuestionImport', description: 'Kết quả nhập câu hỏi (giống `lantoa contests import-questions --json`); rejected khác rỗng: không câu nào được ghi (422)' });

/** 422: the import's result with the error's code, reason and Vietnamese message (nothing was saved). */
export const importRejectedSchema = importResultSchema
  .extend({ code: z.literal('IMPORT_REJECTED'), reason: z.literal('CONTEST_IMPORT_REJECTED'), message: z.string() })
  .meta({ id: 'ContestQuestionImportRejected' });
