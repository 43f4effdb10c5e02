/**
 * The proposal against plans read by hand (test/fixtures/campaigns/*.json): the three seeds, own
 * cases and excerpts of real plans. Every phase and every assignment must come out (with the lead,
 * coordinating units, deadline, phase and group kinds the fixture names), at least 90 % of the themes
 * (and at most a few extra), and exactly the channels of the controlled list the fixture names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDirective } from '../../../core/vn-document/index.js';
import { searchKey } from '../../../platform/vn/index.js';
import { proposeCampaign } from './index.js';
import type { CampaignProposal, TimeExpression } from './types.js';

interface Fixture {
  about: string;
  text: string;
  milestones?: string[];
  phases: { title: string; starts?: TimeExpression | null; ends?: TimeExpression | null }[];
  themes: { phase: number | null; title: string }[];
  channels: string[];
  freeChannels?: number;
  assignments: {
    units: string[];
    lead?: string | null;
    coordinating?: string[];
    deadline?: TimeExpression | null;
    deadlineRule?: unknown;
    phase?: number | null;
    groupKinds?: string[][];
  }[];
}

const dir = new URL('../../../../test/fixtures/campaigns/', import.meta.url);
const root = new URL('../../../../', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), fixture: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Fixture }));

const titleMatches = (expected: string, actual: string) => searchKey(actual).startsWith(searchKey(expected));

function themeScore(f: Fixture, p: CampaignProposal): { matched: number; recall: number; precision: number; missing: string[] } {
  const used = new Set<number>();
  const missing: string[] = [];
  for (const t of f.themes) {
    const i = p.themes.findIndex((a, j) => !used.has(j) && a.phase === t.phase && titleMatches(t.title, a.title));
    if (i >= 0) used.add(i);
    else missing.push(`${t.phase}: ${t.title}`);
  }
  const matched = used.size;
  return {
    matched,
    recall: f.themes.length ? matched / f.themes.length : 1,
    precision: p.themes.length ? matched / p.themes.length : f.themes.length ? 0 : 1,
    missing,
  };
}

describe('proposeCampaign on plans read by hand', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(12);

  it.each(fixtures)('$name', ({ name, fixture }) => {
    const p = proposeCampaign(readFileSync(new URL(fixture.text, root), 'utf8'));
    const score = themeScore(fixture, p);
    console.log(
      `${name}: phases ${p.phases.length}/${fixture.phases.length}, assignments ${p.assignments.length}/${fixture.assignments.length}, ` +
        `themes ${score.matched}/${fixture.themes.length} (recall ${(score.recall * 100).toFixed(0)} %, precision ${(score.precision * 100).toFixed(0)} %)` +
        (score.missing.length ? `; missing: ${score.missing.join(' | ')}` : ''),
    );

    expect(p.phases.map((x) => x.title).length, 'phases').toBe(fixture.phases.length);
    fixture.phases.forEach((e, i) => {
      const a = p.phases[i];
      expect(a && titleMatches(e.title, a.title), `phase ${i}: ${a?.title}`).toBe(true);
      if ('starts' in e) expect(a?.starts, `phase ${i} starts`).toEqual(e.starts);
      if ('ends' in e) expect(a?.ends, `phase ${i} ends`).toEqual(e.ends);
    });
    if (fixture.milestones) expect(p.milestones.map((m) => m.title)).toEqual(fixture.milestones);

    expect(score.recall, 'themes recall').toBeGreaterThanOrEqual(0.9);
    expect(score.precision, 'themes precision').toBeGreaterThanOrEqual(0.8);

    const codes = p.channels.flatMap((c) => (c.channel ? [c.channel] : []));
    expect([...codes].sort(), 'channels').toEqual([...fixture.channels].sort());
    if (fixture.freeChannels !== undefined) expect(p.channels.filter((c) => c.channel === null)).toHaveLength(fixture.freeChannels);

    expect(p.assignments.map((a) => a.units), 'assignments').toHaveLength(fixture.assignments.length);
    for (const e of fixture.assignments) {
      const a = p.assignments.find((x) => JSON.stringify(x.units) === JSON.stringify(e.units));
      expect(a, `assignment ${JSON.stringify(e.units)} among ${JSON.stringify(p.assignments.map((x) => x.units))}`).toBeDefined();
      if (!a) continue;
      expect(a.text.length, `text of ${e.units.join(', ')}`).toBeGreaterThan(10);
      if ('lead' in e) expect(a.lead, `lead of ${e.units.join(', ')}`).toBe(e.lead);
      if (e.coordinating) expect(a.coordinating, `coordinating of ${e.units.join(', ')}`).toEqual(e.coordinating);
      if ('deadline' in e) expect(a.deadline, `deadline of ${e.units.join(', ')}`).toEqual(e.deadline);
      if ('phase' in e) expect(a.phase, `phase of ${e.units.join(', ')}`).toBe(e.phase);
      if (e.groupKinds) expect(a.groups.map((g) => g.unitKinds)).toEqual(e.groupKinds);
      if (e.deadlineRule) expect(a.deadlineRule, `deadline rule of ${e.units.join(', ')}`).toEqual(e.deadlineRule);
    }
  });
});

describe('spans', () => {
  it.each(fixtures)('$name: every span lies in the normalised text, and a phase or theme span starts with its title', ({ fixture }) => {
    const raw = readFileSync(new URL(fixture.text, root), 'utf8');
    const text = parseDirective(raw).text;
    const p = proposeCampaign(raw);
    for (const part of [...p.phases, ...p.themes, ...p.channels, ...p.assignments, ...p.milestones]) {
      const [start, end] = part.span ?? [0, 0];
      expect(0 <= start && start < end && end <= text.length, JSON.stringify(part).slice(0, 120)).toBe(true);
    }
    for (const part of [...p.phases, ...p.themes]) {
      const [start, end] = part.span ?? [0, 0];
      // Titles are the item's first words (an inline "đợt 01" is titled "Đợt 1").
      const words = searchKey(part.title).split(' ').slice(0, 3).join(' ').replace(/\b0+(\d)/g, '$1');
      expect(searchKey(text.slice(start, end)).replace(/\b0+(\d)/g, '$1').startsWith(words), part.title).toBe(true);
    }
    for (const a of p.assignments) {
      const [start, end] = a.span ?? [0, 0];
      const shown = searchKey(text.slice(start, end));
      for (const unit of a.units) expect(shown, unit).toContain(searchKey(unit));
    }
  });
});
