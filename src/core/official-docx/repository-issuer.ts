/** SQL of official documents: the issuing unit's heading and signing settings (reports, contests). */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import type { UnitKind } from '../../platform/db/schema/org.js';
import { unitPaths } from '../unit-tree/index.js';

/** The unit a document is issued by, as its heading and signature need it. */
export interface IssuingUnit {
  code: string;
  name: string;
  /** The kind that chooses the layout (for a body of kind `other`, its bloc's). */
  kind: UnitKind;
  parentName: string | null;
  abbreviation: string | null;
  /** The unit's place, or its nearest ancestor's. */
  place: string | null;
  signer: { authority: string | null; title: string | null; name: string | null };
}

type Row = {
  code: string;
  name: string;
  bloc_kind: UnitKind;
  abbreviation: string | null;
  parent_name: string | null;
  place: string | null;
  signer_authority: string | null;
  signer_title: string | null;
  signer_name: string | null;
};

const value = (text: string | null) => (text && text.trim() !== '' ? text.trim() : null);

/**
 * The unit a document is issued by: code, name, the kind choosing its layout (for a body of
 * kind `other`, its nearest ancestor's that is not), abbreviation, parent's name, place (inherited
 * from the nearest ancestor that has one) and configured signer; undefined when there is no such unit.
 */
export async function selectIssuingUnit(db: Queryable, unitId: number): Promise<IssuingUnit | undefined> {
  const [unit] = (
    await db.execute<Row>(sql`
      with line as (
        select a.place, a.kind, step.depth from ${unitPaths(sql`array[${unitId}]::int[]`)} up
        cross join lateral unnest(up.path) with ordinality as step(id, depth) join units a on a.id = step.id
      )
      select u.code, u.name, u.abbreviation, p.name as parent_name,
        coalesce((select line.kind from line where line.kind <> 'other' order by line.depth desc limit 1), u.kind) as bloc_kind,
        (select line.place from line where nullif(btrim(line.place), '') is not null order by line.depth desc limit 1) as place,
        u.signer_authority, u.signer_title, u.signer_name
      from units u left join units p on p.id = u.parent_id where u.id = ${unitId}`)
  ).rows;
  if (!unit) return undefined;
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.bloc_kind,
    parentName: unit.parent_name,
    abbreviation: value(unit.abbreviation),
    place: value(unit.place),
    signer: { authority: value(unit.signer_authority), title: value(unit.signer_title), name: value(unit.signer_name) },
  };
}
