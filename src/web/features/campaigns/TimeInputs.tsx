import { DatePicker, Flex, Select } from 'antd';
import type { BoundValue, DeadlineValue, Edge } from './campaignForm.js';
import { boundKindLabels, deadlineKindLabels, edgeLabels, recurrenceLabels } from '../../i18n/campaigns.js';
import { DATE_FORMAT, dayjs } from '../../lib/time.js';

export interface KeyedOption {
  value: string;
  label: string;
}

/** A calendar day as `YYYY-MM-DD` (null when empty), picked and shown as DD/MM/YYYY. */
export function DateInput({ value, onChange, id, label }: { value?: string | null; onChange?: (value: string | null) => void; id?: string; label: string }) {
  return (
    <DatePicker
      id={id}
      aria-label={label}
      format={DATE_FORMAT}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      placeholder="Chọn ngày"
      style={{ minWidth: 140 }}
    />
  );
}

function MilestoneEdge(props: { milestoneKey: string | null; edge: Edge; milestones: readonly KeyedOption[]; label: string; onChange: (milestoneKey: string | null, edge: Edge) => void }) {
  const { milestoneKey, edge, milestones, label, onChange } = props;
  return (
    <>
      <Select aria-label={`${label}: mốc`} value={milestoneKey} options={[...milestones]} onChange={(k) => onChange(k, edge)} placeholder="Chọn mốc" style={{ minWidth: 180, flex: 1 }} />
      <Select
        aria-label={`${label}: thời điểm của mốc`}
        value={edge}
        options={(['start', 'end'] as const).map((e) => ({ value: e, label: edgeLabels[e] }))}
        onChange={(e) => onChange(milestoneKey, e)}
        style={{ width: 140 }}
      />
    </>
  );
}

/** A phase's start or end: nothing, a date, or when a milestone starts or ends (moving the milestone moves it). */
export function BoundInput({ value = { kind: 'none' }, onChange, milestones, label }: { value?: BoundValue; onChange?: (v: BoundValue) => void; milestones: readonly KeyedOption[]; label: string }) {
  const set = (v: BoundValue) => onChange?.(v);
  return (
    <Flex gap={6} wrap>
      <Select
        aria-label={`${label}: cách ghi`}
        value={value.kind}
        style={{ width: 120 }}
        options={(['none', 'date', 'milestone'] as const).map((k) => ({ value: k, label: boundKindLabels[k] }))}
        onChange={(kind) => set(kind === 'date' ? { kind, date: null } : kind === 'milestone' ? { kind, milestoneKey: milestones[0]?.value ?? null, edge: 'start' } : { kind: 'none' })}
      />
      {value.kind === 'date' && <DateInput label={label} value={value.date} onChange={(date) => set({ kind: 'date', date })} />}
      {value.kind === 'milestone' && <MilestoneEdge label={label} milestones={milestones} milestoneKey={value.milestoneKey} edge={value.edge} onChange={(milestoneKey, edge) => set({ kind: 'milestone', milestoneKey, edge })} />}
    </Flex>
  );
}

/** An assignment's deadline: a date, a milestone's edge, the end of a phase, or recurring within a phase. */
export function DeadlineInput(props: { value?: DeadlineValue; onChange?: (v: DeadlineValue) => void; milestones: readonly KeyedOption[]; phases: readonly KeyedOption[]; id?: string }) {
  const { value = { kind: 'none' }, onChange, milestones, phases, id } = props;
  const set = (v: DeadlineValue) => onChange?.(v);
  const firstPhase = phases[0]?.value ?? null;
  const start = (kind: DeadlineValue['kind']): DeadlineValue => {
    if (kind === 'date') return { kind, date: null };
    if (kind === 'milestone') return { kind, milestoneKey: milestones[0]?.value ?? null, edge: 'end' };
    if (kind === 'phase_end') return { kind, phaseKey: firstPhase };
    if (kind === 'recurring') return { kind, every: 'week', phaseKey: firstPhase };
    return { kind: 'none' };
  };
  return (
    <Flex gap={6} wrap>
      <Select
        id={id}
        aria-label="Hạn: cách ghi"
        value={value.kind}
        style={{ width: 140 }}
        options={(Object.keys(deadlineKindLabels) as DeadlineValue['kind'][]).map((k) => ({ value: k, label: deadlineKindLabels[k] }))}
        onChange={(kind) => set(start(kind))}
      />
      {value.kind === 'date' && <DateInput label="Hạn" value={value.date} onChange={(date) => set({ kind: 'date', date })} />}
      {value.kind === 'milestone' && <MilestoneEdge label="Hạn" milestones={milestones} milestoneKey={value.milestoneKey} edge={value.edge} onChange={(milestoneKey, edge) => set({ kind: 'milestone', milestoneKey, edge })} />}
      {value.kind === 'phase_end' && <Select aria-label="Hạn: đợt" value={value.phaseKey} options={[...phases]} onChange={(phaseKey) => set({ kind: 'phase_end', phaseKey })} placeholder="Chọn đợt" style={{ minWidth: 180, flex: 1 }} />}
      {value.kind === 'recurring' && (
        <>
          <Select
            aria-label="Hạn: chu kỳ"
            value={value.every}
            options={(['week', 'month', 'phase'] as const).map((e) => ({ value: e, label: recurrenceLabels[e] }))}
            onChange={(every) => set({ ...value, every })}
            style={{ width: 150 }}
          />
          <Select aria-label="Hạn: trong đợt" allowClear value={value.phaseKey} options={[...phases]} onChange={(phaseKey) => set({ ...value, phaseKey: phaseKey ?? null })} placeholder="Cả kế hoạch" style={{ minWidth: 160, flex: 1 }} />
        </>
      )}
    </Flex>
  );
}
