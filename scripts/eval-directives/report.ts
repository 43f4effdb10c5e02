/** The evaluation's report: a text table for people, a JSON object for machines. */
import type { CaseDate } from './compare.js';
import { FIELDS, SCOPES, type CaseScore, type Ratio, type Summary } from './score.js';

const pct = (r: Ratio) => (r.value === null ? '     –' : `${(r.value * 100).toFixed(1).padStart(5)}%`);
const cell = (r: Ratio) => `${pct(r)} ${`${r.right}/${r.total}`.padStart(9)}`;

function show(v: string | CaseDate | null): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  return `${v.day ?? '?'}/${v.month ?? '?'}/${v.year ?? '?'}`;
}

export function textReport(summary: Summary, scores: CaseScore[]): string {
  const out: string[] = [];
  const head = (label: string) => label.padEnd(24);
  out.push(`Directive parser evaluation: ${summary.cases.overall} cases (party ${summary.cases.party}, state ${summary.cases.state})`);
  out.push(`By form: ${Object.entries(summary.byForm).map(([f, n]) => `${f} ${n}`).join(', ')}`);
  out.push('');
  out.push(`${head('')}${SCOPES.map((s) => s.padStart(16)).join(' ')}`);
  for (const field of FIELDS) out.push(`${head(field)}${SCOPES.map((s) => cell(summary.fields[field][s])).join(' ')}`);
  out.push(`${head('ALL FIELDS')}${SCOPES.map((s) => cell(summary.overall[s])).join(' ')}`);
  out.push(`${head('references recall')}${SCOPES.map((s) => cell(summary.recall[s])).join(' ')}`);
  out.push(`${head('references precision')}${SCOPES.map((s) => cell(summary.precision[s])).join(' ')}`);
  const missed = scores.filter((s) => s.misses.length > 0 || s.refsMissing.length > 0 || s.refsExtra.length > 0);
  out.push('');
  out.push(missed.length === 0 ? 'No misses.' : `Misses (${missed.length} cases):`);
  for (const s of missed) {
    out.push(`  ${s.id}`);
    for (const m of s.misses) out.push(`    ${m.field.padEnd(17)} expected ${show(m.expected)}  got ${show(m.got)}`);
    if (s.refsMissing.length > 0) out.push(`    ${'references'.padEnd(17)} missing ${s.refsMissing.join(', ')}`);
    if (s.refsExtra.length > 0) out.push(`    ${'references'.padEnd(17)} extra   ${s.refsExtra.join(', ')}`);
  }
  return out.join('\n');
}

export function jsonReport(summary: Summary, scores: CaseScore[]) {
  return {
    summary,
    misses: scores.flatMap((s) => s.misses),
    references: scores
      .filter((s) => s.refsMissing.length > 0 || s.refsExtra.length > 0)
      .map((s) => ({ id: s.id, missing: s.refsMissing, extra: s.refsExtra })),
  };
}
