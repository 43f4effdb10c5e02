/**
 * Progress of reading an uploaded file, for the page that waits on it: the browser names its parse
 * with a random id, sends it with the file, and polls `GET /directives/parse-file/progress/:id` while the
 * upload's request is running (a scan takes seconds: "Đang nhận dạng trang 3/10…").
 *
 * Kept in this process's memory for a few minutes, per person (another account never sees it).
 * Behind a load balancer without sticky sessions a poll may reach another server: it then answers
 * "not known" and the page shows a plain spinner — the parse itself is not affected.
 */
import type { ScanProgress } from '../../platform/files/ocr.js';

interface Entry extends ScanProgress {
  at: number;
}

const KEEP_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;
const entries = new Map<string, Entry>();

const keyOf = (userId: number | null, id: string) => `${userId ?? 'cli'}:${id}`;

function sweep(now: number): void {
  for (const [key, entry] of entries) if (now - entry.at > KEEP_MS || entries.size > MAX_ENTRIES) entries.delete(key);
}

/** A progress callback recording under (user, id); a no-op without an id. */
export function recordParseProgress(userId: number | null, id: string | undefined): ((progress: ScanProgress) => void) | undefined {
  if (!id) return undefined;
  return (progress) => {
    const now = Date.now();
    if (entries.size > MAX_ENTRIES / 2) sweep(now);
    entries.set(keyOf(userId, id), { ...progress, at: now });
  };
}

/** The latest progress of that person's parse, or null if none is known here. */
export function readParseProgress(userId: number | null, id: string): ScanProgress | null {
  const entry = entries.get(keyOf(userId, id));
  if (!entry || Date.now() - entry.at > KEEP_MS) return null;
  return { started: entry.started, done: entry.done, total: entry.total };
}
