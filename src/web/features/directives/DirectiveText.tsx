import { Flex, Tag } from 'antd';
import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { Highlight } from '../../api/types.js';
import { directiveFieldLabels, fieldColors, fieldGroup, fieldLabel } from '../../i18n/directives.js';

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

const Marks = memo(function Marks({ segments, interactive }: { segments: Segment[]; interactive: boolean }) {
  return (
    <>
      {segments.map((s, i) =>
        s.field === null ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark
            key={i}
            data-hl={s.field}
            title={fieldLabel(s.field)}
            tabIndex={interactive ? 0 : undefined}
            role={interactive ? 'button' : undefined}
            style={{ background: fieldColors[fieldGroup(s.field)] ?? '#ffe58f', color: 'inherit', padding: '0 1px', borderRadius: 2, cursor: interactive ? 'pointer' : undefined }}
          >
            {s.text}
          </mark>
        ),
      )}
    </>
  );
});

export interface DirectiveTextProps {
  text: string;
  highlights: readonly Highlight[];
  /** The field whose span is emphasised and scrolled into view. */
  activeField?: string | null;
  /** Clicking (or Enter on) a highlight: the form focuses that field. */
  onPick?: (field: string) => void;
  style?: CSSProperties;
}

/** The normalised text of a directive with every extracted field marked in its colour. */
export function DirectiveText({ text, highlights, activeField = null, onPick, style }: DirectiveTextProps) {
  const panel = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => segmentText(text, highlights), [text, highlights]);
  const groups = useMemo(() => [...new Set(highlights.map((h) => fieldGroup(h.field)))], [highlights]);

  useEffect(() => {
    const root = panel.current;
    if (!root) return;
    root.querySelectorAll('mark.lt-hl-active').forEach((m) => m.classList.remove('lt-hl-active'));
    if (!activeField) return;
    const marks = root.querySelectorAll<HTMLElement>(`mark[data-hl="${CSS.escape(activeField)}"]`);
    marks.forEach((m) => m.classList.add('lt-hl-active'));
    const first = marks[0];
    if (first && root.scrollHeight > root.clientHeight) {
      const top = first.offsetTop - root.clientHeight / 3;
      root.scrollTo({ top: Math.max(0, top), behavior: 'smooth' });
    }
  }, [activeField, segments]);

  const pick = (target: EventTarget) => {
    const field = target instanceof HTMLElement ? target.closest('mark')?.getAttribute('data-hl') : null;
    if (field && onPick) onPick(field);
  };

  return (
    <Flex vertical gap={8} style={{ minHeight: 0 }}>
      {groups.length > 0 && (
        <Flex wrap gap={4} aria-label="Chú thích màu">
          {groups.map((g) => (
            <Tag key={g} color={fieldColors[g]} style={{ color: 'rgba(0,0,0,0.88)', marginInlineEnd: 0 }}>
              {directiveFieldLabels[g] ?? g}
            </Tag>
          ))}
        </Flex>
      )}
      <style>{'mark.lt-hl-active{outline:2px solid #1554a5;outline-offset:1px;box-shadow:0 0 0 4px rgba(21,84,165,.18)}'}</style>
      <div
        ref={panel}
        data-testid="directive-text"
        // A scrolling region: reachable by keyboard (arrows scroll it), named for screen readers.
        tabIndex={0}
        role="region"
        aria-label="Nội dung văn bản"
        onClick={(e) => pick(e.target)}
        onKeyDown={(e) => {
          if ((e.key === 'Enter' || e.key === ' ') && e.target !== e.currentTarget) {
            e.preventDefault();
            pick(e.target);
          }
        }}
        style={{
          position: 'relative',
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          fontFamily: '"Times New Roman", Times, serif',
          fontSize: 15,
          lineHeight: 1.55,
          padding: 12,
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          background: '#fff',
          ...style,
        }}
      >
        <Marks segments={segments} interactive={!!onPick} />
      </div>
    </Flex>
  );
}
