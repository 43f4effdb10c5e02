import type { Queryable } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { fail } from '../../../platform/errors.js';
import { withPublicForm } from './public-form.js';
import { checkOpinions, sectionKey } from './check-opinions.js';
import { notTakingPart, prepareContact, requireOpen, sealedContact } from './store.js';
import type { StoredSubmission } from './submission.js';
import { writeInBatch } from './batch.js';
import { settle } from './repository-write.js';
import type { PublicSubmissionInput } from './schemas.js';

/** Who acts for the public form in the audit log. The sender's address is not kept. */
const publicActor: Actor = { userId: null, username: 'public:web', grants: [], ip: null };

/**
 * A citizen's submission through the public form (channel web, self-submitted, received now).
 * The idempotency key makes a double click or a retry count once: the same key returns the stored
 * submission with `created: false`. Contact details, given only with consent, are sealed and kept
 * only in submission_contacts — never in the audit row.
 *
 * Built for flash crowds: the consultation, its documents and sections come from memory
 * (`loadPublicForm`), the opinions are checked in JavaScript, and one SQL statement in autocommit
 * resolves the unit, re-checks what the memory copy said, and writes the submission, its opinions,
 * its sealed contact and the audit row (`writeSubmissions`), together with the submissions that
 * arrived at the same time (`writeInBatch`): at most one round trip and one commit per submission.
 */
export async function submitPublicOpinions(
  db: Queryable,
  options: { consultationCode: string; input: PublicSubmissionInput; contactKey: () => Buffer; now?: Date },
): Promise<StoredSubmission> {
  const { input } = options;
  const now = options.now ?? new Date();
  const sealed = sealedContact(prepareContact(input.contact), options.contactKey);
  const externalId = `web:${input.idempotencyKey.toLowerCase()}`;
  const unitCode = input.unitCode.trim();
  for (let attempt = 0; attempt < 2; attempt++) {
    const { consultation, prepared } = await withPublicForm(
      db,
      options.consultationCode,
      (form) => {
        requireOpen(form.consultation, now);
        return { consultation: form.consultation, prepared: checkOpinions(form.consultation, input.opinions, (documentId, ref) => form.sections.has(sectionKey(documentId, ref))) };
      },
      { fresh: attempt > 0 },
    );
    const row = {
      consultationId: consultation.id,
      externalId,
      unit: { code: unitCode },
      channel: 'web' as const,
      contributorGroup: input.contributorGroup,
      submittedAt: now,
      selfSubmitted: true,
      enteredByUserId: null,
      opinions: prepared,
      sealedContact: sealed,
      audit: {
        actor: publicActor,
        action: 'consultation.submission_receive',
        after: { consultation: consultation.code, externalId, channel: 'web', contributorGroup: input.contributorGroup, opinions: prepared.length, contact: sealed !== null },
      },
    };
    const outcome = await writeInBatch(db, row, { byCode: true, guard: true });
    if (!outcome.unitFound) {
      notTakingPart('unitCode');
    }
    // The copy in memory was out of date (the consultation was closed, or a document or section
    // removed, since it was read): check again on a fresh copy, which gives the right refusal.
    if (!outcome.guardPassed) continue;
    return settle(db, { consultationId: consultation.id, externalId, opinions: prepared.length }, outcome);
  }
  fail('CONSULTATION_CHANGED');
}
