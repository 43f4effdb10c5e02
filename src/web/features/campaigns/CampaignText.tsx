import { Flex, Tag } from 'antd';
import { memo, useContext, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import type { Highlight } from '../../api/types.js';
import { campaignPartColors, campaignPartLabel, campaignPartLabels } from '../../i18n/campaigns.js';
import { segmentText } from '../directives/DirectiveText.js';
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

const Marks = memo(function Marks({ text, highlights }: { text: string; highlights: readonly Highlight[] }) {
  const segments = useMemo(() => segmentText(text, highlights), [text, highlights]);
  return segments.map((s, i) =>
    s.field === null ? (
      <span key={i}>{s.text}</span>
    ) : (
      <mark key={i} data-hl={s.field} title={campaignPartLabel(s.field)} tabIndex={0} role="button" style={{ background: campaignPartColors[partOf(s.field)], color: 'inherit', padding: '0 1px', borderRadius: 2, cursor: 'pointer' }}>
        {s.text}
      </mark>
    ),
  );
});

/** The plan's text with every proposed part marked in its colour; a click on a mark goes to its row. */
export function CampaignText({ text, highlights, onPick, style }: { text: string; highlights: readonly Highlight[]; onPick: (field: string) => void; style?: CSSProperties }) {
  const panel = useRef<HTMLDivElement>(null);
  const activeField = useContext(FieldFocusContext)?.activeField ?? null;
  useEffect(() => {
    const root = panel.current;
    if (!root) return;
    root.querySelectorAll('mark.lt-hl-active').forEach((m) => m.classList.remove('lt-hl-active'));
    if (!activeField) return;
    const marks = root.querySelectorAll<HTMLElement>(`mark[data-hl="${CSS.escape(activeField)}"]`);
    marks.forEach((m) => m.classList.add('lt-hl-active'));
    const first = marks[0];
    if (first && root.scrollHeight > root.clientHeight) root.scrollTo({ top: Math.max(0, first.offsetTop - root.clientHeight / 3), behavior: 'smooth' });
  }, [activeField, highlights]);
  const pick = (target: EventTarget) => {
    const field = target instanceof HTMLElement ? target.closest('mark')?.getAttribute('data-hl') : null;
    if (field) onPick(field);
  };
  return (
    <Flex vertical gap={8} style={{ minHeight: 0 }}>
      <Flex wrap gap={4} aria-label="Chú thích màu">
        {Object.entries(campaignPartLabels).map(([part, label]) => (
          <Tag key={part} color={campaignPartColors[part]} style={{ color: 'rgba(0,0,0,0.88)', marginInlineEnd: 0 }}>
            {label}
          </Tag>
        ))}
      </Flex>
      <style>{'mark.lt-hl-active{outline:2px solid #1554a5;outline-offset:1px;box-shadow:0 0 0 4px rgba(21,84,165,.18)}'}</style>
      <div
        ref={panel}
        data-testid="campaign-text"
        tabIndex={0}
        role="region"
        aria-label="Nội dung kế hoạch"
        onClick={(e) => pick(e.target)}
        onKeyDown={(e) => {
          if ((e.key === 'Enter' || e.key === ' ') && e.target !== e.currentTarget) {
            e.preventDefault();
            pick(e.target);
          }
        }}
        style={{ position: 'relative', overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: '"Times New Roman", Times, serif', fontSize: 15, lineHeight: 1.55, padding: 12, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff', ...style }}
      >
        <Marks text={text} highlights={highlights} />
      </div>
    </Flex>
  );
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
