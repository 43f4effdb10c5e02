import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { loadIntakeConsultation, participatingUnitId, prepareContact, prepareOpinions, requireOpen, sealedContact, storeSubmission, type StoredSubmission } from './intake-store.js';
import type { PublicSubmissionInput } from './intake-schemas.js';

/** Who acts for the public form in the audit log. The sender's address is not kept. */
const publicActor: Actor = { userId: null, username: 'public:web', grants: [], ip: null };

/**
 * A citizen's submission through the public form (channel web, self-submitted, received now).
 * The idempotency key makes a double click or a retry count once: the same key returns the stored
 * submission with `created: false`. Contact details, given only with consent, are sealed and kept
 * only in submission_contacts — never in the audit row.
 */
export async function submitPublicOpinions(
  db: Db,
  options: { consultationCode: string; input: PublicSubmissionInput; contactKey: () => Buffer; now?: Date },
): Promise<StoredSubmission> {
  const { input } = options;
  const now = options.now ?? new Date();
  const consultation = await loadIntakeConsultation(db, options.consultationCode);
  requireOpen(consultation, now);
  const [unitId, prepared] = await Promise.all([
    participatingUnitId(db, consultation, { code: input.unitCode.trim() }),
    prepareOpinions(db, consultation, input.opinions),
  ]);
  const sealed = sealedContact(prepareContact(input.contact), options.contactKey);
  const externalId = `web:${input.idempotencyKey.toLowerCase()}`;
  return db.transaction(async (tx) => {
    const stored = await storeSubmission(tx, {
      consultationId: consultation.id,
      externalId,
      unitId,
      channel: 'web',
      contributorGroup: input.contributorGroup,
      submittedAt: now,
      selfSubmitted: true,
      enteredByUserId: null,
      opinions: prepared,
      sealedContact: sealed,
    });
    if (stored.created) {
      await recordAudit(tx, publicActor, {
        action: 'consultation.submission_receive',
        entityType: 'submission',
        entityId: stored.submissionId,
        unitId,
        after: { consultation: consultation.code, externalId, channel: 'web', contributorGroup: input.contributorGroup, opinions: stored.opinions, contact: sealed !== null },
      });
    }
    return stored;
  });
}
