import type { Actor } from '../../../platform/access/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { createConsultation } from '../create-consultation.js';
import type { CreateConsultationBody } from './schemas.js';

/**
 * A unit's consultation opened from the web app: `createConsultation` (the command line's operation)
 * with the owner unit, the chosen units and cut-off; the drafts are numbered DT1, DT2, … in order
 * (their codes appear only in interchange files; pages show their titles).
 */
export async function openConsultation(db: Db, options: { actor: Actor; input: CreateConsultationBody }) {
  const { input } = options;
  return createConsultation(db, {
    actor: options.actor,
    input: {
      code: input.code,
      title: input.title,
      documents: input.documents.map((d, i) => ({ code: `DT${i + 1}`, title: d.title })),
      opensAt: new Date(input.opensAt),
      closesAt: input.closesAt ? new Date(input.closesAt) : undefined,
      ownerUnitId: input.ownerUnitId,
      unitIds: input.unitIds,
      cutoff: input.cutoff,
    },
  });
}
