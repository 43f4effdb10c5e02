import { integerIds, type AuditSubjectResolvers } from '../../platform/audit/subjects.js';
import { selectConsultationDocumentNames, selectConsultationNames } from './audit-repository.js';

const reportLink = (code: string) => `/gop-y-tong-hop?dot=${encodeURIComponent(code)}`;

/** The consultation module's audit objects: consultations and their drafts, by title, linked to the report page. */
export const consultationAuditSubjects: AuditSubjectResolvers = {
  consultation: async (db, { ids }) => {
    const rows = await selectConsultationNames(db, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: r.title, link: reportLink(r.code) }]));
  },
  consultation_document: async (db, { ids }) => {
    const rows = await selectConsultationDocumentNames(db, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: r.title, link: reportLink(r.code) }]));
  },
};
