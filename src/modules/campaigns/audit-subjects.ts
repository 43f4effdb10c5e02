import type { AuditSubjectResolvers } from '../../platform/audit/subjects.js';
import { integerIds } from '../../platform/audit/subjects.js';
import { selectVisibleCampaignNames, selectVisibleTaskNames } from './audit-repository.js';

/** The campaigns module's audit objects: plans and tasks, by name, linked to their pages (only inside the caller's scope). */
export const campaignAuditSubjects: AuditSubjectResolvers = {
  campaign: async (db, { actor, ids }) => {
    const rows = await selectVisibleCampaignNames(db, actor, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: `Kế hoạch ${r.code}: ${r.title}`, link: `/ke-hoach/${r.id}` }]));
  },
  campaign_task: async (db, { actor, ids }) => {
    const rows = await selectVisibleTaskNames(db, actor, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: `Nhiệm vụ của ${r.unitName} (kế hoạch ${r.code})`, link: `/nhiem-vu/${r.id}` }]));
  },
};
