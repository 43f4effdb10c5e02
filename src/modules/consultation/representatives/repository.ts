/**
 * SQL of representative opinions (ý kiến tiêu biểu): the picks of units, the frozen picks in
 * submitted weekly reports (read through the ledger, core/period-reports), and the windows of
 * opinions editors pick from. Contributors' contact details (submission_contacts) are never read here.
 */
import { sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable, type Tx } from '../../../platform/db/database.js';
import { representativeOpinions, type Channel, type Stance } from '../tables.js';
import { formatVietnamInstant } from '../../../platform/time/index.js';
import { selectLatestOfUnitAndChildren, selectLatestVersion } from '../../../core/period-reports/index.js';
import type { RepresentativeOpinion } from './schemas.js';
import { weeklyReportSubject } from '../report/subject.js';

/**
 * Serialises every change of a unit's week (picks, carry-ups, the report's submission) with a
 * transaction-scoped advisory lock, so a pick cannot slip in while the report is being frozen.
 */
export async function lockUnitWeek(tx: Tx, key: { consultationId: number; unitId: number; periodEnd: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`weekly-report:${key.consultationId}:${key.unitId}:${key.periodEnd}`}, 0))`);
}

/** True once the unit's weekly report for the week has been submitted to the parent (and not returned), from the ledger. */
export async function isWeekSubmitted(db: Queryable, key: { consultationId: number; unitId: number; periodEnd: string }): Promise<boolean> {
  const latest = await selectLatestVersion(db, { subject: weeklyReportSubject(key.consultationId), unitId: key.unitId, periodKey: key.periodEnd });
  return latest !== undefined && latest.state !== 'returned';
}

export interface OpinionPlace {
  id: number;
  unitId: number;
  submittedAt: Date;
}

/** Where and when an opinion of the consultation was received; undefined when there is no such opinion. */
export async function selectOpinionPlace(db: Queryable, consultationId: number, opinionId: number): Promise<OpinionPlace | undefined> {
  const rows = await db.execute<{ id: number; unit_id: number; submitted_at: Date | string }>(sql`
    select id, unit_id, submitted_at from opinions where id = ${opinionId} and consultation_id = ${consultationId}`);
  const row = rows.rows[0];
  return row ? { id: row.id, unitId: row.unit_id, submittedAt: new Date(row.submitted_at) } : undefined;
}

export async function insertRepresentative(
  tx: Tx,
  values: { consultationId: number; unitId: number; periodEnd: string; opinionId: number; carriedFromUnitId: number | null; note: string | null; pickedByUserId: number | null },
): Promise<{ id: number } | undefined> {
  const [row] = await tx.insert(representativeOpinions).values(values).onConflictDoNothing().returning({ id: representativeOpinions.id });
  return row;
}

export interface RepresentativeRow {
  id: number;
  unitId: number;
  periodEnd: string;
  opinionId: number;
  carriedFromUnitId: number | null;
  note: string | null;
}

/** One pick of a unit (its own row), by id. */
export async function selectRepresentativeRow(db: Queryable, key: { consultationId: number; unitId: number; id: number }): Promise<RepresentativeRow | undefined> {
  const rows = await db.execute<{ id: number; unit_id: number; period_end: string; opinion_id: number; carried_from_unit_id: number | null; note: string | null }>(sql`
    select id, unit_id, period_end, opinion_id, carried_from_unit_id, note from representative_opinions
    where id = ${key.id} and consultation_id = ${key.consultationId} and unit_id = ${key.unitId}`);
  const row = rows.rows[0];
  return row
    ? { id: row.id, unitId: row.unit_id, periodEnd: row.period_end, opinionId: row.opinion_id, carriedFromUnitId: row.carried_from_unit_id, note: row.note }
    : undefined;
}

/** The live pick of `opinionId` by a unit for the week, if any. */
export async function selectPick(db: Queryable, key: { consultationId: number; unitId: number; periodEnd: string; opinionId: number }): Promise<RepresentativeRow | undefined> {
  const rows = await db.execute<{ id: number }>(sql`
    select id from representative_opinions
    where consultation_id = ${key.consultationId} and unit_id = ${key.unitId} and period_end = ${key.periodEnd} and opinion_id = ${key.opinionId}`);
  const id = rows.rows[0]?.id;
  return id === undefined ? undefined : selectRepresentativeRow(db, { consultationId: key.consultationId, unitId: key.unitId, id });
}

export async function deleteRepresentative(tx: Tx, id: number): Promise<void> {
  await tx.execute(sql`delete from representative_opinions where id = ${id}`);
}

/** A direct child of `parentId`, or undefined. */
export async function selectDirectChild(db: Queryable, parentId: number, childId: number): Promise<{ id: number; name: string } | undefined> {
  const rows = await db.execute<{ id: number; name: string }>(sql`select id, name from units where id = ${childId} and parent_id = ${parentId}`);
  return rows.rows[0];
}

type DetailRow = {
  id: number;
  unit_id: number;
  opinion_id: number;
  note: string | null;
  picked_at: Date | string;
  carried_from_id: number | null;
  carried_from_name: string | null;
  origin_id: number;
  origin_name: string;
  stance: Stance;
  body: string;
  submitted_at: Date | string;
  section_ref: string | null;
  section_heading: string | null;
  section_position: number | null;
  receiving_id: number;
  receiving_name: string;
  document_code: string;
  document_title: string;
  document_position: number;
  channel: Channel;
};

/**
 * The live picks of the given units for a week, with everything the report shows of them. The
 * picking unit (`pickedBy`) is where the opinion was first picked: the chain of carry-ups is followed
 * down through the children's picks of the same opinion (or stops at the child it came from when
 * that child has since dropped it).
 */
export async function selectRepresentatives(
  db: Queryable,
  key: { consultationId: number; periodEnd: string; unitIds: readonly number[]; ids?: readonly number[] },
): Promise<(RepresentativeOpinion & { unitId: number })[]> {
  if (key.unitIds.length === 0) return [];
  const onlyIds: SQL = key.ids ? sql`and r.id = any(${pgArray(key.ids)}::int[])` : sql``;
  const rows = await db.execute<DetailRow>(sql`
    with recursive chain(root_id, unit_id, opinion_id, carried_from, depth) as (
      select r.id, r.unit_id, r.opinion_id, r.carried_from_unit_id, 0
      from representative_opinions r
      where r.consultation_id = ${key.consultationId} and r.period_end = ${key.periodEnd}
        and r.unit_id = any(${pgArray(key.unitIds)}::int[]) ${onlyIds}
      union all
      select chain.root_id, r.unit_id, r.opinion_id, r.carried_from_unit_id, chain.depth + 1
      from chain join representative_opinions r
        on r.consultation_id = ${key.consultationId} and r.period_end = ${key.periodEnd}
       and r.unit_id = chain.carried_from and r.opinion_id = chain.opinion_id
      where chain.depth < 64
    ),
    origin as (
      select distinct on (root_id) root_id, coalesce(carried_from, unit_id) as unit_id
      from chain order by root_id, depth desc
    )
    select r.id, r.unit_id, r.opinion_id, r.note, r.picked_at,
           r.carried_from_unit_id as carried_from_id, cf.name as carried_from_name,
           origin.unit_id as origin_id, ou.name as origin_name,
           o.stance, o.body, o.submitted_at, o.section_ref, ds.heading as section_heading, ds.position as section_position,
           o.unit_id as receiving_id, ru.name as receiving_name,
           d.code as document_code, d.title as document_title, d.position as document_position, s.channel
    from origin
    join representative_opinions r on r.id = origin.root_id
    join opinions o on o.id = r.opinion_id
    join submissions s on s.id = o.submission_id
    join consultation_documents d on d.id = o.document_id
    left join document_sections ds on ds.document_id = o.document_id and ds.ref = o.section_ref
    join units ru on ru.id = o.unit_id
    join units ou on ou.id = origin.unit_id
    left join units cf on cf.id = r.carried_from_unit_id`);
  return sortRepresentatives(
    rows.rows.map((r) => ({
      unitId: r.unit_id,
      id: r.id,
      opinionId: r.opinion_id,
      document: { code: r.document_code, title: r.document_title, position: r.document_position },
      section: r.section_ref === null ? null : { ref: r.section_ref, heading: r.section_heading, position: r.section_position },
      stance: r.stance,
      text: r.body,
      channel: r.channel,
      submittedAt: formatVietnamInstant(new Date(r.submitted_at)),
      receivingUnit: { id: r.receiving_id, name: r.receiving_name },
      pickedBy: { id: r.origin_id, name: r.origin_name },
      carriedFrom: r.carried_from_id === null ? null : { id: r.carried_from_id, name: r.carried_from_name ?? '' },
      note: r.note,
      pickedAt: formatVietnamInstant(new Date(r.picked_at)),
    })),
  );
}

const collator = new Intl.Collator('vi', { numeric: true });

/**
 * Document order: by document, then the opinions on the document as a whole, then by section in
 * the order of the text (sections unknown to the text after, by reference), then by picking time.
 */
export function compareRepresentatives(a: RepresentativeOpinion, b: RepresentativeOpinion): number {
  return (
    a.document.position - b.document.position ||
    collator.compare(a.document.code, b.document.code) ||
    (a.section === null ? 0 : 1) - (b.section === null ? 0 : 1) ||
    (a.section?.position ?? Number.MAX_SAFE_INTEGER) - (b.section?.position ?? Number.MAX_SAFE_INTEGER) ||
    collator.compare(a.section?.ref ?? '', b.section?.ref ?? '') ||
    a.pickedAt.localeCompare(b.pickedAt) ||
    a.id - b.id
  );
}

export function sortRepresentatives<T extends RepresentativeOpinion>(items: T[]): T[] {
  return items.sort(compareRepresentatives);
}

/** The frozen picks (snapshot.representatives.own) of the direct children that submitted their report for the week, from the ledger. */
export async function selectFrozenChildPicks(
  db: Queryable,
  key: { consultationId: number; parentId: number; periodEnd: string },
): Promise<{ unitId: number; code: string; name: string; items: RepresentativeOpinion[] }[]> {
  const sent = await selectLatestOfUnitAndChildren(db, { subject: weeklyReportSubject(key.consultationId), unitId: key.parentId, periodKey: key.periodEnd });
  return sent
    .filter((r) => r.unitId !== key.parentId && r.state !== 'returned')
    .map((r) => {
      const items = (r.snapshot as { representatives?: { own?: unknown } } | null)?.representatives?.own;
      return { unitId: r.unitId, code: r.code, name: r.name, items: Array.isArray(items) ? (items as RepresentativeOpinion[]) : [] };
    });
}

/** The direct children of a unit, in the order of the unit tree. */
export async function selectChildren(db: Queryable, parentId: number): Promise<{ id: number; code: string; name: string }[]> {
  const rows = await db.execute<{ id: number; code: string; name: string }>(sql`select id, code, name from units where parent_id = ${parentId} order by sort_order, name`);
  return rows.rows;
}

// --- opinions to pick from -------------------------------------------------------------------

export interface CandidateFilter {
  consultationId: number;
  unitIds: readonly number[];
  documentId?: number | undefined;
  sectionRef?: string | undefined;
  stance?: Stance | undefined;
  /** Accent-folded tokens (searchKey), all of which must occur in the folded text. */
  tokens: readonly string[];
}

/** Vietnamese letters with diacritics and their bare letters, for an accent-insensitive match in SQL (`translate`). */
const FOLD = (() => {
  const vowels = 'aăâeêioôơuưy';
  const marks = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  let from = 'đĐ';
  let to = 'dd';
  for (const v of vowels) {
    for (const mark of marks) {
      for (const letter of [v, v.toUpperCase()]) {
        const composed = (letter + mark).normalize('NFC');
        if (composed.length !== 1 || /^[a-zA-Z]$/.test(composed)) continue;
        from += composed;
        to += letter.normalize('NFD')[0]?.toLowerCase() ?? letter;
      }
    }
  }
  return { from, to };
})();

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function candidateConditions(filter: CandidateFilter): SQL {
  const parts: SQL[] = [];
  if (filter.documentId !== undefined) parts.push(sql`and o.document_id = ${filter.documentId}`);
  if (filter.sectionRef !== undefined) {
    parts.push(sql`and (o.section_ref = ${filter.sectionRef} or left(o.section_ref, ${filter.sectionRef.length + 1}) = ${`${filter.sectionRef}.`})`);
  }
  if (filter.stance !== undefined) parts.push(sql`and o.stance = ${filter.stance}`);
  if (filter.tokens.length > 0) {
    const patterns = filter.tokens.map((t) => `%${escapeLike(t)}%`);
    parts.push(sql`and lower(translate(o.body, ${FOLD.from}, ${FOLD.to})) like all(${pgArray(patterns)}::text[])`);
  }
  return sql.join(parts, sql` `);
}

/**
 * Up to `limit` opinions of the filter received in [from, before) — `before` being an exact
 * instant (ISO text with microseconds) and an id, for keyset paging — newest first. The window's
 * submissions of the units are read through submissions_unit_time_idx, newest first, and each one's
 * opinions through opinions_submission_idx (the `offset 0` keeps that lateral probe: a join the
 * planner could flatten would scan every opinion for a rare word). Opinions have no index of their
 * own on unit and time: it cost the file import more than it saved (migration 0009).
 */
export async function selectCandidateWindow(
  db: Queryable,
  filter: CandidateFilter,
  window: { from: Date; before: { at: string; id: number }; limit: number },
): Promise<{ id: number; at: string }[]> {
  const rows = await db.execute<{ id: number; at: string }>(sql`
    select o.id, to_char(s.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
    from submissions s
    cross join lateral (
      select o.id from opinions o
      where o.submission_id = s.id
        ${candidateConditions(filter)}
      offset 0) o
    where s.consultation_id = ${filter.consultationId}
      and s.unit_id = any(${pgArray(filter.unitIds)}::int[])
      and s.submitted_at >= ${window.from} and s.submitted_at <= ${window.before.at}::timestamptz
      and (s.submitted_at, o.id) < (${window.before.at}::timestamptz, ${window.before.id}::bigint)
    order by s.submitted_at desc, o.id desc
    limit ${window.limit}`);
  return rows.rows;
}

/** What the pick list shows of the given opinions (never contact details), and whether the unit already picked each. */
export async function selectCandidateDetails(db: Queryable, key: { consultationId: number; unitId: number; periodEnd: string; ids: readonly number[] }) {
  if (key.ids.length === 0) return [];
  const rows = await db.execute<{
    id: number;
    stance: Stance;
    body: string;
    submitted_at: Date | string;
    section_ref: string | null;
    section_heading: string | null;
    document_code: string;
    document_title: string;
    receiving_id: number;
    receiving_name: string;
    channel: Channel;
    picked: boolean;
  }>(sql`
    select o.id, o.stance, o.body, o.submitted_at, o.section_ref, ds.heading as section_heading,
           d.code as document_code, d.title as document_title, o.unit_id as receiving_id, u.name as receiving_name, s.channel,
           exists (select 1 from representative_opinions r where r.consultation_id = ${key.consultationId} and r.unit_id = ${key.unitId}
                     and r.period_end = ${key.periodEnd} and r.opinion_id = o.id) as picked
    from opinions o
    join submissions s on s.id = o.submission_id
    join consultation_documents d on d.id = o.document_id
    left join document_sections ds on ds.document_id = o.document_id and ds.ref = o.section_ref
    join units u on u.id = o.unit_id
    where o.id = any(${pgArray(key.ids)}::bigint[])`);
  return rows.rows;
}

/** The id of a document of the consultation by code. */
export async function documentIdByCode(db: Queryable, consultationId: number, code: string): Promise<number | undefined> {
  const rows = await db.execute<{ id: number }>(sql`select id from consultation_documents where consultation_id = ${consultationId} and code = ${code}`);
  return rows.rows[0]?.id;
}

/** The sections of every document of the consultation, in the order of the text (for pickers and filters). */
export async function selectSectionOutline(db: Queryable, consultationId: number): Promise<Map<string, { ref: string; heading: string | null }[]>> {
  const rows = await db.execute<{ code: string; ref: string; heading: string | null }>(sql`
    select d.code, s.ref, s.heading
    from document_sections s join consultation_documents d on d.id = s.document_id
    where d.consultation_id = ${consultationId}
    order by d.position, d.id, s.position, s.id`);
  const outline = new Map<string, { ref: string; heading: string | null }[]>();
  for (const r of rows.rows) outline.set(r.code, [...(outline.get(r.code) ?? []), { ref: r.ref, heading: r.heading }]);
  return outline;
}
