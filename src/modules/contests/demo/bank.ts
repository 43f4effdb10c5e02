import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Difficulty } from '../types.js';

/**
 * The demo question bank (issue 14, item 2): questions.csv beside this file, in the import format of
 * `lantoa contests import-questions` (header `question,option_a,…,option_f,correct,topic,difficulty,
 * source` plus `explanation` and `disputed`), built only from the fact table and context facts of
 * quiz-contests.md §4, each with its source (site and article id). It doubles as an import example.
 */
export const demoQuestionsFile = new URL('./questions.csv', import.meta.url);

/** The topics of the demo bank; each demo round draws from one group of them. */
export const demoTopics = ['Lịch sử Đảng', 'Đại hội I–V', 'Đại hội VI–X', 'Đại hội XI–XIV'] as const;

export interface DemoBankRow {
  question: string;
  options: string[];
  /** 0-based indices of the correct options. */
  correct: number[];
  topic: string;
  difficulty: Difficulty;
  source: string;
  explanation: string;
  disputed: boolean;
}

export function demoQuestionsCsv(): Buffer {
  return readFileSync(demoQuestionsFile);
}

const LETTERS = 'ABCDEF';

/** The file's rows, parsed plainly (for the demo's own bookkeeping and the bank's tests). */
export function demoBankRows(): DemoBankRow[] {
  const records = parse(demoQuestionsCsv(), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => {
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((l) => r[`option_${l}`] ?? '');
    return {
      question: r.question ?? '',
      options: all.filter((o) => o !== ''),
      correct: (r.correct ?? '').split(';').map((l) => LETTERS.indexOf(l.trim())),
      topic: r.topic ?? '',
      difficulty: (r.difficulty ?? '') as Difficulty,
      source: r.source ?? '',
      explanation: r.explanation ?? '',
      disputed: /^(true|1|x|có)$/i.test((r.disputed ?? '').trim()),
    };
  });
}
