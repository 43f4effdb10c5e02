import { describe, expect, it } from 'vitest';
import { formFromProposal, inputFromForm } from './campaignForm.js';
import type { CampaignProposal } from './campaignTypes.js';
import { formFromInput } from './draftForm.js';
import { applyMatches, matchSummary, namesToMatch } from './unitMatching.js';

const proposal: CampaignProposal = {
  text: 'KẾ HOẠCH …',
  title: 'Tuyên truyền đại hội',
  reference: 'Kế hoạch số 37-KH/BTGDVTU',
  purpose: 'Tăng cường công tác thông tin tuyên truyền',
  requirements: '',
  milestones: [
    { title: 'Đại hội Đảng bộ tỉnh lần thứ XV', starts: '2025-09-24', ends: '2025-09-26', span: [10, 40] },
    { title: 'Đại hội XIV của Đảng', starts: '2026-01-19', ends: '2026-01-23' },
  ],
  phases: [
    { title: 'Đợt 1: trước Đại hội tỉnh', starts: { kind: 'text', text: 'Từ nay' }, ends: { kind: 'milestone', milestone: 0, edge: 'before' } },
    { title: 'Đợt 3: sau Đại hội XIV', starts: { kind: 'milestone', milestone: 1, edge: 'after' }, ends: { kind: 'date', date: '2026-03-31' } },
    { title: 'Đợt lạ', starts: { kind: 'milestone', milestone: 7, edge: 'start' }, ends: null },
  ],
  themes: [
    { phase: 0, title: 'Ý nghĩa của Đại hội' },
    { phase: null, title: 'Thành tựu nhiệm kỳ' },
    { phase: 9, title: 'Chủ đề ngoài đợt' },
  ],
  channels: [{ channel: 'press', text: 'Báo chí' }, { channel: null, text: 'Sân khấu hóa' }, { channel: 'contests', text: '' }, { channel: null, text: ' ' }],
  assignments: [
    { units: ['UBND các xã, phường'], lead: null, coordinating: [], text: 'Tổ chức tuyên truyền ở cơ sở', deadline: null, phase: 1, groups: [{ text: 'UBND các xã, phường', unitKinds: ['commune'] }] },
    { units: ['Báo và Phát thanh, Truyền hình Lai Châu'], lead: 'Báo và Phát thanh, Truyền hình Lai Châu', coordinating: ['Cổng Thông tin điện tử tỉnh'], text: 'Mở chuyên trang', deadline: { kind: 'date', date: '2025-12-31' }, phase: null, groups: [] },
  ],
};

