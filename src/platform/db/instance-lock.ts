import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Written by the `lantoa` process that runs the embedded server of a data directory. */
export interface InstanceLock {
  pid: number;
  pgPort: number;
  startedAt: string;
}

const lockPath = (dataDir: string) => path.join(dataDir, 'lantoa.lock');

export async function readInstanceLock(dataDir: string): Promise<InstanceLock | null> {
  try {
    const lock = JSON.parse(await fs.readFile(lockPath(dataDir), 'utf8')) as Partial<InstanceLock>;
    if (typeof lock.pid !== 'number' || typeof lock.pgPort !== 'number') return null;
    return { pid: lock.pid, pgPort: lock.pgPort, startedAt: String(lock.startedAt ?? '') };
  } catch {
    return null;
  }
}

export async function writeInstanceLock(dataDir: string, lock: InstanceLock): Promise<void> {
  await fs.writeFile(lockPath(dataDir), JSON.stringify(lock) + '\n');
}

export async function removeInstanceLock(dataDir: string): Promise<void> {
  const lock = await readInstanceLock(dataDir);
  if (lock && lock.pid !== process.pid) return;
  await fs.rm(lockPath(dataDir), { force: true });
}

/** Whether a process with this pid exists (and, on Linux, is not a zombie). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return true;
  }
}
