/**
 * The participant's and the attempt's tokens, kept in localStorage so that a reload (or a phone that
 * dropped the page) continues the same attempt. A browser that refuses storage (private mode) still
 * works for the visit: the tokens then live in memory only.
 */
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage refused: the in-memory copy serves this visit.
  }
}

const participantKey = (code: string) => `lantoa.contest.${code}.participant`;
const attemptKey = (code: string, round: number) => `lantoa.contest.${code}.round.${round}.attempt`;

export const contestStorage = {
  participantToken: (code: string) => read(participantKey(code)),
  setParticipantToken: (code: string, token: string | null) => write(participantKey(code), token),
  attemptToken: (code: string, round: number) => read(attemptKey(code, round)),
  setAttemptToken: (code: string, round: number, token: string | null) => write(attemptKey(code, round), token),
};
