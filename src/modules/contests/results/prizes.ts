/** Prize assignment: the ladder in order over the ranks, skipping the people excluded after review. */
import type { Prize } from '../types.js';

/** One entry per prize slot, in the ladder's order: [Nhất, Nhì, Nhì, Ba, Ba, Ba, …]. */
export function prizeSlots(ladder: readonly Prize[]): string[] {
  return ladder.flatMap((p) => Array.from({ length: Math.max(0, p.count) }, () => p.name));
}

/** `ranked` in rank order; excluded people get no prize and do not use a slot. */
export function assignPrizes(ladder: readonly Prize[], ranked: readonly { participantId: number; excluded: boolean }[]): Map<number, string> {
  const slots = prizeSlots(ladder);
  const prizes = new Map<number, string>();
  for (const row of ranked) {
    if (prizes.size >= slots.length) break;
    if (!row.excluded) prizes.set(row.participantId, slots[prizes.size] as string);
  }
  return prizes;
}
