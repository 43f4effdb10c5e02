import { roleLabel } from '../../i18n/roles.js';
import { unitKindLabel } from '../../i18n/unitKinds.js';
import { formatDate, formatDateTime } from '../../lib/time.js';

export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** One row per key of the before/after snapshots (key order: before's, then new ones). */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if ((isRecord(before) || before == null) && (isRecord(after) || after == null) && (before != null || after != null)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.map((key) => ({ key, before: b[key], after: a[key], changed: !same(b[key], a[key]) }));
  }
  if (before == null && after == null) return [];
  return [{ key: '', before, after, changed: !same(before, after) }];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** A readable Vietnamese rendering of a scalar snapshot value; null for objects/arrays. */
export function formatScalar(key: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    if (key === 'kind') return unitKindLabel(value);
    if (key === 'role') return roleLabel(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    if (YMD.test(value)) return formatDate(value);
    return value;
  }
  return null;
}
