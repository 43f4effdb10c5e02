/**
 * A regime's definition proposed from a directive's text (core/vn-document): the frequency from its
 * first recurring deadline rule ("trước 16h00' Thứ tư hằng tuần" → weekly, Wednesday 16:00; "hằng
 * tháng" → Decree 09 months), every level due at that cut-off (a level rule the text does not state
 * is not invented), the name from its subject, the issuer when given. Writes nothing: a person
 * completes and confirms it (POST /report-regimes).
 */
import { parseDirective } from '../../../core/vn-document/index.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { fail } from '../../../platform/errors.js';
import { scheduleFromDirectiveRule, type Schedule } from '../../../platform/time/index.js';
import { frequencyOf } from './definition.js';
import { selectUnitCodes } from './repository.js';

/** Đề cương: the narrative sections every report has unless the person changes them. */
export const DEFAULT_OUTLINE = ['Kết quả thực hiện', 'Hạn chế, nguyên nhân', 'Đề xuất, kiến nghị', 'Nhiệm vụ kỳ tới'];

const FREQUENCY_WORDS: Record<string, string> = { weekly: 'TUAN', monthly: 'THANG', quarterly: 'QUY', half_year: '6THANG', nine_month: '9THANG', yearly: 'NAM' };

/** "BC-CV-ĐU-TUAN" from the number/symbol "-CV/ĐU" of a weekly rule. */
function proposedCode(numberSymbol: string | null, schedule: Schedule): string {
  const symbol = (numberSymbol ?? 'CHI-DAO').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return ['BC', symbol, FREQUENCY_WORDS[schedule.kind]].filter(Boolean).join('-').slice(0, 60);
}

export async function proposeRegime(db: Db, options: { actor: Actor; text: string; directiveId?: number | undefined; issuerUnitId?: number | undefined }) {
  const { actor } = options;
  let issuerUnit = '';
  if (options.issuerUnitId !== undefined) {
    await requireUnitRole(db, actor, [options.issuerUnitId], 'viewer');
    issuerUnit = (await selectUnitCodes(db, [options.issuerUnitId])).get(options.issuerUnitId) ?? '';
  }
  const parsed = parseDirective(options.text);
  const schedule = parsed.deadlines.map((d) => scheduleFromDirectiveRule(d.rule)).find((s): s is Schedule => s !== null);
  if (!schedule) fail('REPORT_REGIME_NO_RULE');
  const subject = parsed.subject?.value.trim() ?? '';
  return {
    code: proposedCode(parsed.numberSymbol?.value ?? null, schedule),
    name: (subject === '' ? 'Báo cáo định kỳ' : `Báo cáo: ${subject}`).slice(0, 500),
    issuerUnit,
    type: 'periodic' as const,
    frequency: frequencyOf(schedule),
    reportingUnitKinds: [],
    reportingUnits: [],
    reportingSubtrees: [],
    recipientMode: 'nearest' as const,
    deadlines: [],
    indicators: [],
    outline: DEFAULT_OUTLINE,
    reminderOffsetsMinutes: [2880, 240],
    campaignId: null,
    sourceDirectiveId: options.directiveId ?? null,
  };
}
