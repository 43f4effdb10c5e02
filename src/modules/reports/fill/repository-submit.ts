/**
 * SQL of a submit's first statement (issue 13 speed: the deadline rush): the actor's role on the unit,
 * the report's place and the unit's period lock, in one prepared statement.
 */
import { sql } from 'drizzle-orm';
import { unitPeriodLockKeySql } from '../../../core/period-reports/index.js';
import { actorRankValues, unitRankSql } from '../../../platform/access/scope.js';
import { roleRank, type Actor, type Role } from '../../../platform/access/roles.js';
import type { Tx } from '../../../platform/db/database.js';
import { prepareStatement, runPrepared } from '../../../platform/db/prepared.js';
import { placeColumns, placeJoins, toPlace, type PlaceSqlRow, type ReportPlace } from './repository.js';
import { REPORT_SUBJECT_KIND } from './subject.js';

const unitId = sql`${sql.placeholder('unitId')}::int`;

/**
 * From one row whatever the regime: the actor's best rank on the unit (null outside every granted
 * subtree), then the place; the lock is taken only when the actor may fill the unit's report of an
 * opened period of a regime still receiving.
 */
const submitPlaceStatement = prepareStatement(
  'reports.submit-place',
  sql`select acc.rank, ${placeColumns},
      case when acc.rank <= ${sql.placeholder('minimumRank')}::int and e.unit_id is not null and r.archived_at is null
           then pg_advisory_xact_lock(${unitPeriodLockKeySql({ subjectKind: sql`${REPORT_SUBJECT_KIND}::text`, subjectId: sql`r.id`, unitId: sql`u.id`, periodKey: sql`p.period_key` })})::text is not null
           else false end as locked
    from (select ${unitRankSql(unitId)} as rank) acc
    left join report_regimes r on r.id = ${sql.placeholder('regimeId')}::int
    ${placeJoins(sql`${sql.placeholder('closingDate')}::text`, unitId)}`,
);

export interface SubmitPlace {
  /** The actor's best role rank on the unit; null outside every granted subtree. */
  rank: number | null;
  /** Null for an unknown regime. */
  place: ReportPlace | null;
  /** Whether the unit's period lock is now held by the transaction. */
  locked: boolean;
}

/**
 * The actor's rank on the unit and the unit's place in the regime's period, and — when the actor
 * holds `minimum` there and the unit is expected in an opened period of a regime not archived — the
 * unit's period lock (core/period-reports' key), in one statement of the caller's transaction.
 */
export async function selectSubmitPlace(tx: Tx, address: { regimeId: number; closingDate: string; unitId: number }, actor: Actor, minimum: Role): Promise<SubmitPlace> {
  const [row] = await runPrepared<PlaceSqlRow & { rank: number | null; locked: boolean }>(tx, submitPlaceStatement, {
    ...actorRankValues(actor),
    minimumRank: roleRank[minimum],
    regimeId: address.regimeId,
    closingDate: address.closingDate,
    unitId: address.unitId,
  });
  if (!row) return { rank: null, place: null, locked: false };
  return { rank: row.rank, place: row.regime_id === null ? null : toPlace(row), locked: row.locked };
}
