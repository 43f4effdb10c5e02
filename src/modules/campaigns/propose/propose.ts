/**
 * proposeCampaign: a plan's text → the campaign's proposed structure (issue 12 item 2), built on
 * core's parser (normalised text, section tree, deadlines). The outline is read by its headings —
 * content, phases, channels, organisation — with fallbacks for plans that have no such headings
 * (a công văn's numbered list of themes, a request in running text). Pure; never throws.
 */
import { parseDirective, type ParsedDirective, type Section } from '../../../core/vn-document/index.js';
import { readOrganisation, readRequests, readUnitSubjects, type AssignmentContext } from './assignments.js';
import { readChannels } from './channels.js';
import { MilestoneBook } from './milestones.js';
import { headingKind, repairLostNumbers, walkSections, type HeadingKind } from './outline.js';
import { readInlinePhases, readPhaseHeadings, type PhaseNode } from './phases.js';
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
  const phaseSections = new Set(phases.map((p) => p.section));
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
  const seen = new Set<string>();
  return found
    .sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0))
    .filter((a) => {
      const key = a.units.join('|').toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The proposal from an already parsed document; spans refer to `parsed.text`. */
export function proposeFromParsed(parsed: ParsedDirective): CampaignProposal {
  const text = parsed.text;
  const sections = repairLostNumbers(parsed.sections);
  const kinds = classify(sections);
  const book = new MilestoneBook(text, 0, text.length);
  const outside = new Set([...ofKind(kinds, 'channels'), ...ofKind(kinds, 'purpose'), ...ofKind(kinds, 'organisation')]);
  const phases = readPhaseHeadings(text, sections.filter((s) => !outside.has(s)), book);
  const inline = phases.length === 0 ? readInlinePhases(sections) : [];
  const themes = readThemes(sections, kinds, phases);
  const allSections = [...walkSections(sections)].map(({ section }) => section);
  const channels = readChannels(text, ofKind(kinds, 'channels'), allSections);
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