describe('the new campaign form', () => {
  it('reads milestone edges as bounds: "before" ends at the start, "after" starts at the end; unknown references are dropped', () => {
    const form = formFromProposal(proposal, 7);
    expect(form.phases.map((p) => [p.starts, p.ends])).toEqual([
      [{ kind: 'none' }, { kind: 'milestone', milestoneKey: 'm1', edge: 'start' }],
      [{ kind: 'milestone', milestoneKey: 'm2', edge: 'end' }, { kind: 'date', date: '2026-03-31' }],
      [{ kind: 'none' }, { kind: 'none' }],
    ]);
    expect(form.themes.map((t) => t.phaseKey)).toEqual(['p1', null, null]);
    expect(form.assignments.map((a) => a.deadline)).toEqual([{ kind: 'phase_end', phaseKey: 'p2' }, { kind: 'date', date: '2025-12-31' }]);
    expect(form.milestones[0]?.span).toEqual([10, 40]);
  });

  it('sends the reviewed form as the create body: Vietnam days as instants, keys kept, blank rows and dangling keys left out', () => {
    const form = formFromProposal(proposal, 7);
    form.phases[0] = { ...form.phases[0]!, title: '  ' };
    form.themes.push({ key: 'tx', phaseKey: 'p1', title: '' });
    form.assignments[0] = { ...form.assignments[0]!, unitIds: [11, 12], themeKeys: ['t1', 'tx', 't2'], channels: ['meetings'] };
    const input = inputFromForm(form, { sourceDirectiveId: 5, bodyText: 'KẾ HOẠCH …' });
    expect(input).toMatchObject({ ownerUnitId: 7, title: 'Tuyên truyền đại hội', sourceDirectiveId: 5, sourceReference: 'Kế hoạch số 37-KH/BTGDVTU', bodyText: 'KẾ HOẠCH …' });
    expect(input.milestones[0]).toEqual({ key: 'm1', title: 'Đại hội Đảng bộ tỉnh lần thứ XV', startsAt: '2025-09-23T17:00:00.000Z', endsAt: '2025-09-26T16:59:59.999Z' });
    expect(input.phases.map((p) => p.key)).toEqual(['p2', 'p3']);
    // Theme 1 pointed at the removed phase 1: it belongs to the whole campaign now.
    expect(input.themes).toEqual([
      { key: 't1', phaseKey: null, title: 'Ý nghĩa của Đại hội' },
      { key: 't2', phaseKey: null, title: 'Thành tựu nhiệm kỳ' },
      { key: 't3', phaseKey: null, title: 'Chủ đề ngoài đợt' },
    ]);
    expect(input.assignments[0]).toMatchObject({ unitsAsWritten: 'UBND các xã, phường', unitIds: [11, 12], phaseKey: 'p2', deadline: { kind: 'phase_end', phaseKey: 'p2' }, themeKeys: ['t1', 't2'], channels: ['meetings'] });
    // A listed channel without wording takes its label; an empty free-text row is left out.
    expect(input.channels).toEqual([{ channel: 'press', text: 'Báo chí' }, { channel: null, text: 'Sân khấu hóa' }, { channel: 'contests', text: 'Cuộc thi' }]);
  });

  it('comes back from an implementing draft unchanged', () => {
    const input = inputFromForm(formFromProposal(proposal, 7), { parentCampaignId: 3 });
    const again = inputFromForm(formFromInput(input), { parentCampaignId: 3 });
    expect(again).toEqual(input);
  });
});

describe('unit matching', () => {
  const matches = new Map([
    ['UBND các xã, phường', { name: 'UBND các xã, phường', group: true, units: [1, 2, 3].map((id) => ({ id, code: `X${id}`, name: `Xã ${id}` })) }],
    ['Báo và Phát thanh, Truyền hình Lai Châu', { name: 'Báo và Phát thanh, Truyền hình Lai Châu', group: false, units: [{ id: 9, code: 'BPTTH', name: 'Báo và Phát thanh, Truyền hình Lai Châu' }] }],
    ['Cổng Thông tin điện tử tỉnh', { name: 'Cổng Thông tin điện tử tỉnh', group: false, units: [{ id: 10, code: 'CTT', name: 'Cổng Thông tin điện tử tỉnh Lai Châu' }] }],
  ]);
  const form = formFromProposal(proposal, 7);

  it('asks for every written name once and fills groups, the lead and the coordinating units', () => {
    expect(namesToMatch(form.assignments)).toEqual(['UBND các xã, phường', 'Báo và Phát thanh, Truyền hình Lai Châu', 'Cổng Thông tin điện tử tỉnh']);
    const [group, press] = form.assignments.map((a) => applyMatches(a, matches));
    expect(group).toMatchObject({ unitIds: [1, 2, 3], leadUnitId: null, coordinatingUnitIds: [] });
    expect(press).toMatchObject({ unitIds: [9], leadUnitId: 9, coordinatingUnitIds: [10] });
  });

  it('keeps the units the user chose and says what each name became', () => {
    const chosen = applyMatches({ ...form.assignments[0]!, unitIds: [2] }, matches);
    expect(chosen.unitIds).toEqual([2]);
    expect(matchSummary(matches.get('UBND các xã, phường'), 'UBND các xã, phường')).toBe('UBND các xã, phường → 3 đơn vị');
    expect(matchSummary(undefined, 'Hội Nông dân')).toBe('Hội Nông dân → chưa khớp đơn vị nào');
  });
});
