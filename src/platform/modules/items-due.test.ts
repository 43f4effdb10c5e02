import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { cliActor } from '../access/roles.js';
import type { ItemDue, ItemsDueQuery, ModuleManifest } from './manifest.js';
import { collectItemsDue, compareItemsDue } from './items-due.js';

/** The home page gathers items due by looping over the manifests it is given, and knows none of them. */
const db = {} as Db;
const at = (iso: string) => new Date(iso);
const item = (title: string, deadline: string | null, overdue: boolean): ItemDue => ({
  kind: 'x.item',
  unitId: 1,
  title,
  subject: title,
  deadline: deadline === null ? null : at(deadline),
  overdue,
  link: `/${title}`,
  group: 'Nhóm',
});
const fakeModule = (name: string, itemsDue?: ModuleManifest['itemsDue']): ModuleManifest => ({
  name,
  tables: {},
  routes: [],
  commands: [],
  jobs: () => [],
  eventHandlers: [],
  auditActions: {},
  ...(itemsDue ? { itemsDue } : {}),
});
const query: ItemsDueQuery = { actor: cliActor(), unitIds: [1, 2], now: at('2025-11-11T10:00:00Z') };

describe('collectItemsDue', () => {
  it('asks every manifest that declares itemsDue, passes the query through, and tags each item with its module', async () => {
    const seen: ItemsDueQuery[] = [];
    const campaigns = fakeModule('campaigns', async (_db, q) => {
      seen.push(q);
      return [item('nhiem-vu', '2025-11-20T09:00:00Z', false)];
    });
    const contests = fakeModule('contests', async () => [item('cham-thi', null, false)]);
    const items = await collectItemsDue([fakeModule('org'), campaigns, contests], db, query);
    expect(items.map((i) => [i.module, i.title])).toEqual([
      ['campaigns', 'nhiem-vu'],
      ['contests', 'cham-thi'],
    ]);
    expect(seen).toEqual([query]);
    // A list without any module that declares items gives nothing.
    expect(await collectItemsDue([fakeModule('org')], db, query)).toEqual([]);
  });

  it('sorts overdue first, then by nearest deadline, items without a deadline last, in manifest order otherwise', async () => {
    const a = fakeModule('a', async () => [item('a-none', null, false), item('a-late', '2025-11-10T09:00:00Z', true), item('a-soon', '2025-11-12T09:00:00Z', false)]);
    const b = fakeModule('b', async () => [item('b-none', null, false), item('b-later', '2025-11-19T09:00:00Z', false), item('b-late-older', '2025-11-01T09:00:00Z', true)]);
    const items = await collectItemsDue([a, b], db, query);
    expect(items.map((i) => i.title)).toEqual(['b-late-older', 'a-late', 'a-soon', 'b-later', 'a-none', 'b-none']);
    expect(compareItemsDue(item('x', null, true), item('y', '2025-11-01T00:00:00Z', false))).toBeLessThan(0);
  });
});
