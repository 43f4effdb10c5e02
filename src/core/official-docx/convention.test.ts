import { describe, expect, it } from 'vitest';
import { unitKinds } from '../../platform/db/schema/org.js';
import { conventionOfUnitKind } from './convention.js';

describe('conventionOfUnitKind', () => {
  it('gives the Party layout to Party bodies and the central level, the State layout to every other body', () => {
    const party = unitKinds.filter((k) => conventionOfUnitKind(k) === 'party');
    expect(party).toEqual(['central', 'party_committee', 'party_board', 'party_cell']);
    for (const kind of ['people_committee', 'department', 'commune', 'press', 'portal'] as const) expect(conventionOfUnitKind(kind)).toBe('state');
  });
});
