/**
 * SQL of who sees a regime: a viewer (or more) of its issuer, or of a unit expected in its latest
 * opened period (a reporting unit sees the regimes it reports under). Set-based (platform/access).
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/roles.js';
import { scopeCte } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Schedule } from '../../../platform/time/index.js';
import type { RegimeType } from '../tables.js';

export interface VisibleRegimeRow {
  id: number;
  code: string;
  name: string;
  type: RegimeType;
  schedule: Schedule;
  archivedAt: Date | null;
  issuer: { id: number; code: string; name: string };
}

/**
 * The regimes the actor sees, by code; `unitId` keeps those that unit issues or is expected in
 * (latest period); `regimeId` keeps that one.
 */
export async function selectVisibleRegimes(db: Queryable, actor: Actor, filter: { unitId?: number | undefined; regimeId?: number | undefined }): Promise<VisibleRegimeRow[]> {
  const unitId = filter.unitId ?? null;
  const regimeId = filter.regimeId ?? null;
  const result = await db.execute<{ id: number; code: string; name: string; type: RegimeType; schedule: Schedule; archived_at: string | null; issuer_id: number; issuer_code: string; issuer_name: string }>(sql`
    with recursive ${scopeCte(actor, 'viewer')},
    candidates as (
      select r.*, (select p.id from report_periods p where p.regime_id = r.id order by p.period_end desc limit 1) as latest_period_id
      from report_regimes r where ${regimeId}::int is null or r.id = ${regimeId}::int
    )
    select c.id, c.code, c.name, c.type, c.schedule, c.archived_at, u.id as issuer_id, u.code as issuer_code, u.name as issuer_name
    from candidates c join units u on u.id = c.issuer_unit_id
    where (c.issuer_unit_id in (select id from scope)
        or exists (select 1 from report_period_units e where e.period_id = c.latest_period_id and e.unit_id in (select id from scope)))
      and (${unitId}::int is null or c.issuer_unit_id = ${unitId}::int
        or exists (select 1 from report_period_units e where e.period_id = c.latest_period_id and e.unit_id = ${unitId}::int))
    order by c.code`);
  return result.rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    schedule: r.schedule,
    archivedAt: r.archived_at === null ? null : new Date(r.archived_at),
    issuer: { id: r.issuer_id, code: r.issuer_code, name: r.issuer_name },
  }));
}
