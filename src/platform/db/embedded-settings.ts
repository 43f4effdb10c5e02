/**
 * The embedded PostgreSQL's settings beyond its defaults (pure). The cluster runs on the same box
 * as the application, often the only database there, so its buffer cache is sized from the
 * machine's memory instead of PostgreSQL's 128 MB default: an eighth of the RAM, at least 128 MB
 * and at most 2 GB. At a contest's deadline peak (issue 14, BENCHMARKS.md) the default cache
 * held too little of a million-attempt table's indexes and every answer save paid for it.
 */
const MB = 1024 * 1024;

/** `shared_buffers` in megabytes for a machine with `totalMemory` bytes of RAM. */
export function sharedBuffersMb(totalMemory: number): number {
  return Math.min(2048, Math.max(128, Math.floor(totalMemory / 8 / MB)));
}

/** The server flags (`-c name=value` pairs) the embedded cluster starts with. */
export function embeddedServerFlags(totalMemory: number): string[] {
  return [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'max_connections=200',
    '-c', `shared_buffers=${sharedBuffersMb(totalMemory)}MB`,
  ];
}
