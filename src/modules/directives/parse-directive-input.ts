import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireRoleSomewhere } from '../../platform/access/scope.js';
import { fail } from '../../platform/errors.js';
import { parseDirective, readDirectiveText } from '../../core/vn-document/index.js';
import type { ParsedDirective } from '../../core/vn-document/types.js';
import { expandGroup, matchUnit, type MatchContext } from '../../core/unit-match/index.js';
import { highlightsOf } from './highlights.js';
import { selectMatchCandidates } from './repository.js';
import type { DirectiveInput } from './schemas.js';

/**
 * Reads a pasted text or an uploaded file (plain text, DOCX, PDF with a text layer), parses it and
 * pre-fills the registration form, linking issuer and addressees to units where they match.
 * Writes nothing: the person reviews and corrects before `registerDirective`. Only someone who could
 * register a directive somewhere (editor or above) may use it.
 */
export async function parseDirectiveInput(
  db: Db,
  options: { actor: Actor; text?: string | undefined; file?: { data: Buffer; fileName: string } | undefined; ownerUnitId?: number | null },
) {
  requireRoleSomewhere(options.actor, 'editor');
  const raw = options.file ? await readDirectiveText(options.file.data, options.file.fileName) : options.text;
  if (!raw || !raw.trim()) fail('DIRECTIVE_TEXT_REQUIRED');
  const parsed = parseDirective(raw);
  const candidates = await selectMatchCandidates(db, options.actor);
  const context: MatchContext = { candidates, nearUnitId: options.ownerUnitId ?? null, place: parsed.place?.value ?? null };
  const draft = draftFromParse(parsed, context);
  return {
    text: parsed.text,
    highlights: highlightsOf(parsed),
    warnings: parsed.warnings,
    draft,
    units: candidates.map((u) => ({ id: u.id, code: u.code, name: u.name })),
  };
}

export function draftFromParse(parsed: ParsedDirective, context: MatchContext): Omit<DirectiveInput, 'ownerUnitId'> {
  const issuerName = parsed.issuer?.value ?? null;
  const issuerUnit = issuerName ? matchUnit(issuerName, context) : null;
  const link = (names: { value: string }[]) =>
    names.flatMap(({ value }) => {
      const group = expandGroup(value, issuerUnit?.id ?? context.nearUnitId, context.candidates);
      if (group && group.length > 0) return group.map((u) => ({ name: value, unitId: u.id }));
      return [{ name: value, unitId: matchUnit(value, context)?.id ?? null }];
    });
  return {
    text: parsed.text,
    docType: parsed.docType?.value ?? null,
    convention: parsed.convention,
    numberSymbol: parsed.numberSymbol?.value ?? null,
    issuerName,
    issuerUnitId: issuerUnit?.id ?? null,
    place: parsed.place?.value ?? null,
    date: parsed.date?.value ?? null,
    subject: parsed.subject?.value ?? null,
    recipients: link(parsed.recipients),
    distribution: link(parsed.distribution),
    signer: parsed.signer?.value ?? null,
    references: parsed.references.map((r) => ({ docType: r.docType, numberSymbol: r.numberSymbol, date: r.date, issuerName: r.issuer, relation: r.relation })),
    deadlines: parsed.deadlines.map((d) => ({ text: d.text, rule: d.rule as Record<string, unknown> })),
  };
}
