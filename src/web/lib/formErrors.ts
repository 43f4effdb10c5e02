import type { FormInstance } from 'antd';
import { isApiError } from '../api/client.js';

/** One field error, as the server lists them in a VALIDATION_FAILED error's details. */
interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

const LOCATION_PREFIXES = new Set(['body', 'querystring', 'params']);

function issuesOf(details: unknown): ValidationIssue[] {
  const raw = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && 'issues' in details && Array.isArray(details.issues)
      ? details.issues
      : [];
  return raw.filter(
    (i): i is ValidationIssue =>
      !!i && typeof i === 'object' && Array.isArray((i as ValidationIssue).path) && typeof (i as ValidationIssue).message === 'string',
  );
}

/**
 * Puts VALIDATION_FAILED messages on the form fields whose path matches.
 * Returns true when at least one field got a message (the caller then needs no extra notice
 * beyond a short summary).
 */
export function applyValidationErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return false;
  const known = new Set(fieldNames);
  const byField = new Map<string, string[]>();
  for (const issue of issuesOf(error.details)) {
    let path = issue.path.map(String);
    if (path.length > 1 && LOCATION_PREFIXES.has(path[0] ?? '')) path = path.slice(1);
    const field = path[0];
    if (field === undefined || !known.has(field)) continue;
    const list = byField.get(field) ?? [];
    list.push(issue.message);
    byField.set(field, list);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
