import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireRoleSomewhere } from '../../platform/access/scope.js';
import { AppError, fail } from '../../platform/errors.js';
import type { ScanProgress } from '../../platform/files/ocr.js';
import { parseDirective, readDirectiveFile } from '../../core/vn-document/index.js';
import type { ParsedDirective } from '../../core/vn-document/types.js';
import { expandGroup, matchUnit, type MatchContext } from '../../core/unit-match/index.js';
import { highlightsOf } from './highlights.js';
import { selectMatchCandidates } from './repository.js';
import type { DirectiveInput } from './schemas.js';

/**
 * Reads a pasted text or an uploaded file (plain text, DOCX, PDF; a scanned PDF by OCR, with its
 * page images for the review form), parses it and pre-fills the registration form, linking issuer and addressees to units where they match.
 * Writes nothing: the person reviews and corrects before `registerDirective`. Only someone who could
 * register a directive somewhere (editor or above) may use it.
 */
export async function parseDirectiveInput(
  db: Db,
  options: {
    actor: Actor;
    text?: string | undefined;
    file?: { data: Buffer; fileName: string } | undefined;
    ownerUnitId?: number | null;
    /** Progress of reading a scanned PDF. */
    onProgress?: ((progress: ScanProgress) => void) | undefined;
  },
) {
  requireRoleSomewhere(options.actor, 'editor');
  const read = options.file ? await readUploadedFile(options.file, options.onProgress) : { text: options.text ?? '', scan: null, unreadable: null };
  if (!read.text.trim()) fail('DIRECTIVE_TEXT_REQUIRED');
  const parsed = parseDirective(read.text);
  const candidates = await selectMatchCandidates(db, options.actor);
  const context: MatchContext = { candidates, nearUnitId: options.ownerUnitId ?? null, place: parsed.place?.value ?? null };
  const draft = draftFromParse(parsed, context);
  return {
    text: parsed.text,
    highlights: highlightsOf(parsed),
    // A scan that could not be read says only that: the parser's notes about missing fields would be noise.
    warnings: read.unreadable ? [read.unreadable] : [...(read.scan?.warnings ?? []), ...parsed.warnings],
    draft,
    units: candidates.map((u) => ({ id: u.id, code: u.code, name: u.name })),
    pageImages: (read.scan?.images ?? []).map((i) => ({ page: i.page, src: `data:image/jpeg;base64,${i.jpeg.toString('base64')}` })),
  };
}

/** The note that stands in for the text of a scan the server cannot read (kept as the directive's text). */
export const UNREAD_SCAN_TEXT = '(Bản scan chưa được nhận dạng chữ: máy chủ chưa cài phần mềm nhận dạng. Các trường của văn bản được nhập tay; tệp gốc được lưu kèm.)';

/**
 * The text of an uploaded file. A scan the server cannot read (no Tesseract) is still accepted:
 * its text is a note saying so, and `unreadable` is the message naming what to install, so that the
 * person types the fields by hand and the file is kept with the directive.
 */
async function readUploadedFile(file: { data: Buffer; fileName: string }, onProgress: ((p: ScanProgress) => void) | undefined) {
  try {
    return { ...(await readDirectiveFile(file.data, file.fileName, { onProgress, pageImages: true })), unreadable: null };
  } catch (error) {
    if (error instanceof AppError && error.reason === 'OCR_UNAVAILABLE') return { text: UNREAD_SCAN_TEXT, scan: null, unreadable: error.message };
    throw error;
  }
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
