import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../platform/db/database.js';
import { channels, contributorGroups, stances, type consultations } from '../../platform/db/schema/index.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { AppError } from '../../platform/errors.js';
import { deadlineFor, formatVietnamInstant, periodClosingOn, type IsoWeekday, type Period, type PeriodDeadlineRule, type WeeklySchedule } from '../../platform/time/index.js';
import { selectConsultationByCode, selectDocuments } from './repository.js';

type Consultation = typeof consultations.$inferSelect;

export interface WeeklyReport {
  unit: string;
  unitName: string;
  periodStart: string;
  periodEnd: string;
  submissions: number;
  opinions: number;
  byChannel: Record<string, number>;
  byContributorGroup: Record<string, number>;
  byDocument: Record<string, number>;
  byStance: Record<string, number>;
  cumulative: { submissions: number; opinions: number };
  identicalGroups: number;
  children: { code: string; name: string; status: 'submitted' | 'late' | 'missing'; submissions: number; opinions: number }[];
}

export function weeklySchedule(consultation: Consultation): WeeklySchedule {
  return { kind: 'weekly', weekday: consultation.cutoffWeekday as IsoWeekday, time: consultation.cutoffTime };
}

/**
 * The deadline of a unit's weekly report: from the consultation's per-level rules, by default
 * grassroots units (no children) by Tuesday 16:00 and every other level by the cut-off itself.
 */
