import { createContext, useContext, type ReactNode } from 'react';
import { fieldColors, fieldGroup } from '../../i18n/directives.js';

export interface FieldFocus {
  activeField: string | null;
  activate: (field: string) => void;
}

export const FieldFocusContext = createContext<FieldFocus | null>(null);

/**
 * Wraps the inputs of one extracted field (`subject`, `recipients.2` …): hovering or focusing it
 * tells the text panel which span to emphasise; a click on that span finds it by `data-field`.
 */
export function FieldZone({ field, children }: { field: string; children: ReactNode }) {
  const focus = useContext(FieldFocusContext);
  const active = focus?.activeField === field;
  return (
    <div
      data-field={field}
      onMouseEnter={() => focus?.activate(field)}
      onFocus={() => focus?.activate(field)}
      style={{
        borderInlineStart: `3px solid ${active ? '#1554a5' : (fieldColors[fieldGroup(field)] ?? 'transparent')}`,
        paddingInlineStart: 8,
        marginInlineStart: -11,
        borderRadius: 2,
        transition: 'border-color 0.15s',
        scrollMarginTop: 80,
      }}
    >
      {children}
    </div>
  );
}

/** Scrolls the form to a field's zone and focuses its first input. */
export function focusFieldZone(root: HTMLElement | null, field: string): void {
  const zone = root?.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  if (!zone) return;
  zone.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const input = zone.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), textarea');
  input?.focus({ preventScroll: true });
}
