import type { Db } from '../../src/platform/db/database.js';
import { buildUnit } from './factories.js';

/** Where a target unit stands from the acting user's own unit, in every access table. */
export const accessTargets = ['own', 'descendant', 'sibling', 'ancestor', 'otherProvince'] as const;
export type AccessTarget = (typeof accessTargets)[number];

/**
 * The tree every access table runs on: the centre, Lai Châu's Tỉnh ủy (the ancestor) with the
 * Department (own unit, where the users are granted), its centre (descendant) and the portal
 * (sibling), and Lào Cai's Department (another province).
 */
export async function buildAccessTargets(db: Db): Promise<{ rootId: number; unitIds: Record<AccessTarget, number> }> {
  const root = await buildUnit(db, { code: 'TW', name: 'Ban Chấp hành Trung ương', kind: 'central' });
  const laiChau = await buildUnit(db, { code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee', parentId: root.id });
  const own = await buildUnit(db, { code: 'LCU-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch Lai Châu', kind: 'department', parentId: laiChau.id });
  const child = await buildUnit(db, { code: 'LCU-TTVH', name: 'Trung tâm Văn hóa tỉnh Lai Châu', kind: 'other', parentId: own.id });
  const sibling = await buildUnit(db, { code: 'LCU-CTTDT', name: 'Cổng Thông tin điện tử tỉnh Lai Châu', kind: 'portal', parentId: laiChau.id });
  const laoCai = await buildUnit(db, { code: 'LCA-TU', name: 'Tỉnh ủy Lào Cai', kind: 'party_committee', parentId: root.id });
  const laoCaiDept = await buildUnit(db, { code: 'LCA-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch Lào Cai', kind: 'department', parentId: laoCai.id });
  return { rootId: root.id, unitIds: { own: own.id, descendant: child.id, sibling: sibling.id, ancestor: laiChau.id, otherProvince: laoCaiDept.id } };
}
