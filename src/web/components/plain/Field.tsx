import type { ButtonHTMLAttributes, CSSProperties, ReactNode } from 'react';
import './plain.css';

/**
 * Plain form parts for the login page and the public form, which load no antd (README, "Speed on a
 * phone"): a labelled field whose error is linked to its control, buttons, an alert, a card and a
 * spinner, styled by plain.css with the theme's tokens.
 */

/** The ids that describe a control: its error (when shown) and its help text. */
export function describedBy(id: string, error: string | null | undefined, extra?: ReactNode): string | undefined {
  const ids = [error ? `${id}-error` : null, extra ? `${id}-extra` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The accessibility attributes of a control in a field: its description and whether it is in error. */
export function controlProps(id: string, error: string | null | undefined, extra?: ReactNode, required = false) {
  return { id, 'aria-describedby': describedBy(id, error, extra), 'aria-invalid': error ? (true as const) : undefined, 'aria-required': required || undefined };
}

export interface FieldProps {
  /** The control's id: the label points at it, its error is `${id}-error`. */
  id: string;
  label: ReactNode;
  required?: boolean;
  /** "(Tùy chọn)" after the label, as the public form marks the fields one may leave empty. */
  optional?: boolean;
  error?: string | null;
  extra?: ReactNode;
  last?: boolean;
  /** For a group of radios: the label is the group's name (`${id}-label`), not a `<label for>`. */
  group?: boolean;
  children: ReactNode;
}

export function Field({ id, label, required = false, optional = false, error, extra, last = false, group = false, children }: FieldProps) {
  const labelClass = required ? 'lt-label lt-label-required' : 'lt-label';
  const text = (
    <>
      {label}
      {optional ? <span className="lt-optional">(Tùy chọn)</span> : null}
    </>
  );
  return (
    <div className={['lt-field', last ? 'lt-field-last' : '', error ? 'lt-field-invalid' : ''].join(' ').trim()}>
      {group ? (
        <div id={`${id}-label`} className={labelClass}>
          {text}
        </div>
      ) : (
        <label htmlFor={id} className={labelClass}>
          {text}
        </label>
      )}
      {children}
      {error ? (
        <div id={`${id}-error`} className="lt-field-error">
          {error}
        </div>
      ) : null}
      {extra ? (
        <div id={`${id}-extra`} className="lt-field-extra">
          {extra}
        </div>
      ) : null}
    </div>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'default' | 'primary' | 'dashed' | 'text' | 'link';
  size?: 'middle' | 'large';
  block?: boolean;
  danger?: boolean;
  loading?: boolean;
  icon?: ReactNode;
};

/** A button drawn as antd's; `loading` shows a spinner and marks it busy. */
export function Button({ variant = 'default', size = 'middle', block = false, danger = false, loading = false, icon, className, children, type = 'button', ...rest }: ButtonProps) {
  const classes = ['lt-button', `lt-button-${variant}`, size === 'large' ? 'lt-button-large' : '', block ? 'lt-button-block' : '', danger ? 'lt-button-danger' : '', className ?? ''];
  return (
    <button type={type} className={classes.filter(Boolean).join(' ')} aria-busy={loading || undefined} {...rest}>
      {loading ? <span className="lt-spin lt-spin-small" aria-hidden="true" /> : icon}
      {children}
    </button>
  );
}

/** A message box; an error is `role="alert"` (read out when it appears). */
export function Alert({ type, children, testId, style }: { type: 'error' | 'warning'; children: ReactNode; testId?: string; style?: CSSProperties }) {
  return (
    <div className={`lt-alert lt-alert-${type}`} role="alert" data-testid={testId} style={style}>
      <div>{children}</div>
    </div>
  );
}

/** A bordered panel with an optional heading (an h2) and something on its right (`extra`). */
export function Card({ title, extra, children, testId, style }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string; style?: CSSProperties }) {
  return (
    <section className="lt-card" data-testid={testId} style={style}>
      {title || extra ? (
        <div className="lt-card-head">
          {title ? <h2>{title}</h2> : <span />}
          {extra}
        </div>
      ) : null}
      <div className="lt-card-body">{children}</div>
    </section>
  );
}

/**
 * After a failed submit: the focus in the first control in error (the checked or first radio of a
 * group), scrolled to the middle of the screen — what antd's `scrollToFirstError` does.
 */
export function focusFirstError(root: HTMLElement | null): void {
  const first = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!first) return;
  const target = first.getAttribute('role') === 'radiogroup' ? first.querySelector<HTMLElement>('input:checked, input') : first;
  target?.focus({ preventScroll: true });
  target?.scrollIntoView({ block: 'center' });
}
