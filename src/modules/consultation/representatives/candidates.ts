import { performance } from 'node:perf_hooks';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Stance } from '../tables.js';
import { fail } from '../../../platform/errors.js';
import { formatVietnamInstant, periodClosingOn } from '../../../platform/time/index.js';
import { searchKey } from '../../../platform/vn/index.js';
import { selectSubtreeIds } from '../../../core/unit-tree/index.js';
import { documentIdByCode, selectCandidateDetails, selectCandidateWindow, type CandidateFilter } from './repository.js';
import { CANDIDATE_PAGE_MAX, type CandidatePage } from './schemas.js';
import { defaultPeriodEnd } from '../report/view.js';
import { loadConsultation } from '../repository.js';
import { weeklySchedule } from '../report/weekly-report.js';

const HOUR_MS = 3_600_000;
/** The first window read, and how much each next one grows. */
const FIRST_WINDOW_MS = 2 * HOUR_MS;
const GROWTH = 4;
/**
 * No new window is started after this much time: a rare word over a national week answers with
 * what it found so far and a cursor to search on (`hasMore`, `searchedFrom`), never a long wait.
 */
const TIME_BUDGET_MS = 1_000;

interface Cursor {
  at: string;
  id: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isSafeInteger(value[1]) && !Number.isNaN(Date.parse(value[0]))) {
      return { at: value[0], id: value[1] as number };
    }
  } catch {
    // fall through
  }
  fail('CURSOR_INVALID', [{ path: ['cursor'], message: 'Không hợp lệ.' }]);
}

/**
 * The opinions of the unit's subtree in the week, newest first, for editors to pick representative
 * ones from: filterable by document, section (with its subsections), stance and words of the text
 * (accents and case ignored). Keyset pages of at most 50, with `hasMore` instead of a total, so a
 * national week is never counted. The week is read in growing time windows from its end (2 h, then
 * up to four times larger, as far as the time budget allows at the pace seen), each through
 * submissions_unit_time_idx, so the newest page costs a small window, not the week; past the budget
 * it answers with what it found and a cursor to go on from `searchedFrom`.
 * Never any contact detail.
 */
export async function listRepresentativeCandidates(
  db: Db,
  options: {
    actor: Actor;
    consultationCode: string;
    unitId: number;
    periodEnd?: string | undefined;
    document?: string | undefined;
    section?: string | undefined;
    stance?: Stance | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
    now?: Date;
    /** For tests: the time budget after which no new window starts (default TIME_BUDGET_MS). */
    timeBudgetMs?: number;
  },
): Promise<CandidatePage> {
  const { actor, unitId } = options;
  await requireUnitRole(db, actor, [unitId], 'editor');
  const consultation = await loadConsultation(db, options.consultationCode);
  const periodEnd = options.periodEnd ?? defaultPeriodEnd(consultation, options.now);
  const period = periodClosingOn(weeklySchedule(consultation), periodEnd);
  const limit = Math.max(1, Math.min(options.limit ?? 20, CANDIDATE_PAGE_MAX));
  const filter = await candidateFilter(db, consultation.id, options);
  const { found, before, upper } = await searchWindows(db, filter, {
    period,
    before: (options.cursor ? decodeCursor(options.cursor) : null) ?? { at: period.end.toISOString(), id: 0 },
    limit,
    budget: options.timeBudgetMs ?? TIME_BUDGET_MS,
  });

  const page = found.slice(0, limit);
  const details = new Map((await selectCandidateDetails(db, { consultationId: consultation.id, unitId, periodEnd, ids: page.map((r) => r.id) })).map((d) => [d.id, d]));
  const last = page.at(-1);
  // Either a full page with more behind it, or the time budget ran out before the week's start.
  const full = found.length > limit;
  const hasMore = full || upper > period.start.getTime();
  const next: Cursor | null = full && last ? last : hasMore ? before : null;
  return {
    items: page.flatMap((r) => {
      const d = details.get(r.id);
      if (!d) return [];
      return [
        {
          opinionId: d.id,
          document: { code: d.document_code, title: d.document_title },
          section: d.section_ref === null ? null : { ref: d.section_ref, heading: d.section_heading },
          stance: d.stance,
          text: d.body,
          channel: d.channel,
          submittedAt: formatVietnamInstant(new Date(d.submitted_at)),
          receivingUnit: { id: d.receiving_id, name: d.receiving_name },
          picked: d.picked,
        },
      ];
    }),
    hasMore,
    nextCursor: next ? encodeCursor(next) : null,
    searchedFrom: formatVietnamInstant(full && last ? new Date(last.at) : new Date(Math.max(upper, period.start.getTime()))),
  };
}

/** The filter of a candidate search: the unit's subtree and the document, section, stance and words asked for. */
async function candidateFilter(
  db: Db,
  consultationId: number,
  options: { unitId: number; document?: string | undefined; section?: string | undefined; stance?: Stance | undefined; q?: string | undefined },
): Promise<CandidateFilter> {
  let documentId: number | undefined;
  if (options.document) {
    documentId = await documentIdByCode(db, consultationId, options.document);
    if (documentId === undefined) fail('DOCUMENT_UNKNOWN', [{ path: ['document'], message: 'Không có dự thảo này.' }], { params: { document: options.document } });
  }
  return {
    consultationId,
    unitIds: await selectSubtreeIds(db, [options.unitId]),
    documentId,
    sectionRef: options.section || undefined,
    stance: options.stance,
    tokens: options.q ? searchKey(options.q).split(' ').filter(Boolean) : [],
  };
}

/**
 * Reads the week backwards from `before` in growing time windows until more than `limit` opinions
 * are found, the week's start is reached, or the time budget is spent. What it found, the cursor to
 * go on from, and how far back it read (`upper`).
 */
async function searchWindows(
  db: Db,
  filter: CandidateFilter,
  options: { period: { start: Date; end: Date }; before: Cursor; limit: number; budget: number },
): Promise<{ found: { id: number; at: string }[]; before: Cursor; upper: number }> {
  const { period, limit, budget } = options;
  let before = options.before;
  let upper = Math.min(new Date(before.at).getTime(), period.end.getTime());
  let span = FIRST_WINDOW_MS;
  const found: { id: number; at: string }[] = [];
  const started = performance.now();
  for (let windows = 0; found.length <= limit && upper > period.start.getTime(); windows++) {
    if (windows > 0 && performance.now() - started >= budget) break;
    const from = new Date(Math.max(period.start.getTime(), upper - span));
    const t = performance.now();
    found.push(...(await selectCandidateWindow(db, filter, { from, before, limit: limit + 1 - found.length })));
    // The next window grows, but no further than the rest of the budget allows at the pace just seen.
    const pace = (performance.now() - t) / Math.max(1, upper - from.getTime());
    const remaining = budget - (performance.now() - started);
    span = Math.max(HOUR_MS, Math.min(span * GROWTH, pace > 0 ? remaining / pace : span * GROWTH));
    before = { at: from.toISOString(), id: 0 };
    upper = from.getTime();
  }
  return { found, before, upper };
}
