import type { FormInstance } from 'antd';
import { isApiError } from '../../api/client.js';

/** Where the request put the body; the path of a message starts after it. */
const LOCATIONS = new Set(['body', 'querystring', 'params']);

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

export interface FieldLayout {
  /** Top-level form fields that show their own message (e.g. `title`, `submittedAt`). */
  fields: readonly string[];
  /** Form.List names whose items show messages (e.g. `opinions` for `opinions.1.text`). */
  lists?: readonly string[];
  /** Objects of the request flattened into the form (e.g. `contact`: `contact.phone` is the field `phone`). */
  flatten?: readonly string[];
}

/**
 * Splits the `details` of a VALIDATION_FAILED answer into messages for the form's fields (nested
 * paths such as `opinions.1.text` included) and the messages no field shows (for a notice).
 */
export function splitServerErrors(details: unknown, layout: FieldLayout): { fields: FieldError[]; other: string[] } {
  const issues = Array.isArray(details) ? details : [];
  const byPath = new Map<string, FieldError>();
  const other: string[] = [];
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (!issue || typeof issue.message !== 'string' || issue.message.trim() === '') continue;
    let path = Array.isArray(issue.path) ? issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number') : [];
    if (path.length > 1 && LOCATIONS.has(String(path[0]))) path = path.slice(1);
    if (path.length > 1 && layout.flatten?.includes(String(path[0]))) path = path.slice(1);
    const head = String(path[0] ?? '');
    const placed = (path.length === 1 && layout.fields.includes(head)) || (path.length > 2 && layout.lists?.includes(head) && typeof path[1] === 'number');
    if (!placed) {
      if (!other.includes(issue.message)) other.push(issue.message);
      continue;
    }
    const key = path.join('\u0000');
    const entry = byPath.get(key) ?? { name: path, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byPath.set(key, entry);
  }
  return { fields: [...byPath.values()], other };
}

/**
 * Puts a VALIDATION_FAILED answer's messages next to the fields they concern. Returns null when the
 * error is of another kind, otherwise the messages no field shows (possibly none).
 */
export function applyServerErrors(form: FormInstance, error: unknown, layout: FieldLayout): string[] | null {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return null;
  const { fields, other } = splitServerErrors(error.details, layout);
  if (fields.length > 0) form.setFields(fields);
  return other;
}
