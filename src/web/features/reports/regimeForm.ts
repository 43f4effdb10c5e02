/**
 * The regime editor's form (pure): its values ⇄ the `reports define` JSON the API takes, and the
 * form builder's own checks (codes, consolidation rules, ranges, relations) before anything is sent.
 */
import { formIndicators, type IndicatorRelation, type ReportForm, type ReportIndicator } from '../../../shared/report-form.js';
import { dayjs, VN_ZONE, vnDayEndIso, vnDayStartIso } from '../../lib/time.js';
import { defaultOutline } from './labels.js';
import type { CalendarKind, LevelDeadline, RegimeDefinition, RegimeFrequency, RegimeType, Weekday } from './types.js';

export type FrequencyKind = 'weekly' | CalendarKind | 'once';

export interface DeadlineRow {
  unitKinds: string[];
  /** Weekly regimes: a weekday and a time; calendar regimes: a day of the month (and an optional time). */
  weekday?: Weekday | undefined;
  day?: number | null | undefined;
  time?: string | undefined;
}

export interface RegimeFormValues {
  code: string;
  name: string;
  type: RegimeType;
  issuerUnit: string;
  frequencyKind: FrequencyKind;
  weekday: Weekday;
  time: string;
  /** One-off regimes: Vietnam calendar days `YYYY-MM-DD`. */
  onceStart?: string | undefined;
  onceEnd?: string | undefined;
  recipientMode: 'nearest' | 'issuer';
  reportingUnitKinds: string[];
  reportingUnits: string[];
  reportingSubtrees: string[];
  deadlines: DeadlineRow[];
  reminderHours: number[];
  sections: ReportForm['sections'];
  relations: IndicatorRelation[];
  outline: string[];
  campaignId?: number | null | undefined;
  sourceDirectiveId?: number | null | undefined;
}

export function emptyRegimeValues(): RegimeFormValues {
  return {
    code: '',
    name: '',
    type: 'periodic',
    issuerUnit: '',
    frequencyKind: 'weekly',
    weekday: 'wednesday',
    time: '16:00',
    recipientMode: 'nearest',
    reportingUnitKinds: [],
    reportingUnits: [],
    reportingSubtrees: [],
    deadlines: [],
    reminderHours: [48, 4],
    sections: [{ title: 'Số liệu', indicators: [] }],
    relations: [],
    outline: [...defaultOutline],
  };
}

function frequencyOf(v: RegimeFormValues): RegimeFrequency {
  if (v.frequencyKind === 'weekly') return { kind: 'weekly', weekday: v.weekday, time: v.time };
  if (v.frequencyKind === 'once') return { kind: 'once', start: vnDayStartIso(v.onceStart ?? ''), end: vnDayEndIso(v.onceEnd ?? '') };
  return { kind: v.frequencyKind };
}

function deadlineOf(row: DeadlineRow, weekly: boolean): LevelDeadline {
  if (weekly) return { unitKinds: row.unitKinds, weekday: row.weekday ?? 'wednesday', time: row.time || '16:00' };
  return row.time ? { unitKinds: row.unitKinds, day: row.day ?? 1, time: row.time } : { unitKinds: row.unitKinds, day: row.day ?? 1 };
}

/** Keeps only the keys an indicator has (blank optional fields are left out). */
function cleanIndicator(i: ReportIndicator): ReportIndicator {
  const out: ReportIndicator = { code: i.code.trim(), label: i.label.trim(), type: i.type, aggregation: i.aggregation };
  if (i.unitOfMeasure?.trim()) out.unitOfMeasure = i.unitOfMeasure.trim();
  if (i.aggregation === 'weighted-average' && i.weightBy) out.weightBy = i.weightBy;
  if (i.required) out.required = true;
  if (typeof i.min === 'number') out.min = i.min;
  if (typeof i.max === 'number') out.max = i.max;
  if (i.prefill?.trim()) out.prefill = i.prefill.trim();
  return out;
}

/** The body of POST/PUT /report-regimes from the editor's values. */
export function definitionFromValues(v: RegimeFormValues): RegimeDefinition {
  const form: ReportForm = {
    sections: v.sections.map((s) => ({ title: s.title.trim(), indicators: s.indicators.map(cleanIndicator) })),
    relations: v.relations.filter((r) => r.left && r.right).map((r) => (r.message?.trim() ? { ...r, message: r.message.trim() } : { left: r.left, op: r.op, right: r.right })),
    outline: v.outline.map((t) => t.trim()).filter((t) => t !== ''),
  };
  const body: RegimeDefinition = {
    code: v.code.trim(),
    name: v.name.trim(),
    issuerUnit: v.issuerUnit,
    type: v.type,
    frequency: frequencyOf(v),
    reportingUnitKinds: v.reportingUnitKinds,
    reportingUnits: v.reportingUnits,
    reportingSubtrees: v.reportingSubtrees,
    recipientMode: v.recipientMode,
    deadlines: v.deadlines.filter((d) => d.unitKinds.length > 0).map((d) => deadlineOf(d, v.frequencyKind === 'weekly')),
    reminderOffsetsMinutes: v.reminderHours.filter((h) => h > 0).map((h) => Math.round(h * 60)),
    indicators: formIndicators(form),
    outline: form.outline,
    form,
  };
  if (v.campaignId) body.campaignId = v.campaignId;
  if (v.sourceDirectiveId) body.sourceDirectiveId = v.sourceDirectiveId;
  return body;
}

