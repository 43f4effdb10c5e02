import { describe, expect, it } from 'vitest';
import type { HomeItemDue } from '../../api/types.js';
import { groupItems } from './useHome.js';

const item = (group: string, title: string): HomeItemDue => ({ module: 'm', kind: 'm.k', group, title, detail: null, unitId: 1, unitName: 'Đơn vị', subject: 's', deadline: null, overdue: false, link: '/' });

describe('groupItems', () => {
  it('keeps the server’s order: groups in the order of their first item, items in order within a group', () => {
    const groups = groupItems([item('B', '1'), item('A', '2'), item('B', '3')]);
    expect(groups.map((g) => [g.title, g.items.map((i) => i.title)])).toEqual([
      ['B', ['1', '3']],
      ['A', ['2']],
    ]);
    expect(groupItems([])).toEqual([]);
  });
});
