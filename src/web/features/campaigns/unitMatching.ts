/**
 * Units as the plan writes them → units of the tree (POST /campaigns/match-units answers per name).
 * Pure: applied to every assignment of the form once the owner unit is known.
 */
import type { AssignmentValues } from './campaignForm.js';
import type { UnitMatch } from './campaignTypes.js';

/** Every name the assignments write (assigned, lead, coordinating), each once. */
export function namesToMatch(assignments: readonly AssignmentValues[]): string[] {
  const names = new Set<string>();
  for (const a of assignments) for (const n of [...a.names, a.leadName, ...a.coordinatingNames]) if (n && n.trim()) names.add(n.trim());
  return [...names];
}

const unique = (ids: number[]) => [...new Set(ids)];

/**
 * The matched units filled in where the assignment has none yet (the user's choices are kept).
 * The lead is the one unit its name matched; a group (several units) leads nothing by itself.
 */
export function applyMatches(a: AssignmentValues, matches: ReadonlyMap<string, UnitMatch>): AssignmentValues {
  const idsOf = (names: readonly string[]) => unique(names.flatMap((n) => matches.get(n.trim())?.units.map((u) => u.id) ?? []));
  const leadMatch = a.leadName ? matches.get(a.leadName.trim()) : undefined;
  const leadUnitId = a.leadUnitId ?? (leadMatch && !leadMatch.group && leadMatch.units.length === 1 ? (leadMatch.units[0]?.id ?? null) : null);
  const assigned = a.unitIds.length > 0 ? a.unitIds : idsOf(a.names);
  return {
    ...a,
    unitIds: leadUnitId !== null && !assigned.includes(leadUnitId) ? [leadUnitId, ...assigned] : assigned,
    leadUnitId,
    coordinatingUnitIds: a.coordinatingUnitIds.length > 0 ? a.coordinatingUnitIds : idsOf(a.coordinatingNames).filter((id) => id !== leadUnitId),
  };
}

/** "UBND các xã, phường → 12 đơn vị", "Báo Lai Châu → Báo và Phát thanh, Truyền hình Lai Châu", "X → chưa khớp". */
export function matchSummary(match: UnitMatch | undefined, name: string): string {
  if (!match || match.units.length === 0) return `${name} → chưa khớp đơn vị nào`;
  if (match.group || match.units.length > 1) return `${name} → ${match.units.length} đơn vị`;
  return `${name} → ${match.units[0]?.name ?? ''}`;
}
