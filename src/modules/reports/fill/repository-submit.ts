/**
 * SQL of a submit's first statement (issue 13 speed: the deadline rush): the actor's role on the unit
 * and the report's place, in one prepared statement.
 */
import { sql } from 'drizzle-orm';
import { actorRankValues, unitRankSql } from '../../../platform/access/scope.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { prepareStatement, runPrepared } from '../../../platform/db/prepared.js';
import { placeColumns, placeJoins, toPlace, type PlaceSqlRow, type ReportPlace } from './repository.js';

const unitId = sql`${sql.placeholder('unitId')}::int`;

/** One row whatever the regime: the actor's best rank on the unit (null outside every granted subtree), then the place. */
const submitPlaceStatement = prepareStatement(
  'reports.submit-place',
  sql`select acc.rank, ${placeColumns}
    from (select ${unitRankSql(unitId)} as rank) acc
    left join report_regimes r on r.id = ${sql.placeholder('regimeId')}::int
    ${placeJoins(sql`${sql.placeholder('closingDate')}::text`, unitId)}`,
);

export interface SubmitPlace {
  /** The actor's best role rank on the unit; null outside every granted subtree. */
  rank: number | null;
  /** Null for an unknown regime. */
  place: ReportPlace | null;
}

/** The actor's rank on the unit and the unit's place in the regime's period, in one statement. */
export async function selectSubmitPlace(q: Queryable, address: { regimeId: number; closingDate: string; unitId: number }, actor: Actor): Promise<SubmitPlace> {
  const [row] = await runPrepared<PlaceSqlRow & { rank: number | null }>(q, submitPlaceStatement, {
    ...actorRankValues(actor),
    regimeId: address.regimeId,
    closingDate: address.closingDate,
    unitId: address.unitId,
  });
  if (!row) return { rank: null, place: null };
  return { rank: row.rank, place: row.regime_id === null ? null : toPlace(row) };
}
