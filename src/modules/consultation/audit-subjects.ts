import type { AuditSubject, AuditSubjectResolvers } from '../../platform/audit/subjects.js';
import { integerIds } from '../../platform/audit/subjects.js';
import { selectConsultationDocumentNames, selectConsultationNames, selectScopedRepresentatives, selectScopedWeeklyReports, type WeekRow } from './audit-repository.js';

const reportLink = (code: string) => `/gop-y-tong-hop?dot=${encodeURIComponent(code)}`;
const viDate = (iso: string) => iso.split('-').reverse().join('/');

/** A unit's week, named by its closing date and linked to the report page of that unit and week. */
function weekSubjects(rows: readonly WeekRow[], name: (r: WeekRow) => string): Map<string, AuditSubject> {
  return new Map(rows.map((r) => [String(r.id), { name: name(r), link: `${reportLink(r.code)}&don-vi=${r.unitId}&tuan=${r.periodEnd}` }]));
}

/**
 * The consultation module's audit objects: consultations and their drafts by title, a unit's weekly
 * reports and representative opinions by their week, each linked to the report page.
 */
export const consultationAuditSubjects: AuditSubjectResolvers = {
  consultation: async (db, { ids }) => {
    const rows = await selectConsultationNames(db, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: r.title, link: reportLink(r.code) }]));
  },
  consultation_document: async (db, { ids }) => {
    const rows = await selectConsultationDocumentNames(db, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: r.title, link: reportLink(r.code) }]));
  },
  weekly_report: async (db, { actor, ids }) =>
    weekSubjects(await selectScopedWeeklyReports(db, actor, integerIds(ids)), (r) => `Báo cáo tuần kết thúc ${viDate(r.periodEnd)}${r.version > 1 ? ` (lần gửi ${r.version})` : ''}`),
  representative_opinion: async (db, { actor, ids }) =>
    weekSubjects(await selectScopedRepresentatives(db, actor, integerIds(ids)), (r) => `Ý kiến tiêu biểu tuần kết thúc ${viDate(r.periodEnd)}`),
};
