/**
 * The attempt's countdown runs on the SERVER clock: every answer from the server carries
 * `serverNow`; the offset between it and the device clock at that moment is kept, and the time left
 * is `deadlineAt − (device now + offset)`. A phone whose clock is wrong by minutes still shows the
 * server's time left; each save resynchronises the offset.
 */

/** Server time minus device time, in ms, from a `serverNow` received at device time `receivedAt`. */
export function clockOffset(serverNow: string, receivedAt: number): number {
  const server = Date.parse(serverNow);
  return Number.isFinite(server) ? server - receivedAt : 0;
}

/** Milliseconds left before `deadlineAt` on the server clock (never negative). */
export function remainingMs(deadlineAt: string, offset: number, deviceNow: number): number {
  return Math.max(0, Date.parse(deadlineAt) - (deviceNow + offset));
}

/** "09:05" (minutes:seconds, rounded up so that 0.2 s left still shows 00:01); hours when needed. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
