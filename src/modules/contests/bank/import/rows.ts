/**
 * A question file's rows → questions (pure). The header (line 1) must name the columns
 * question, option_a … option_f, correct, topic, difficulty, source (any order, any case), and may
 * add explanation and disputed. Every bad row is reported with its line and one Vietnamese reason
 * (its problems joined); the caller saves nothing when any row is bad.
 */
import { difficulties, type Difficulty } from '../../types.js';
import { contentProblems, normaliseContent, optionLetters, type QuestionInput } from '../question.js';
import type { RawRow } from './read-file.js';

export const requiredColumns = ['question', 'option_a', 'option_b', 'option_c', 'option_d', 'option_e', 'option_f', 'correct', 'topic', 'difficulty', 'source'] as const;
export const optionalColumns = ['explanation', 'disputed'] as const;
type Column = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];
const optionColumns = requiredColumns.slice(1, 7) as readonly Column[];

export interface Rejection {
  line: number;
  reason: string;
}

export interface ParsedRows {
  rowsRead: number;
  questions: { line: number; input: QuestionInput }[];
  rejected: Rejection[];
}

const YES = new Set(['1', 'x', 'true', 'yes', 'có', 'co']);
const NO = new Set(['', '0', 'false', 'no', 'không', 'khong']);

/** Column → cell index, or the header's problem. */
function headerIndex(cells: readonly string[]): Map<Column, number> | string {
  const names = cells.map((c) => c.normalize('NFC').trim().toLowerCase());
  const known = new Set<string>([...requiredColumns, ...optionalColumns]);
  const unknown = names.filter((n) => n !== '' && !known.has(n));
  const missing = requiredColumns.filter((c) => !names.includes(c));
  const repeated = names.filter((n, i) => n !== '' && names.indexOf(n) !== i);
  const problems = [
    ...(missing.length > 0 ? [`Thiếu cột: ${missing.join(', ')}.`] : []),
    ...(unknown.length > 0 ? [`Cột không có trong mẫu: ${unknown.join(', ')}.`] : []),
    ...(repeated.length > 0 ? [`Cột bị lặp: ${[...new Set(repeated)].join(', ')}.`] : []),
  ];
  if (problems.length > 0) return `Dòng tiêu đề chưa đúng mẫu (question, option_a … option_f, correct, topic, difficulty, source; thêm explanation, disputed nếu cần). ${problems.join(' ')}`;
  return new Map(names.flatMap((n, i) => (known.has(n) ? [[n as Column, i] as const] : [])));
}

function correctOf(text: string, options: readonly string[], problems: string[]): number[] {
  const letters = text
    .split(';')
    .map((l) => l.trim().toUpperCase())
    .filter((l) => l !== '');
  if (letters.length === 0) problems.push('Thiếu đáp án đúng (cột correct): một hoặc nhiều chữ cái A–F, cách nhau bằng dấu ";".');
  const correct: number[] = [];
  for (const letter of letters) {
    const index = (optionLetters as readonly string[]).indexOf(letter);
    if (index < 0) problems.push(`Đáp án "${letter}" (cột correct) không phải một chữ cái A–F.`);
    else if ((options[index] ?? '') === '') problems.push(`Đáp án ${letter} (cột correct) chỉ vào phương án ${letter} đang để trống.`);
    else correct.push(index);
  }
  return correct;
}

/** The options as written: empty ones allowed from C on, but no gap before a filled one. */
function optionsOf(cells: readonly string[], problems: string[]): string[] {
  const filled = cells.map((c) => c.trim() !== '');
  if (!filled[0] || !filled[1]) problems.push('Câu hỏi cần ít nhất hai phương án: cột option_a và option_b không được để trống.');
  const last = filled.lastIndexOf(true);
  for (let i = 2; i < last; i++) {
    if (!filled[i]) problems.push(`Phương án ${optionLetters[i]} để trống nhưng phương án ${optionLetters[last]} có nội dung; hãy điền các phương án liên tiếp từ A.`);
  }
  return cells.slice(0, Math.max(last + 1, 2));
}

function rowQuestion(get: (c: Column) => string, line: number): { line: number; input: QuestionInput } | Rejection {
  const problems: string[] = [];
  const text = get('question');
  if (text.trim() === '') problems.push('Thiếu nội dung câu hỏi (cột question).');
  const written = optionColumns.map(get);
  const options = optionsOf(written, problems);
  const correct = correctOf(get('correct'), written, problems);
  const difficultyText = get('difficulty').trim().toLowerCase();
  if (!(difficulties as readonly string[]).includes(difficultyText)) {
    problems.push(difficultyText === '' ? 'Thiếu độ khó (cột difficulty): easy, medium hoặc hard.' : `Độ khó "${get('difficulty').trim()}" (cột difficulty) không hợp lệ: chỉ nhận easy, medium hoặc hard.`);
  }
  const disputedText = get('disputed').trim().toLowerCase();
  if (!YES.has(disputedText) && !NO.has(disputedText)) problems.push(`Giá trị "${get('disputed').trim()}" ở cột disputed không hợp lệ: để trống/0 (không) hoặc 1/x (có tranh chấp).`);
  const content = { text, options, correct, source: get('source'), explanation: get('explanation') };
  // The content's own checks (lengths, repeated options, unsafe text) once the columns' checks pass.
  if (problems.length === 0) problems.push(...contentProblems(content));
  if (problems.length > 0) return { line, reason: problems.join(' ') };
  return { line, input: { ...normaliseContent(content), topic: get('topic').trim(), difficulty: difficultyText as Difficulty, disputed: YES.has(disputedText) } };
}

/** The questions of a file's rows (the first is the header), or every rejection with its line. */
export function questionsOfRows(rows: readonly RawRow[]): ParsedRows {
  const [header, ...data] = rows;
  if (!header) return { rowsRead: 0, questions: [], rejected: [{ line: 1, reason: 'Tệp trống: không có dòng tiêu đề và câu hỏi nào.' }] };
  const index = headerIndex(header.cells);
  const body = data.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (typeof index === 'string') return { rowsRead: body.length, questions: [], rejected: [{ line: header.line, reason: index }] };
  const result: ParsedRows = { rowsRead: body.length, questions: [], rejected: [] };
  for (const row of body) {
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '');
    };
    const parsed = rowQuestion(get, row.line);
    if ('input' in parsed) result.questions.push(parsed);
    else result.rejected.push(parsed);
  }
  if (body.length === 0) result.rejected.push({ line: header.line, reason: 'Tệp chỉ có dòng tiêu đề, chưa có câu hỏi nào.' });
  return result;
}
