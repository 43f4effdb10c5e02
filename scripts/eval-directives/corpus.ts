/**
 * The directive corpus on disk (test/fixtures/directives-corpus/README.md): `<id>.txt` (the text as
 * it came) and `<id>.json` (source and expected fields). Loading and the shape checks every case must
 * pass.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocType } from '../../src/core/vn-document/index.js';
import type { CaseFields, CaseReference } from '../../src/core/vn-document/corpus-case.js';

export const DEFAULT_CORPUS = 'test/fixtures/directives-corpus';

/** Every DocType of the parser at run time (the two checks below keep this list and the type equal). */
export const DOC_TYPES = [
  'Công văn',
  'Kế hoạch',
  'Hướng dẫn',
  'Chỉ thị',
  'Nghị quyết',
  'Kết luận',
  'Quyết định',
  'Quy định',
  'Quy chế',
  'Thông báo',
  'Thông tri',
  'Báo cáo',
  'Tờ trình',
  'Chương trình',
  'Đề án',
  'Phương án',
  'Nghị định',
  'Thông tư',
  'Thông tư liên tịch',
  'Công điện',
  'Luật',
] as const satisfies readonly DocType[];
type MissingDocType = Exclude<DocType, (typeof DOC_TYPES)[number]>;
// A DocType added to the parser and not here fails the typecheck on this line.
export const DOC_TYPES_COMPLETE: [MissingDocType] extends [never] ? true : never = true;

export type CaseConvention = 'party' | 'state';
export type CaseForm = 'full' | 'truncated' | 'news' | 'ocr';
export const FORMS: readonly CaseForm[] = ['full', 'truncated', 'news', 'ocr'];

export type ExpectedReference = CaseReference;
export type ExpectedFields = CaseFields;

export interface CorpusCase {
  id: string;
  source: string;
  convention: CaseConvention;
  form: CaseForm;
  issuedYear: number;
  hard: string;
  expected: ExpectedFields;
  /** Cases exported from corrections (lantoa directives corrections): the fields a user corrected. */
  corrected?: string[];
  parsed?: Record<string, unknown>;
  /** The text as it came (the `.txt` file). */
  text: string;
}

/**
 * Canonical number/symbol shapes: Party `52-KH/TU` (`-CV/ĐU`, `-/ĐU` as printed with blank parts),
 * State `805/KH-SVHTTDL` (`30c/NQ-CP`, `/UBND-VX`), normative `30/2020/NĐ-CP`, joint `01/2015/TTLT-BNV-BTC`
 * and the older slash forms `47/2011/TTLT/BGDĐT-BNV`: no spaces, plain hyphens, each part starting
 * with a capital or a digit.
 */
const PART = '[A-ZĐ0-9][A-Za-zĐđ0-9&]*';
const CANONICAL_RE = new RegExp(`^\\d*[a-z]?(?:-(?:[A-ZĐ][A-Za-zĐđ]{0,5})?)?/${PART}(?:[-/]${PART})*$`, 'u');
export const isCanonicalSymbol = (s: string) => CANONICAL_RE.test(s) && s.normalize('NFC') === s;

