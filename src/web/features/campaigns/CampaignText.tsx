import { useContext, type CSSProperties, type ReactNode } from 'react';
import type { Highlight } from '../../api/types.js';
import { campaignPartColors, campaignPartLabel, campaignPartLabels } from '../../i18n/campaigns.js';
import { HighlightedText, type HighlightStyle } from '../../components/HighlightedText.js';
import { FieldFocusContext } from '../directives/FieldZone.js';
import type { CampaignFormValues } from './campaignForm.js';

const partOf = (field: string) => field.split('.')[0] ?? field;

/** The spans of the form's rows that came from the text: `phase.0`, `assignment.3`, … (rows follow the form's order). */
export function campaignHighlights(values: Partial<CampaignFormValues> | undefined): Highlight[] {
  const out: Highlight[] = [];
  const add = (part: string, rows: readonly ({ span?: readonly number[] | undefined } | undefined)[] | undefined) =>
    rows?.forEach((row, i) => {
      const [start, end] = row?.span ?? [];
      if (start !== undefined && end !== undefined) out.push({ field: `${part}.${i}`, start, end });
    });
  add('milestone', values?.milestones);
  add('phase', values?.phases);
  add('theme', values?.themes);
  add('channel', values?.channels);
  add('assignment', values?.assignments);
  return out;
}

const campaignLook: HighlightStyle = {
  colorOf: (field) => campaignPartColors[partOf(field)] ?? '#ffe58f',
  labelOf: campaignPartLabel,
  legend: Object.entries(campaignPartLabels).map(([part, label]) => ({ key: part, label, color: campaignPartColors[part] ?? '#ffe58f' })),
};

/** The plan's text with every proposed part marked in its colour; a click on a mark goes to its row. */
export function CampaignText({ text, highlights, onPick, style }: { text: string; highlights: readonly Highlight[]; onPick: (field: string) => void; style?: CSSProperties }) {
  const activeField = useContext(FieldFocusContext)?.activeField ?? null;
  return <HighlightedText text={text} highlights={highlights} look={campaignLook} activeField={activeField} onPick={onPick} ariaLabel="Nội dung kế hoạch" testId="campaign-text" style={style} />;
}

/** A row of the form tied to its span (`phase.2`): hovering or focusing it marks the span in the text. */
export function CampaignZone({ field, children }: { field: string; children: ReactNode }) {
  const focus = useContext(FieldFocusContext);
  const active = focus?.activeField === field;
  return (
    <div
      data-field={field}
      onMouseEnter={() => focus?.activate(field)}
      onFocus={() => focus?.activate(field)}
      style={{ borderInlineStart: `3px solid ${active ? '#1554a5' : (campaignPartColors[partOf(field)] ?? 'transparent')}`, paddingInlineStart: 8, borderRadius: 2, scrollMarginTop: 80 }}
    >
      {children}
    </div>
  );
}
