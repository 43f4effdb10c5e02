import { useMemo, type CSSProperties } from 'react';
import type { Highlight } from '../../api/types.js';
import { HighlightedText, type HighlightStyle } from '../../components/HighlightedText.js';
import { directiveFieldLabels, fieldColors, fieldGroup, fieldLabel } from '../../i18n/directives.js';

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
  const look = useMemo<HighlightStyle>(() => {
    const groups = [...new Set(highlights.map((h) => fieldGroup(h.field)))];
    return {
      colorOf: (field) => fieldColors[fieldGroup(field)] ?? '#ffe58f',
      labelOf: fieldLabel,
      legend: groups.map((g) => ({ key: g, label: directiveFieldLabels[g] ?? g, color: fieldColors[g] ?? '#ffe58f' })),
    };
  }, [highlights]);
  return <HighlightedText text={text} highlights={highlights} look={look} activeField={activeField} onPick={onPick} ariaLabel="Nội dung văn bản" testId="directive-text" style={style} />;
}
