import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { scopedUnitIds } from '../../platform/access/scope.js';
import { visibleCampaign } from './plan/repository.js';

/** SQL of the audit page's names for the campaigns module (audit-subjects.ts), each inside the actor's scope. */

export async function selectVisibleCampaignNames(db: Queryable, actor: Actor, ids: readonly number[]): Promise<{ id: number; code: string; title: string }[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: number; code: string; title: string }>(sql`
    select c.id, c.code, c.title from campaigns c where c.id = any(${pgArray([...ids])}::int[]) and ${visibleCampaign(actor)}`);
  return result.rows;
}

/** Tasks of units the actor sees, or of plans its scope owns. */
export async function selectVisibleTaskNames(db: Queryable, actor: Actor, ids: readonly number[]): Promise<{ id: number; code: string; unitName: string }[]> {
  if (ids.length === 0) return [];
  const scope = scopedUnitIds(actor, 'viewer');
  const result = await db.execute<{ id: number; code: string; unitName: string }>(sql`
    select t.id, c.code, u.name as "unitName"
    from campaign_tasks t join campaigns c on c.id = t.campaign_id join units u on u.id = t.unit_id
    where t.id = any(${pgArray([...ids])}::int[]) and (t.unit_id in ${scope} or c.owner_unit_id in ${scope})`);
  return result.rows;
}