export function reportDeadline(consultation: Consultation, period: Period, grassroots: boolean): Date {
  const rules = (consultation.deadlineRules as { level: 'grassroots' | 'default'; rule: PeriodDeadlineRule }[]) ?? [];
  const byLevel = (level: 'grassroots' | 'default') => rules.find((r) => r.level === level)?.rule;
  const fallback: PeriodDeadlineRule = grassroots
    ? { kind: 'weekday_before_cutoff', weekday: 2, time: '16:00' }
    : { kind: 'weekday_before_cutoff', weekday: consultation.cutoffWeekday as IsoWeekday, time: consultation.cutoffTime };
  return deadlineFor(period, (grassroots ? byLevel('grassroots') : undefined) ?? byLevel('default') ?? fallback);
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

/**
 * The live weekly figures of a unit and its whole subtree for the week closing on `periodEnd`
 * (counts are of opinions except `submissions`), the cumulative figures since the opening, the
 * number of groups of identical opinions, and the state of each direct child's report.
 */
export async function computeWeeklyReport(db: Queryable, options: { consultation: Consultation; unitId: number; periodEnd: string }): Promise<WeeklyReport> {
  const { consultation, unitId } = options;
  const period = periodClosingOn(weeklySchedule(consultation), options.periodEnd);
  const start = period.start;
  const end = period.end;
  const subtree = sql`(with recursive sub(id) as (select ${unitId}::int union select u.id from units u join sub on u.parent_id = sub.id) select id from sub)`;
  const [unit] = (await db.execute<{ code: string; name: string }>(sql`select code, name from units where id = ${unitId}`)).rows;
  if (!unit) throw new AppError('NOT_FOUND');
  const documents = new Map((await selectDocuments(db, consultation.id)).map((d) => [d.id, d.code]));

  const grouped = await db.execute<{ channel: string | null; contributor_group: string | null; document_id: number | null; stance: string | null; g: number; n: number }>(sql`
    select s.channel, s.contributor_group, o.document_id, o.stance,
           grouping(s.channel, s.contributor_group, o.document_id, o.stance)::int as g, count(*)::int as n
    from opinions o join submissions s on s.id = o.submission_id
    where o.consultation_id = ${consultation.id} and o.unit_id in ${subtree}
      and o.submitted_at >= ${start} and o.submitted_at < ${end}
    group by grouping sets ((s.channel), (s.contributor_group), (o.document_id), (o.stance), ())`);
  const report: WeeklyReport = {
    unit: unit.code,
    unitName: unit.name,
    periodStart: formatVietnamInstant(start),
    periodEnd: formatVietnamInstant(end),
    submissions: 0,
    opinions: 0,
    byChannel: zeros(channels),
    byContributorGroup: zeros(contributorGroups),
    byDocument: zeros([...documents.values()]),
    byStance: zeros(stances),
    cumulative: { submissions: 0, opinions: 0 },
    identicalGroups: 0,
    children: [],
  };
  for (const row of grouped.rows) {
    if (row.g === 15) report.opinions = row.n;
    else if (row.channel !== null) report.byChannel[row.channel] = row.n;
    else if (row.contributor_group !== null) report.byContributorGroup[row.contributor_group] = row.n;
    else if (row.document_id !== null) report.byDocument[documents.get(row.document_id) ?? String(row.document_id)] = row.n;
    else if (row.stance !== null) report.byStance[row.stance] = row.n;
  }

  const [totals] = (
    await db.execute<{ submissions: number; cumulative_submissions: number; cumulative_opinions: number; identical_groups: number }>(sql`
      select
        (select count(*)::int from submissions s where s.consultation_id = ${consultation.id} and s.unit_id in ${subtree}
           and s.submitted_at >= ${start} and s.submitted_at < ${end}) as submissions,
        (select count(*)::int from submissions s where s.consultation_id = ${consultation.id} and s.unit_id in ${subtree}
           and s.submitted_at >= ${consultation.opensAt} and s.submitted_at < ${end}) as cumulative_submissions,
        (select coalesce(sum(s.opinion_count), 0)::int from submissions s where s.consultation_id = ${consultation.id} and s.unit_id in ${subtree}
           and s.submitted_at >= ${consultation.opensAt} and s.submitted_at < ${end}) as cumulative_opinions,
        (select count(*)::int from (
           select o.text_key from opinions o
           where o.consultation_id = ${consultation.id} and o.unit_id in ${subtree}
             and o.submitted_at >= ${start} and o.submitted_at < ${end} and o.text_key <> ''
           group by o.text_key having count(*) >= 2) groups) as identical_groups`)
  ).rows;
  report.submissions = totals?.submissions ?? 0;
  report.cumulative = { submissions: totals?.cumulative_submissions ?? 0, opinions: totals?.cumulative_opinions ?? 0 };
  report.identicalGroups = totals?.identical_groups ?? 0;

  const children = await db.execute<{ code: string; name: string; submissions: number; opinions: number; submitted: boolean; late: boolean | null }>(sql`
    with recursive sub(root, id) as (
      select id, id from units where parent_id = ${unitId}
      union all
      select sub.root, u.id from units u join sub on u.parent_id = sub.id
    ),
    counts as (
      select sub.root, count(*)::int as submissions, coalesce(sum(s.opinion_count), 0)::int as opinions
      from sub join submissions s on s.unit_id = sub.id
      where s.consultation_id = ${consultation.id} and s.submitted_at >= ${start} and s.submitted_at < ${end}
      group by sub.root
    )
    select c.code, c.name, coalesce(k.submissions, 0) as submissions, coalesce(k.opinions, 0) as opinions,
           (w.id is not null) as submitted, w.late
    from units c
    left join counts k on k.root = c.id
    left join weekly_reports w on w.consultation_id = ${consultation.id} and w.unit_id = c.id and w.period_end = ${options.periodEnd}
    where c.parent_id = ${unitId}
    order by c.sort_order, c.name`);
  report.children = children.rows.map((c) => ({
    code: c.code,
    name: c.name,
    status: !c.submitted ? 'missing' : c.late ? 'late' : 'submitted',
    submissions: c.submissions,
    opinions: c.opinions,
  }));
  return report;
}

export async function loadConsultation(db: Queryable, code: string): Promise<Consultation> {
  const consultation = await selectConsultationByCode(db, code);
  if (!consultation) throw new AppError('NOT_FOUND', `Không có đợt lấy ý kiến mã "${code}".`);
  return consultation;
}

/** The weekly report of a unit the actor may see. */
export async function getWeeklyReport(db: Db, options: { actor: Actor; consultationCode: string; unitId: number; periodEnd: string }) {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  const consultation = await loadConsultation(db, options.consultationCode);
  return computeWeeklyReport(db, { consultation, unitId: options.unitId, periodEnd: options.periodEnd });
}
