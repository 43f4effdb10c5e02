import type { Db, Queryable } from '../../../platform/db/database.js';
import { fail, invariant } from '../../../platform/errors.js';
import { readAttemptToken } from '../participants/tokens.js';
import { presentAttempt, viInstant } from './present.js';
import { selectAttempt, updateAnswer, updatePrediction, type AttemptRow } from './repository.js';
import { selectVersions } from './repository-pool.js';
import { lastSaveInstant } from './scoring.js';

/** The attempt a token names (CONTEST_ATTEMPT_NOT_FOUND for a forged or altered token). */
export function attemptIdOf(key: Buffer, token: string): number {
  const id = readAttemptToken(key, token);
  if (id === null) fail('CONTEST_ATTEMPT_NOT_FOUND');
  return id;
}

export async function loadAttempt(db: Queryable, key: Buffer, token: string): Promise<AttemptRow> {
  const row = await selectAttempt(db, attemptIdOf(key, token));
  if (!row) fail('CONTEST_ATTEMPT_NOT_FOUND');
  return row;
}

/** Resume after a reload or a dropped connection: the same questions, options order, saved answers, and the server clock. */
export async function getAttempt(db: Db, options: { token: string; contactKey: () => Buffer; now?: Date }) {
  const row = await loadAttempt(db, options.contactKey(), options.token);
  const versions = await selectVersions(
    db,
    row.questions.map((q) => q.versionId),
  );
  return presentAttempt(
    row,
    (versionId) => {
      const version = versions.get(versionId);
      invariant(version !== undefined, 'an attempt’s versions are kept');
      return version;
    },
    options.now ?? new Date(),
  );
}

/** Why a save was refused (read only when the one-statement save changed nothing). */
async function refusal(db: Queryable, attemptId: number, position: number, now: Date): Promise<never> {
  const row = await selectAttempt(db, attemptId);
  if (!row) fail('CONTEST_ATTEMPT_NOT_FOUND');
  if (row.submittedAt) fail('CONTEST_ATTEMPT_SUBMITTED');
  const last = lastSaveInstant(row.deadlineAt, row.graceSeconds);
  if (now.getTime() > last.getTime()) fail('CONTEST_ANSWER_LATE', { graceSeconds: row.graceSeconds, lastInstant: viInstant(last) });
  fail('CONTEST_ANSWER_INVALID', { position: position + 1 });
}

/** Saves one answer (shown positions) in one statement; refused after deadline + grace with a clear message. */
export async function saveAnswer(db: Db, options: { token: string; position: number; chosen: number[]; contactKey: () => Buffer; now?: Date }) {
  const now = options.now ?? new Date();
  const attemptId = attemptIdOf(options.contactKey(), options.token);
  const chosen = [...new Set(options.chosen)].sort((a, b) => a - b);
  const saved = await updateAnswer(db, { attemptId, position: options.position, chosen, now });
  if (!saved) await refusal(db, attemptId, options.position, now);
  return { savedAt: now.toISOString(), serverNow: new Date().toISOString() };
}

/** Saves the prediction (the number of people with a perfect score, or of attempts) under the same rule. */
export async function savePrediction(db: Db, options: { token: string; value: number; contactKey: () => Buffer; now?: Date }) {
  const now = options.now ?? new Date();
  const attemptId = attemptIdOf(options.contactKey(), options.token);
  const saved = await updatePrediction(db, { attemptId, value: options.value, now });
  if (!saved) await refusal(db, attemptId, 0, now);
  return { savedAt: now.toISOString(), serverNow: new Date().toISOString() };
}
