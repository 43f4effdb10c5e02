import fs from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive } from './instance-lock.js';

/**
 * PostgreSQL processes left behind by a `lantoa` that was killed (kill -9 of its process group,
 * a crash): the postmaster itself, or backends whose postmaster is gone but which still hold the
 * cluster's shared-memory block (the next start then fails with "pre-existing shared memory block
 * is still in use"). A process belongs to our cluster only if it is a PostgreSQL program whose
 * working directory is the cluster directory (the postmaster changes into its data directory and
 * every backend inherits it) — never by name alone, and never another cluster's.
 */

async function belongsToCluster(pid: number, clusterDir: string): Promise<boolean> {
  try {
    const cwd = await fs.readlink(`/proc/${pid}/cwd`);
    if (cwd !== clusterDir) return false;
    const cmdline = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')[0] ?? '';
    return cmdline.startsWith('postgres') || path.basename(cmdline) === 'postgres';
  } catch {
    return false;
  }
}

/** The live processes of the PostgreSQL cluster in `clusterDir` (Linux; elsewhere: none known). */
export async function findClusterProcesses(clusterDir: string): Promise<number[]> {
  let entries: string[];
  try {
    entries = await fs.readdir('/proc');
  } catch {
    return [];
  }
  const real = await fs.realpath(clusterDir).catch(() => clusterDir);
  const pids = entries.filter((e) => /^\d+$/.test(e)).map(Number);
  const found: number[] = [];
  for (const pid of pids) {
    if (pid !== process.pid && (await belongsToCluster(pid, real)) && isProcessAlive(pid)) found.push(pid);
  }
  return found;
}

/** The pid named in postmaster.pid, if that process is alive and a PostgreSQL of this cluster. */
export async function postmasterOf(clusterDir: string): Promise<number | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return null;
  const real = await fs.realpath(clusterDir).catch(() => clusterDir);
  return (await belongsToCluster(pid, real)) ? pid : null;
}

async function waitForExit(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  let alive = pids.filter(isProcessAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    alive = alive.filter(isProcessAlive);
  }
  return alive;
}

/**
 * Stops what a killed `lantoa` left running on this cluster: first its postmaster (fast shutdown,
 * which also ends its backends), then any backend orphaned by a dead postmaster (SIGTERM, then
 * SIGKILL). Returns the pids that were stopped.
 */
export async function stopLeftoverServer(clusterDir: string, log: (msg: string) => void): Promise<number[]> {
  const stopped: number[] = [];
  const postmaster = await postmasterOf(clusterDir);
  if (postmaster !== null) {
    log(`Dừng máy chủ PostgreSQL còn sót (pid ${postmaster}) từ lần chạy trước / stopping the orphaned PostgreSQL server`);
    process.kill(postmaster, 'SIGINT');
    if ((await waitForExit([postmaster], 30_000)).length > 0) process.kill(postmaster, 'SIGKILL');
    await waitForExit([postmaster], 5_000);
    stopped.push(postmaster);
  }
  const orphans = await findClusterProcesses(clusterDir);
  if (orphans.length > 0) {
    log(
      `Dừng ${orphans.length} tiến trình PostgreSQL mồ côi của ${clusterDir} (pid ${orphans.join(', ')}) còn giữ bộ nhớ dùng chung / ` +
        `stopping orphaned PostgreSQL backends still holding the shared memory`,
    );
    for (const pid of orphans) process.kill(pid, 'SIGTERM');
    const remaining = await waitForExit(orphans, 5_000);
    for (const pid of remaining) process.kill(pid, 'SIGKILL');
    await waitForExit(remaining, 5_000);
    stopped.push(...orphans);
  }
  await removeStalePidFile(clusterDir, log);
  return stopped;
}

/**
 * A postmaster.pid naming a live process that is not a PostgreSQL of this cluster (the pid was
 * reused after a crash) would make the server refuse to start; with /proc to prove it, remove it.
 */
async function removeStalePidFile(clusterDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let text: string;
  try {
    text = await fs.readFile(pidFile, 'utf8');
    await fs.access('/proc/self/cwd');
  } catch {
    return;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return; // PostgreSQL replaces it itself
  if ((await postmasterOf(clusterDir)) !== null || (await findClusterProcesses(clusterDir)).length > 0) return;
  log(`Xóa tệp postmaster.pid cũ (pid ${pid} là tiến trình khác) / removing a stale postmaster.pid`);
  await fs.rm(pidFile, { force: true });
}

/** What to tell the operator when the server refuses to start because of a leftover process. */
export function leftoverAdvice(clusterDir: string, serverLog: string): string {
  if (!/shared memory block|postmaster\.pid|lock file .* already exists/i.test(serverLog)) return '';
  return (
    `\nMột tiến trình PostgreSQL cũ của ${clusterDir} vẫn còn chạy. Tìm nó bằng: ps -eo pid,user,args | grep "postgres" ` +
    `(và ls -l /proc/<pid>/cwd phải trỏ tới ${clusterDir}), dừng nó bằng kill <pid> (hoặc kill -9 <pid>), rồi chạy lại.\n` +
    `An old PostgreSQL process of ${clusterDir} is still running: find it with ps -eo pid,user,args | grep postgres ` +
    `(its /proc/<pid>/cwd points at ${clusterDir}), stop it with kill <pid> (or kill -9), then start again.`
  );
}
