/**
 * A question's content (pure): validation with Vietnamese problems, the normal form of its text
 * (NFC, trimmed, whitespace collapsed) and its content hash over the normalised text, options and
 * correct set — the same question written twice has one hash, so an import finds it "already
 * present".
 */
import { createHash } from 'node:crypto';
import { hasUnsafeText, normalizeVi } from '../../../platform/vn/index.js';
import type { Difficulty } from '../types.js';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
export const MAX_QUESTION_CHARS = 2_000;
export const MAX_OPTION_CHARS = 500;
export const MAX_NOTE_CHARS = 4_000;
export const optionLetters = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** What a person writes of a question (options in order; `correct`: 0-based indices into them). */
export interface QuestionContent {
  text: string;
  options: string[];
  correct: number[];
  source: string;
  explanation: string;
}

export interface QuestionInput extends QuestionContent {
  topic: string;
  difficulty: Difficulty;
  disputed: boolean;
}

/** NFC, look-alike letters mended, trimmed, runs of whitespace collapsed to one space. */
export function normaliseText(text: string): string {
  return normalizeVi(text).replace(/\s+/gu, ' ').trim();
}

/** The content with its texts normalised and its correct set sorted and deduplicated. */
export function normaliseContent(content: QuestionContent): QuestionContent {
  return {
    text: normaliseText(content.text),
    options: content.options.map(normaliseText),
    correct: [...new Set(content.correct)].sort((a, b) => a - b),
    source: normaliseText(content.source),
    explanation: content.explanation.normalize('NFC').trim(),
  };
}

/** sha256 of the normalised text, options and correct set (not source, explanation, topic). */
export function contentHashOf(content: Pick<QuestionContent, 'text' | 'options' | 'correct'>): string {
  const key = JSON.stringify([normaliseText(content.text), content.options.map(normaliseText), [...new Set(content.correct)].sort((a, b) => a - b)]);
  return createHash('sha256').update(key).digest('hex');
}

/** Every problem of a question's content, in Vietnamese (empty: valid). */
export function contentProblems(content: QuestionContent): string[] {
  const problems: string[] = [];
  const texts = [content.text, ...content.options, content.source, content.explanation];
  if (texts.some(hasUnsafeText)) problems.push('Có ký tự không hợp lệ (ký tự rỗng U+0000 hoặc ký tự Unicode bị hỏng); hãy xóa ký tự đó.');
  const text = normaliseText(content.text);
  if (text === '') problems.push('Thiếu nội dung câu hỏi.');
  if (text.length > MAX_QUESTION_CHARS) problems.push(`Nội dung câu hỏi dài quá ${MAX_QUESTION_CHARS} ký tự.`);
  const options = content.options.map(normaliseText);
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) problems.push(`Câu hỏi phải có từ ${MIN_OPTIONS} đến ${MAX_OPTIONS} phương án (đang có ${options.length}).`);
  options.forEach((option, i) => {
    const letter = optionLetters[i] ?? String(i + 1);
    if (option === '') problems.push(`Phương án ${letter} để trống.`);
    if (option.length > MAX_OPTION_CHARS) problems.push(`Phương án ${letter} dài quá ${MAX_OPTION_CHARS} ký tự.`);
    const first = options.findIndex((o) => o !== '' && o.toLocaleLowerCase('vi') === option.toLocaleLowerCase('vi'));
    if (option !== '' && first < i) problems.push(`Phương án ${letter} trùng với phương án ${optionLetters[first] ?? first + 1}.`);
  });
  if (content.correct.length === 0) problems.push('Phải có ít nhất một đáp án đúng.');
  for (const index of new Set(content.correct)) {
    if (!Number.isInteger(index) || index < 0 || index >= options.length) problems.push(`Đáp án ${optionLetters[index] ?? index} không trỏ vào phương án nào của câu hỏi.`);
  }
  if (content.source.length > MAX_NOTE_CHARS || content.explanation.length > MAX_NOTE_CHARS) problems.push(`Nguồn và giải thích tối đa ${MAX_NOTE_CHARS} ký tự.`);
  return problems;
}
