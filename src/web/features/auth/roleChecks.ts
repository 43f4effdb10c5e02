import type { Me } from '../../api/types.js';

/**
 * Role checks for showing actions: a button is shown only to a user whose role can use it (the
 * server still checks the exact units). Viewers read; editors and above write somewhere.
 */
export function editsSomewhere(me: Pick<Me, 'grants'>): boolean {
  return me.grants.some((g) => g.role !== 'viewer');
}
