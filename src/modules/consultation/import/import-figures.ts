/**
 * The weekly figures' breakdown cells of an import's new submissions, added up in the import's own
 * process (it holds every row): what `foldQueueBatch` (figures/repository.ts) would add for them —
 * per unit in the top FIGURE_MAX_DEPTH levels of each submission's path, week, dimension and value:
 * opinions and contributors — so that the import folds them before it commits instead of leaving
 * them queued (issue 9, item 6).
 */
import { stances, type Stance } from '../tables.js';
import { FIGURE_MAX_DEPTH } from '../figures/repository.js';
import type { FileSubmission } from './file-submission.js';
import type { UnitPaths } from './unit-paths.js';

const WEEK_MS = 7 * 24 * 3_600_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** A row's document and stance as one number. */
export function tallyKey(documentId: number, stance: Stance): number {
  return documentId * stances.length + stances.indexOf(stance);
}

/**
 * The start of the consultation week holding `atMs`, as `weekOf` in figures/repository.ts computes it
 * in SQL (`date_bin('7 days', at, <a Monday of January 2000 + cut-off weekday and time, Vietnam time>)`;
 * Vietnam has kept UTC+7 since 1975).
 */
export function weekStartMs(atMs: number, cutoff: { weekday: number; time: string }): number {
  const [hours, minutes] = cutoff.time.split(':').map(Number) as [number, number];
  const origin = Date.UTC(2000, 0, 3 + (cutoff.weekday - 1), hours, minutes) - VIETNAM_OFFSET_MS;
  return origin + Math.floor((atMs - origin) / WEEK_MS) * WEEK_MS;
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

type Tally = { top: number; week: number; dimension: number; value: string; opinions: number; contributors: number };

/**
 * Adds up the new submissions per deepest kept ancestor (`top`), week, dimension and value, then
 * spreads those sums over each top's kept ancestors (a few thousand tops for 400,000 submissions).
 */
export function importCells(written: readonly FileSubmission[], paths: UnitPaths, cutoff: { weekday: number; time: string }): ImportCells {
  const byTop = new Map<string, Tally>();
  const heads = new Map<number, readonly number[]>();
  const add = (top: number, week: number, dimension: number, value: string, opinions: number) => {
    const key = `${top}|${week}|${dimension}|${value}`;
    const tally = byTop.get(key);
    if (tally) {
      tally.opinions += opinions;
      tally.contributors += 1;
    } else byTop.set(key, { top, week, dimension, value, opinions, contributors: 1 });
  };
  for (const s of written) {
    const head = paths.of(s.unitId).slice(0, FIGURE_MAX_DEPTH);
    const top = head[head.length - 1] as number;
    heads.set(top, head);
    const week = weekStartMs(s.atMs, cutoff);
    add(top, week, 0, '', s.count);
    add(top, week, 1, s.channel, s.count);
    add(top, week, 2, s.contributorGroup, s.count);
    for (const [dimension, counts] of perDocumentAndStance(s.tallies)) for (const [value, n] of counts) add(top, week, dimension, value, n);
  }
  const cells = new Map<string, Tally>();
  for (const t of byTop.values()) {
    for (const unit of heads.get(t.top) ?? []) {
      const key = `${unit}|${t.week}|${t.dimension}|${t.value}`;
      const cell = cells.get(key);
      if (cell) {
        cell.opinions += t.opinions;
        cell.contributors += t.contributors;
      } else cells.set(key, { ...t, top: unit });
    }
  }
  const out: ImportCells = { unitIds: [], weekStarts: [], dimensions: [], values: [], opinions: [], contributors: [] };
  for (const c of cells.values()) {
    out.unitIds.push(c.top);
    out.weekStarts.push(new Date(c.week));
    out.dimensions.push(c.dimension);
    out.values.push(c.value);
    out.opinions.push(c.opinions);
    out.contributors.push(c.contributors);
  }
  return out;
}

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
