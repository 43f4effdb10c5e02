import { Flex, Tag } from 'antd';
import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { Highlight } from '../api/types.js';

interface Segment {
  text: string;
  field: string | null;
}

/** Cuts the text at the highlight spans; overlapping spans are clipped to what is left. */
export function segmentText(text: string, highlights: readonly Highlight[]): Segment[] {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const h of sorted) {
    const start = Math.max(h.start, pos);
    const end = Math.min(h.end, text.length);
    if (end <= start) continue;
    if (start > pos) out.push({ text: text.slice(pos, start), field: null });
    out.push({ text: text.slice(start, end), field: h.field });
    pos = end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), field: null });
  return out;
}

/** How a kind of text (a directive, a plan) names and colours its highlighted fields. */
export interface HighlightStyle {
  /** The colour of a field's mark (`phase.2` → the phases' colour). */
  colorOf: (field: string) => string;
  /** The mark's tooltip. */
  labelOf: (field: string) => string;
  /** The colour key, in order: shown above the text. */
  legend: readonly { key: string; label: string; color: string }[];
}

const Marks = memo(function Marks({ segments, interactive, look }: { segments: Segment[]; interactive: boolean; look: HighlightStyle }) {
  return (
    <>
      {segments.map((s, i) =>
        s.field === null ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark
            key={i}
            data-hl={s.field}
            title={look.labelOf(s.field)}
            tabIndex={interactive ? 0 : undefined}
            role={interactive ? 'button' : undefined}
            style={{ background: look.colorOf(s.field), color: 'inherit', padding: '0 1px', borderRadius: 2, cursor: interactive ? 'pointer' : undefined }}
          >
            {s.text}
          </mark>
        ),
      )}
    </>
  );
});

export interface HighlightedTextProps {
  text: string;
  highlights: readonly Highlight[];
  look: HighlightStyle;
  /** The field whose span is emphasised and scrolled into view. */
  activeField?: string | null;
  /** Clicking (or Enter on) a highlight: the form goes to that field. */
  onPick?: (field: string) => void;
  /** Names the scrolling region for screen readers ("Nội dung văn bản"). */
  ariaLabel: string;
  testId: string;
  style?: CSSProperties;
}

/**
 * A document's normalised text with the parts a parser found marked in their colours, beside the
 * review form (directive registration, a campaign's proposal): a scrolling region reachable by
 * keyboard; the active field's marks are outlined and scrolled into view.
 */
export function HighlightedText({ text, highlights, look, activeField = null, onPick, ariaLabel, testId, style }: HighlightedTextProps) {
  const panel = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => segmentText(text, highlights), [text, highlights]);
  useEffect(() => {
    const root = panel.current;
    if (!root) return;
    root.querySelectorAll('mark.lt-hl-active').forEach((m) => m.classList.remove('lt-hl-active'));
    if (!activeField) return;
    const marks = root.querySelectorAll<HTMLElement>(`mark[data-hl="${CSS.escape(activeField)}"]`);
    marks.forEach((m) => m.classList.add('lt-hl-active'));
    const first = marks[0];
    if (first && root.scrollHeight > root.clientHeight) root.scrollTo({ top: Math.max(0, first.offsetTop - root.clientHeight / 3), behavior: 'smooth' });
  }, [activeField, segments]);
  const pick = (target: EventTarget) => {
    const field = target instanceof HTMLElement ? target.closest('mark')?.getAttribute('data-hl') : null;
    if (field && onPick) onPick(field);
  };
  return (
    <Flex vertical gap={8} style={{ minHeight: 0 }}>
      {look.legend.length > 0 && (
        <Flex wrap gap={4} aria-label="Chú thích màu">
          {look.legend.map((g) => (
            <Tag key={g.key} color={g.color} style={{ color: 'rgba(0,0,0,0.88)', marginInlineEnd: 0 }}>
              {g.label}
            </Tag>
          ))}
        </Flex>
      )}
      <style>{'mark.lt-hl-active{outline:2px solid #1554a5;outline-offset:1px;box-shadow:0 0 0 4px rgba(21,84,165,.18)}'}</style>
      <div
        ref={panel}
        data-testid={testId}
        tabIndex={0}
        role="region"
        aria-label={ariaLabel}
        onClick={(e) => pick(e.target)}
        onKeyDown={(e) => {
          if ((e.key === 'Enter' || e.key === ' ') && e.target !== e.currentTarget) {
            e.preventDefault();
            pick(e.target);
          }
        }}
        style={{ position: 'relative', overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: '"Times New Roman", Times, serif', fontSize: 15, lineHeight: 1.55, padding: 12, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff', ...style }}
      >
        <Marks segments={segments} interactive={!!onPick} look={look} />
      </div>
    </Flex>
  );
}
