import { sql } from 'drizzle-orm';
import type { Db } from './database.js';

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number | null;
  version: string | null;
}

export async function checkDatabase(db: Db): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    const result = await db.execute<{ version: string }>(sql`select current_setting('server_version') as version`);
    return { ok: true, latencyMs: Math.round(performance.now() - started), version: result.rows[0]?.version ?? null };
  } catch {
    return { ok: false, latencyMs: null, version: null };
  }
}
