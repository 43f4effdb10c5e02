/**
 * The weekly figures' breakdown cells of an import's new submissions, added up in the import's own
 * process (it holds every row): what `foldQueueBatch` (figures/repository.ts) would add for them —
 * per unit in the top FIGURE_MAX_DEPTH levels of each submission's path, week, dimension and value:
 * opinions and contributors — so that the import folds them before it commits instead of leaving
 * them queued (issue 9, item 6).
 */
import { periodAt, type WeeklySchedule } from '../../../platform/time/index.js';
import { stances, type Stance } from '../tables.js';
import { FIGURE_MAX_DEPTH } from '../figures/repository.js';
import type { FileSubmission } from './file-submission.js';
import type { UnitPaths } from './unit-paths.js';

/** A row's document and stance as one number. */
export function tallyKey(documentId: number, stance: Stance): number {
  return documentId * stances.length + stances.indexOf(stance);
}

/**
 * The consultation weeks an import meets, from platform/time's `periodAt` (the reports' rule, whose
 * weeks are those of `weekOf` in figures/repository.ts): `indexOf(atMs)` numbers the week holding
 * `atMs`, `weeks[i]` is its start and end. An import spans a few weeks: those met are looked up first.
 */
function weekIndex(schedule: WeeklySchedule) {
  const weeks: { start: number; end: number }[] = [];
  const indexOf = (atMs: number): number => {
    const known = weeks.findIndex((w) => w.start <= atMs && atMs < w.end);
    if (known !== -1) return known;
    const period = periodAt(schedule, new Date(atMs));
    return weeks.push({ start: period.start.getTime(), end: period.end.getTime() }) - 1;
  };
  return { weeks, indexOf };
}

/** Each receiving unit of `written` with its root and its ancestor at depth 2 (null for a root): the levels text counts are kept for. */
export function textCountHeads(written: readonly FileSubmission[], paths: UnitPaths): { unitIds: number[]; roots: number[]; provinces: (number | null)[] } {
  const heads = { unitIds: [] as number[], roots: [] as number[], provinces: [] as (number | null)[] };
  const seen = new Set<number>();
  for (const s of written) {
    if (seen.has(s.unitId)) continue;
    seen.add(s.unitId);
    const path = paths.of(s.unitId);
    heads.unitIds.push(s.unitId);
    heads.roots.push(path[0] as number);
    heads.provinces.push(path[1] ?? null);
  }
  return heads;
}

/** The cells as parallel arrays, ready for one `unnest` insert. */
export interface ImportCells {
  unitIds: number[];
  weekStarts: Date[];
  dimensions: number[];
  values: string[];
  opinions: number[];
  contributors: number[];
}

type Sum = { opinions: number; contributors: number };

/**
 * Adds up the new submissions per deepest kept ancestor (`top`), week, dimension and value — under
 * one number per key, as this runs once per submission and cell (millions of times) — then spreads
 * those sums over each top's kept ancestors (a few thousand tops for 400,000 submissions).
 */
export function importCells(written: readonly FileSubmission[], paths: UnitPaths, schedule: WeeklySchedule): ImportCells {
  const { weeks, indexOf: weekOf } = weekIndex(schedule);
  const cellCodes = new Map<string, number>();
  const cellOf: [number, string][] = [];
  const code = (dimension: number, value: string) => {
    const key = `${dimension}|${value}`;
    let c = cellCodes.get(key);
    if (c === undefined) {
      c = cellOf.length;
      cellOf.push([dimension, value]);
      cellCodes.set(key, c);
    }
    return c;
  };
  // Each kept ancestor path ("head") once, numbered; each receiving unit's number.
  const heads: (readonly number[])[] = [];
  const headOfTop = new Map<number, number>();
  const headOfUnit = new Map<number, number>();
  const sums = new Map<number, Sum>();
  // key = ((topIndex * 2^16 + weekIndex) * 2^16 + cell code): under 2^53 for any real import.
  const add = (top: number, week: number, cell: number, opinions: number) => {
    const key = (top * 65_536 + week) * 65_536 + cell;
    const sum = sums.get(key);
    if (sum) {
      sum.opinions += opinions;
      sum.contributors += 1;
    } else sums.set(key, { opinions, contributors: 1 });
  };
  for (const s of written) {
    let t = headOfUnit.get(s.unitId);
    if (t === undefined) {
      const head = paths.of(s.unitId).slice(0, FIGURE_MAX_DEPTH);
      const top = head[head.length - 1] as number;
      t = headOfTop.get(top) ?? heads.push(head) - 1;
      headOfTop.set(top, t);
      headOfUnit.set(s.unitId, t);
    }
    const w = weekOf(s.atMs);
    add(t, w, code(0, ''), s.count);
    add(t, w, code(1, s.channel), s.count);
    add(t, w, code(2, s.contributorGroup), s.count);
    for (const [dimension, counts] of perDocumentAndStance(s.tallies)) for (const [value, n] of counts) add(t, w, code(dimension, value), n);
  }
  const cells = new Map<string, Tally>();
  for (const [key, sum] of sums) {
    const cell = key % 65_536;
    const w = Math.floor(key / 65_536) % 65_536;
    const t = Math.floor(key / 65_536 / 65_536);
    const [dimension, value] = cellOf[cell] as [number, string];
    for (const unit of heads[t] ?? []) {
      const k = `${unit}|${w}|${cell}`;
      const found = cells.get(k);
      if (found) {
        found.opinions += sum.opinions;
        found.contributors += sum.contributors;
      } else cells.set(k, { unit, week: (weeks[w] as { start: number }).start, dimension, value, opinions: sum.opinions, contributors: sum.contributors });
    }
  }
  const out: ImportCells = { unitIds: [], weekStarts: [], dimensions: [], values: [], opinions: [], contributors: [] };
  for (const c of cells.values()) {
    out.unitIds.push(c.unit);
    out.weekStarts.push(new Date(c.week));
    out.dimensions.push(c.dimension);
    out.values.push(c.value);
    out.opinions.push(c.opinions);
    out.contributors.push(c.contributors);
  }
  return out;
}

type Tally = { unit: number; week: number; dimension: number; value: string; opinions: number; contributors: number };

/** A submission's opinions per document (dimension 3, value = the document's id) and per stance (dimension 4). */
function perDocumentAndStance(tallies: readonly number[]): [number, Map<string, number>][] {
  const documents = new Map<string, number>();
  const byStance = new Map<string, number>();
  for (const t of tallies) {
    const document = String(Math.floor(t / stances.length));
    const stance = stances[t % stances.length] as string;
    documents.set(document, (documents.get(document) ?? 0) + 1);
    byStance.set(stance, (byStance.get(stance) ?? 0) + 1);
  }
  return [
    [3, documents],
    [4, byStance],
  ];
}