const vnDay = (iso: string) => dayjs(iso).tz(VN_ZONE).format('YYYY-MM-DD');

/** The editor's values from a definition (a regime read back, or a proposal from a directive). */
export function valuesFromDefinition(d: Partial<RegimeDefinition>): RegimeFormValues {
  const empty = emptyRegimeValues();
  const f = d.frequency;
  const form: ReportForm = d.form ?? { sections: d.indicators?.length ? [{ title: 'Số liệu', indicators: d.indicators }] : empty.sections, relations: [], outline: d.outline ?? empty.outline };
  return {
    ...empty,
    code: d.code ?? '',
    name: d.name ?? '',
    type: d.type ?? 'periodic',
    issuerUnit: d.issuerUnit ?? '',
    frequencyKind: f?.kind ?? 'weekly',
    weekday: f?.kind === 'weekly' ? f.weekday : empty.weekday,
    time: f?.kind === 'weekly' ? f.time : empty.time,
    onceStart: f?.kind === 'once' ? vnDay(f.start) : undefined,
    onceEnd: f?.kind === 'once' ? vnDay(f.end) : undefined,
    recipientMode: d.recipientMode ?? 'nearest',
    reportingUnitKinds: d.reportingUnitKinds ?? [],
    reportingUnits: d.reportingUnits ?? [],
    reportingSubtrees: d.reportingSubtrees ?? [],
    deadlines: (d.deadlines ?? []).map((x) => ({ ...x })),
    reminderHours: d.reminderOffsetsMinutes ? d.reminderOffsetsMinutes.map((m) => m / 60) : empty.reminderHours,
    sections: form.sections,
    relations: form.relations,
    outline: form.outline,
    campaignId: d.campaignId ?? null,
    sourceDirectiveId: d.sourceDirectiveId ?? null,
  };
}

export interface BuilderIssue {
  /** The antd form path of the field the message belongs to. */
  path: (string | number)[];
  message: string;
}

const numericTypes = new Set(['integer', 'decimal', 'percentage']);

function indicatorIssues(i: ReportIndicator, at: (string | number)[], codes: Map<string, ReportIndicator>): BuilderIssue[] {
  const issues: BuilderIssue[] = [];
  const numeric = numericTypes.has(i.type);
  if (i.type === 'text' && i.aggregation !== 'none') issues.push({ path: [...at, 'aggregation'], message: 'Chỉ tiêu dạng văn bản không tổng hợp được: chọn "Không tổng hợp".' });
  if (i.aggregation === 'count-yes' && i.type !== 'yesno') issues.push({ path: [...at, 'aggregation'], message: 'Đếm số "Có" chỉ dùng cho chỉ tiêu Có / Không.' });
  if (numeric === false && ['sum', 'max', 'min', 'weighted-average'].includes(i.aggregation)) issues.push({ path: [...at, 'aggregation'], message: 'Cách tổng hợp này chỉ dùng cho chỉ tiêu số.' });
  if (i.aggregation === 'weighted-average') {
    const weight = i.weightBy ? codes.get(i.weightBy) : undefined;
    if (!weight || weight.code === i.code || !numericTypes.has(weight.type)) issues.push({ path: [...at, 'weightBy'], message: 'Chọn chỉ tiêu số làm quyền số (khác chỉ tiêu này).' });
  }
  if (typeof i.min === 'number' && typeof i.max === 'number' && i.min > i.max) issues.push({ path: [...at, 'max'], message: 'Giá trị lớn nhất phải không nhỏ hơn giá trị nhỏ nhất.' });
  return issues;
}

/** Every problem of the form builder's part, each on its field; empty when the form can be sent. */
export function checkFormBuilder(v: Pick<RegimeFormValues, 'sections' | 'relations'>): BuilderIssue[] {
  const issues: BuilderIssue[] = [];
  const codes = new Map<string, ReportIndicator>();
  v.sections.forEach((s, si) =>
    s.indicators.forEach((i, ii) => {
      const code = i.code.trim();
      if (codes.has(code)) issues.push({ path: ['sections', si, 'indicators', ii, 'code'], message: `Mã chỉ tiêu "${code}" bị trùng.` });
      else codes.set(code, i);
    }),
  );
  v.sections.forEach((s, si) => s.indicators.forEach((i, ii) => issues.push(...indicatorIssues(i, ['sections', si, 'indicators', ii], codes))));
  if (codes.size === 0) issues.push({ path: ['sections', 0, 'title'], message: 'Biểu mẫu cần ít nhất một chỉ tiêu.' });
  v.relations.forEach((r, ri) => {
    for (const side of ['left', 'right'] as const) {
      const ind = codes.get(r[side]);
      if (!ind || !numericTypes.has(ind.type)) issues.push({ path: ['relations', ri, side], message: 'Chọn một chỉ tiêu số của biểu mẫu.' });
    }
    if (r.left && r.left === r.right) issues.push({ path: ['relations', ri, 'right'], message: 'Hai vế phải là hai chỉ tiêu khác nhau.' });
  });
  return issues;
}
