import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';

/** SQL of what the plan's DOCX prints about its owner: name, kind, parent, abbreviation, signer. */
export type IssuingUnit = {
  name: string;
  kind: UnitKind;
  abbreviation: string | null;
  parentName: string | null;
  signerAuthority: string | null;
  signerTitle: string | null;
  signerName: string | null;
};

export async function selectIssuingUnit(db: Queryable, unitId: number): Promise<IssuingUnit | undefined> {
  const result = await db.execute<IssuingUnit>(sql`
    select u.name, u.kind, u.abbreviation, p.name as "parentName", u.signer_authority as "signerAuthority",
      u.signer_title as "signerTitle", u.signer_name as "signerName"
    from units u left join units p on p.id = u.parent_id where u.id = ${unitId}`);
  return result.rows[0];
}
