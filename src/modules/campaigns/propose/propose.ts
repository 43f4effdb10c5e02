/**
 * proposeCampaign: a plan's text → the campaign's proposed structure (issue 12 item 2), built on
 * core's parser (normalised text, section tree, deadlines). The outline is read by its headings —
 * content, phases, channels, organisation — with fallbacks for plans that have no such headings
 * (a công văn's numbered list of themes, a request in running text). Pure; never throws.
 */
import { parseDirective, type ParsedDirective, type Section } from '../../../core/vn-document/index.js';
import { searchKey } from '../../../platform/vn/index.js';
import { readOrganisation, readRequests, readUnitSubjects, type AssignmentContext } from './assignments.js';
import { readChannels } from './channels.js';
import { MilestoneBook } from './milestones.js';
import { headingKind, repairLostNumbers, walkSections, type HeadingKind } from './outline.js';
import { liftPhaseLines, readInlinePhases, readPhaseHeadings, type PhaseNode } from './phases.js';
import { themesUnder } from './themes.js';
import type { CampaignProposal, ProposedAssignment, ProposedTheme } from './types.js';
import { leadingUnits } from './units-text.js';

/** Sections announced by a heading, outermost first (nothing inside a classified section is classified again). */
function classify(sections: Section[]): Map<Section, HeadingKind> {
  const kinds = new Map<Section, HeadingKind>();
  for (const { section, parents } of walkSections(sections)) {
    if (parents.some((p) => kinds.has(p) && kinds.get(p) !== 'content')) continue;
    if (section.children.length === 0 && !/^[IVXLC]+\.$/u.test(section.marker)) continue;
    const kind = headingKind(section.text);
    if (kind && !(kind === 'content' && parents.some((p) => kinds.get(p) === 'content'))) kinds.set(section, kind);
  }
  return kinds;
}

function ofKind(kinds: Map<Section, HeadingKind>, kind: HeadingKind): Section[] {
  return [...kinds].filter(([, k]) => k === kind).map(([s]) => s);
}

/** Without content headings: the longest run of numbered top-level items that are not units' tasks (a công văn's "1- … 8-"). */
function listThemes(sections: Section[]): ProposedTheme[] {
  let best: Section[] = [];
  let run: Section[] = [];
  for (const s of [...sections, null]) {
    if (s && s.marker !== '' && !leadingUnits(s.text)) {
      run.push(s);
      continue;
    }
    if (run.length > best.length) best = run;
    run = [];
  }
  if (best.length < 2) return [];
  return themesUnder({ marker: '', text: '', span: [0, 0], children: best }, null);
}

function readThemes(sections: Section[], kinds: Map<Section, HeadingKind>, phases: PhaseNode[]): ProposedTheme[] {
  const themes: ProposedTheme[] = [];
  const phaseSections = new Set(phases.map((p) => p.heading));
  phases.forEach((p, i) => themes.push(...themesUnder(p.section, i)));
  for (const content of ofKind(kinds, 'content')) {
    const holdsPhase = [...walkSections(content.children)].some(({ section }) => phaseSections.has(section));
    if (!holdsPhase && !phaseSections.has(content)) themes.push(...themesUnder(content, null));
  }
  if (themes.length === 0 && phases.length === 0) themes.push(...listThemes(sections));
  return themes;
}

function readAssignments(ctx: AssignmentContext, sections: Section[], kinds: Map<Section, HeadingKind>, phases: PhaseNode[]): ProposedAssignment[] {
  const organisation = readOrganisation(ctx, ofKind(kinds, 'organisation'));
  if (organisation.length > 0) return organisation;
  const excluded = new Set<Section>([...ofKind(kinds, 'content'), ...ofKind(kinds, 'purpose'), ...phases.map((p) => p.section)]);
  const items: Section[] = [];
  for (const { section, parents } of walkSections(sections)) {
    if (excluded.has(section) || parents.some((p) => excluded.has(p))) continue;
    if (section.marker !== '' || parents.length === 0) items.push(section);
  }
  const found = [...readUnitSubjects(ctx, items), ...readRequests(ctx, sections.filter((s) => s.marker === ''))];
  return mergeSameUnits(found.sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0)));
}

/** "… đề nghị các chi bộ trực thuộc …" then "Các chi bộ tổ chức …": one assignment, its texts joined. */
function mergeSameUnits(found: ProposedAssignment[]): ProposedAssignment[] {
  const out: ProposedAssignment[] = [];
  const keyOf = (a: ProposedAssignment) => `${searchKey(a.units.join(' '))} `;
  for (const a of found) {
    const k = keyOf(a);
    const same = out.find((b) => {
      const kb = keyOf(b);
      return (kb.startsWith(k) || k.startsWith(kb)) && Math.min(k.split(' ').length, kb.split(' ').length) >= 3;
    });
    if (!same) {
      out.push(a);
      continue;
    }
    same.text = [same.text, a.text].filter((t) => t.length > 0).join('\n');
    if (!same.deadline && a.deadline) {
      same.deadline = a.deadline;
      if (a.deadlineRule) same.deadlineRule = a.deadlineRule;
    }
    same.coordinating = [...new Set([...same.coordinating, ...a.coordinating])];
  }
  return out;
}

/** The proposal from an already parsed document; spans refer to `parsed.text`. */
export function proposeFromParsed(parsed: ParsedDirective): CampaignProposal {
  const text = parsed.text;
  const sections = liftPhaseLines(repairLostNumbers(parsed.sections));
  const kinds = classify(sections);
  const book = new MilestoneBook(text, 0, text.length);
  const outside = new Set([...ofKind(kinds, 'channels'), ...ofKind(kinds, 'purpose'), ...ofKind(kinds, 'organisation')]);
  const phases = readPhaseHeadings(text, sections.filter((s) => !outside.has(s)), book);
  const inline = phases.length === 0 ? readInlinePhases(sections) : [];
  const themes = readThemes(sections, kinds, phases);
  // Sentences naming forms ("… qua sinh hoạt chi bộ, hệ thống loa truyền thanh …"), outside the themes.
  const inTheme = (s: Section) => themes.some((t) => t.span && s.span[0] >= t.span[0] && s.span[0] < t.span[1]);
  const paragraphs = [...walkSections(sections)].map(({ section }) => section).filter((s) => !inTheme(s));
  const channels = readChannels(text, ofKind(kinds, 'channels'), paragraphs);
  const assignments = readAssignments({ text, phases }, sections, kinds, phases);
  return {
    phases: phases.length ? phases.map((p) => p.phase) : inline.map((p) => p.phase),
    themes,
    channels,
    assignments,
    milestones: book.milestones,
  };
}

/** The proposal for a plan's text; spans refer to `parseDirective(text).text`. */
export function proposeCampaign(text: string): CampaignProposal {
  return proposeFromParsed(parseDirective(text));
}