const TOP_KEYS = ['id', 'source', 'convention', 'form', 'issuedYear', 'hard', 'expected'];
const OPTIONAL_TOP_KEYS = ['corrected', 'parsed'];
const EXPECTED_KEYS = ['docType', 'numberSymbol', 'date', 'issuer', 'subject', 'signer', 'references'];
const SIGNER_KEYS = ['authority', 'title', 'name'];
const DATE_KEYS = ['year', 'month', 'day'];
const REFERENCE_KEYS = ['docType', 'numberSymbol', 'date'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nullableString = (v: unknown) => v === null || (typeof v === 'string' && v.trim() !== '');

function keyProblems(where: string, v: unknown, required: string[], optional: string[] = []): string[] {
  if (!isObject(v)) return [`${where}: not an object`];
  const keys = Object.keys(v);
  return [
    ...required.filter((k) => !keys.includes(k)).map((k) => `${where}: missing key "${k}"`),
    ...keys.filter((k) => !required.includes(k) && !optional.includes(k)).map((k) => `${where}: unknown key "${k}"`),
  ];
}

function dateProblems(where: string, d: unknown): string[] {
  if (d === null) return [];
  const problems = keyProblems(where, d, DATE_KEYS);
  if (problems.length > 0 || !isObject(d)) return problems;
  const inRange = (v: unknown, lo: number, hi: number) => v === null || (Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi);
  if (!inRange(d.year, 1945, 2100) || !inRange(d.month, 1, 12) || !inRange(d.day, 1, 31)) problems.push(`${where}: year/month/day out of range`);
  return problems;
}

function docTypeProblems(where: string, t: unknown): string[] {
  return t === null || (DOC_TYPES as readonly unknown[]).includes(t) ? [] : [`${where}: unknown docType ${JSON.stringify(t)}`];
}

function expectedProblems(e: unknown): string[] {
  const problems = keyProblems('expected', e, EXPECTED_KEYS);
  if (!isObject(e)) return problems;
  problems.push(...docTypeProblems('expected.docType', e.docType));
  if (e.numberSymbol !== null && (typeof e.numberSymbol !== 'string' || !isCanonicalSymbol(e.numberSymbol))) problems.push(`expected.numberSymbol: not canonical: ${JSON.stringify(e.numberSymbol)}`);
  problems.push(...dateProblems('expected.date', e.date));
  for (const k of ['issuer', 'subject'] as const) if (!nullableString(e[k])) problems.push(`expected.${k}: not a string or null`);
  if (e.signer !== null) {
    problems.push(...keyProblems('expected.signer', e.signer, SIGNER_KEYS));
    if (isObject(e.signer)) for (const k of SIGNER_KEYS) if (!nullableString(e.signer[k])) problems.push(`expected.signer.${k}: not a string or null`);
  }
  if (!Array.isArray(e.references)) return [...problems, 'expected.references: not an array'];
  const seen = new Set<string>();
  e.references.forEach((r: unknown, i) => {
    const where = `expected.references[${i}]`;
    problems.push(...keyProblems(where, r, REFERENCE_KEYS));
    if (!isObject(r)) return;
    problems.push(...docTypeProblems(`${where}.docType`, r.docType), ...dateProblems(`${where}.date`, r.date));
    if (typeof r.numberSymbol !== 'string' || !isCanonicalSymbol(r.numberSymbol)) problems.push(`${where}.numberSymbol: not canonical: ${JSON.stringify(r.numberSymbol)}`);
    else if (seen.has(r.numberSymbol)) problems.push(`${where}: ${r.numberSymbol} listed twice`);
    else if (r.numberSymbol === e.numberSymbol) problems.push(`${where}: the document itself`);
    seen.add(String(r.numberSymbol));
  });
  return problems;
}

/** Everything wrong with one case's JSON (empty when it is valid); `fileId` is its file name without `.json`. */
export function caseProblems(raw: unknown, fileId: string): string[] {
  const problems = keyProblems('case', raw, TOP_KEYS, OPTIONAL_TOP_KEYS);
  if (!isObject(raw)) return problems;
  if (raw.id !== fileId) problems.push(`id ${JSON.stringify(raw.id)} differs from the file name ${fileId}`);
  if (typeof raw.id !== 'string' || !/^[a-z]-[a-z0-9][a-z0-9-]*$/.test(raw.id)) problems.push(`id: not of the form p-NNN-slug`);
  if (typeof raw.source !== 'string' || raw.source.trim() === '') problems.push('source: empty');
  if (raw.convention !== 'party' && raw.convention !== 'state') problems.push(`convention: ${JSON.stringify(raw.convention)}`);
  if (!(FORMS as readonly unknown[]).includes(raw.form)) problems.push(`form: ${JSON.stringify(raw.form)}`);
  if (!Number.isInteger(raw.issuedYear)) problems.push('issuedYear: not an integer');
  if (typeof raw.hard !== 'string') problems.push('hard: not a string');
  if (raw.corrected !== undefined && !(Array.isArray(raw.corrected) && raw.corrected.every((f) => typeof f === 'string'))) problems.push('corrected: not a list of field names');
  return [...problems, ...expectedProblems(raw.expected)];
}

/** Case ids of a corpus folder: the `.json` and `.txt` base names (a case missing one of its files shows up in `unpaired`). */
export function listCaseFiles(dir: string): { ids: string[]; unpaired: string[] } {
  const names = readdirSync(dir);
  const base = (ext: string) => new Set(names.filter((n) => n.endsWith(ext)).map((n) => n.slice(0, -ext.length)));
  const json = base('.json');
  const txt = base('.txt');
  const ids = [...json].filter((id) => txt.has(id)).sort();
  const unpaired = [...[...json].filter((id) => !txt.has(id)).map((id) => `${id}.json without ${id}.txt`), ...[...txt].filter((id) => !json.has(id)).map((id) => `${id}.txt without ${id}.json`)];
  return { ids, unpaired };
}

/** Reads the cases of the given folders (ids starting with `only`, when given); throws with every problem found. */
export function loadCorpus(dirs: string[], only?: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      problems.push(`${dir}: no such folder`);
      continue;
    }
    const { ids, unpaired } = listCaseFiles(dir);
    problems.push(...unpaired.map((p) => `${dir}: ${p}`));
    for (const id of ids) {
      if (only && !id.startsWith(only)) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8'));
      } catch (e) {
        problems.push(`${dir}/${id}.json: ${(e as Error).message}`);
        continue;
      }
      const found = caseProblems(raw, id);
      if (found.length > 0) problems.push(...found.map((p) => `${dir}/${id}.json: ${p}`));
      else cases.push({ ...(raw as Omit<CorpusCase, 'text'>), text: readFileSync(path.join(dir, `${id}.txt`), 'utf8') });
    }
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return cases;
}

export class CorpusError extends Error {
  constructor(readonly problems: string[]) {
    super(`The corpus has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
