/**
 * Every problem of a contest's definition that the schema alone cannot see, at once, each with its
 * path in the JSON and a Vietnamese message (pure): windows, overlapping rounds, duplicated
 * numbers, an audience unit on a public contest.
 */
import { formatVietnamInstant, parseInstant } from '../../../platform/time/index.js';
import type { ContestDefinition } from './schemas.js';

/** `16:00 05/11/2025` (Vietnam time). */
export function viDateTime(at: Date): string {
  const iso = formatVietnamInstant(at);
  return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export interface DefinitionProblem {
  path: string;
  message: string;
}

function windowProblems(definition: ContestDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  definition.rounds.forEach((round, i) => {
    if (parseInstant(round.closes) <= parseInstant(round.opens)) problems.push({ path: `rounds.${i}.closes`, message: `Vòng ${round.number}: thời điểm đóng phải sau thời điểm mở` });
  });
  return problems;
}

function numberProblems(definition: ContestDefinition): DefinitionProblem[] {
  const seen = new Set<number>();
  const problems: DefinitionProblem[] = [];
  definition.rounds.forEach((round, i) => {
    if (seen.has(round.number)) problems.push({ path: `rounds.${i}.number`, message: `Số thứ tự vòng ${round.number} bị trùng` });
    seen.add(round.number);
  });
  return problems;
}

/** Two rounds overlap when one opens before the other closes (a round may open at the instant the previous one closes). */
function overlapProblems(definition: ContestDefinition): DefinitionProblem[] {
  const windows = definition.rounds
    .map((round, index) => ({ index, number: round.number, opens: parseInstant(round.opens).getTime(), closes: parseInstant(round.closes).getTime() }))
    .filter((w) => w.opens < w.closes)
    .sort((a, b) => a.opens - b.opens || a.index - b.index);
  const problems: DefinitionProblem[] = [];
  for (let i = 1; i < windows.length; i++) {
    const previous = windows[i - 1];
    const current = windows[i];
    if (previous && current && current.opens < previous.closes) {
      problems.push({
        path: `rounds.${current.index}.opens`,
        message: `Vòng ${current.number} mở lúc ${viDateTime(new Date(current.opens))}, trước khi vòng ${previous.number} đóng (${viDateTime(new Date(previous.closes))}): các vòng không được chồng lên nhau`,
      });
    }
  }
  return problems;
}

export function definitionProblems(definition: ContestDefinition): DefinitionProblem[] {
  const problems = [...windowProblems(definition), ...numberProblems(definition), ...overlapProblems(definition)];
  if (definition.audience === 'public' && definition.audienceUnit !== undefined) {
    problems.push({ path: 'audienceUnit', message: 'Chỉ cuộc thi nội bộ (audience "internal") mới có đơn vị dự thi (audienceUnit)' });
  }
  return problems;
}
