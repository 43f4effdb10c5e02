import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { formatVietnamInstant, WEEKDAY_NAMES_VI, type IsoWeekday } from '../../../platform/time/index.js';
import { loadConsultation, type Consultation } from '../repository.js';
import { canManageConsultation, requireConsultationVisible } from './policy.js';
import { selectConsultationUnits, selectDocumentsWithSectionCounts, selectUnitName } from './repository.js';

export type ConsultationStatus = 'upcoming' | 'open' | 'closed';

export function consultationStatus(consultation: Pick<Consultation, 'opensAt' | 'closesAt'>, now: Date): ConsultationStatus {
  if (now < consultation.opensAt) return 'upcoming';
  if (consultation.closesAt && now >= consultation.closesAt) return 'closed';
  return 'open';
}

/**
 * The consultation's page: owner, window, weekly cut-off, the units taking part (the owner's whole
 * subtree, every unit, or the units listed), its drafts with how many sections each has, the public
 * form's path, and whether the actor may still change it (a manager, before it closes).
 * CONSULTATION_NOT_FOUND for a consultation the actor may not see.
 */
export async function getConsultation(db: Queryable, options: { actor: Actor; code: string; now?: Date }) {
  const now = options.now ?? new Date();
  const consultation = await loadConsultation(db, options.code);
  await requireConsultationVisible(db, options.actor, consultation);
  const owner = consultation.ownerUnitId === null ? null : { id: consultation.ownerUnitId, name: (await selectUnitName(db, consultation.ownerUnitId)) ?? '' };
  const listed = consultation.allUnits ? [] : await selectConsultationUnits(db, consultation.id);
  const status = consultationStatus(consultation, now);
  return {
    code: consultation.code,
    title: consultation.title,
    owner,
    opensAt: formatVietnamInstant(consultation.opensAt),
    closesAt: consultation.closesAt ? formatVietnamInstant(consultation.closesAt) : null,
    cutoff: {
      weekday: consultation.cutoffWeekday,
      time: consultation.cutoffTime,
      label: `${consultation.cutoffTime} ${WEEKDAY_NAMES_VI[consultation.cutoffWeekday as IsoWeekday]}`,
    },
    status,
    units: {
      /** Every unit (a system-wide consultation) or the owner's whole subtree. */
      all: consultation.allUnits || (owner !== null && listed.length === 1 && listed[0]?.id === owner.id),
      items: listed,
    },
    documents: await selectDocumentsWithSectionCounts(db, consultation.id),
    publicPath: `/gop-y/${encodeURIComponent(consultation.code)}`,
    canEdit: status !== 'closed' && (await canManageConsultation(db, options.actor, consultation)),
  };
}
