/**
 * Every server endpoint the web app uses, one named function each. Pages import these, never
 * the transport, so the transport can be swapped (openapi-fetch) without touching pages.
 */
import { buildUrl, request, setCsrfRefresher, setCsrfToken } from './client.js';
import type {
  AuditPage,
  AuditQuery,
  Cascade,
  Directive,
  DirectiveDraft,
  DirectiveInput,
  DirectivePage,
  DirectiveParseResult,
  DirectiveQuery,
  DraftContent,
  Grant,
  GrantInput,
  Health,
  ImportResult,
  Session,
  Unit,
  UnitDetail,
  UnitInput,
  UnitPatch,
  User,
  UserInput,
  UserPatch,
} from './types.js';

// --- auth -------------------------------------------------------------------------------

export async function login(username: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/v1/auth/login', {
    body: { username, password },
    skipAuthRedirect: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/v1/auth/logout', { skipAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function getMe(): Promise<Session> {
  const session = await request<Session>('GET', '/v1/auth/me', { skipAuthRedirect: true });
  setCsrfToken(session.csrfToken);
  return session;
}

setCsrfRefresher(async () => {
  await getMe();
});

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('POST', '/v1/auth/password', { body: { currentPassword, newPassword } });
}

// --- units ------------------------------------------------------------------------------

export function listUnits(options: { includeInactive?: boolean } = {}): Promise<Unit[]> {
  return request<Unit[]>('GET', '/v1/units', {
    query: { includeInactive: options.includeInactive ? 'true' : undefined },
  });
}

export function searchUnits(q: string, signal?: AbortSignal): Promise<Unit[]> {
  return request<Unit[]>('GET', '/v1/units', { query: { q }, signal });
}

export function getUnit(id: number): Promise<UnitDetail> {
  return request<UnitDetail>('GET', `/v1/units/${id}`);
}

export function createUnit(input: UnitInput): Promise<Unit> {
  return request<Unit>('POST', '/v1/units', { body: input });
}

export function updateUnit(id: number, patch: UnitPatch): Promise<Unit> {
  return request<Unit>('PATCH', `/v1/units/${id}`, { body: patch });
}

export function importUnits(file: File): Promise<ImportResult> {
  const formData = new FormData();
  formData.append('file', file, file.name);
  return request<ImportResult>('POST', '/v1/units/import', { formData });
}

/** A plain URL: the browser downloads the file itself (cookie sent, no CSRF needed for GET). */
export function exportUnitsUrl(format: 'csv' | 'xlsx'): string {
  return buildUrl('/v1/units/export', { format });
}

// --- users ------------------------------------------------------------------------------

export function listUsers(q?: string): Promise<User[]> {
  return request<User[]>('GET', '/v1/users', { query: { q } });
}

export function createUser(input: UserInput): Promise<User> {
  return request<User>('POST', '/v1/users', { body: input });
}

export function updateUser(id: number, patch: UserPatch): Promise<User> {
  return request<User>('PATCH', `/v1/users/${id}`, { body: patch });
}

export function resetUserPassword(id: number, newPassword: string): Promise<void> {
  return request<void>('POST', `/v1/users/${id}/password`, { body: { newPassword } });
}

export function addGrant(userId: number, input: GrantInput): Promise<Grant> {
  return request<Grant>('POST', `/v1/users/${userId}/grants`, { body: input });
}

export function removeGrant(userId: number, grantId: number): Promise<void> {
  return request<void>('DELETE', `/v1/users/${userId}/grants/${grantId}`);
}

// --- audit ------------------------------------------------------------------------------

export function listAudit(query: AuditQuery): Promise<AuditPage> {
  return request<AuditPage>('GET', '/v1/audit', {
    query: {
      unitId: query.unitId,
      action: query.action,
      from: query.from,
      to: query.to,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
    },
  });
}

// --- directives -------------------------------------------------------------------------

export function parseDirectiveText(text: string, ownerUnitId: number | null): Promise<DirectiveParseResult> {
  return request<DirectiveParseResult>('POST', '/v1/directives/parse', { body: { text, ownerUnitId } });
}

export function parseDirectiveFile(file: File, ownerUnitId: number | null): Promise<DirectiveParseResult> {
  const formData = new FormData();
  if (ownerUnitId !== null) formData.append('ownerUnitId', String(ownerUnitId));
  formData.append('file', file, file.name);
  return request<DirectiveParseResult>('POST', '/v1/directives/parse-file', { formData });
}

export function listDirectives(query: DirectiveQuery): Promise<DirectivePage> {
  return request<DirectivePage>('GET', '/v1/directives', {
    query: {
      q: query.q,
      numberSymbol: query.numberSymbol,
      issuer: query.issuer,
      docType: query.docType,
      from: query.from,
      to: query.to,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
    },
  });
}

export function registerDirective(input: DirectiveInput): Promise<{ id: number }> {
  return request<{ id: number }>('POST', '/v1/directives', { body: input });
}

/** Registers with the original file kept (multipart: the fields go as JSON in `data`). */
export function uploadDirective(input: DirectiveInput, file: File): Promise<{ id: number }> {
  const formData = new FormData();
  formData.append('data', JSON.stringify(input));
  formData.append('file', file, file.name);
  return request<{ id: number }>('POST', '/v1/directives/upload', { formData });
}

export function getDirective(id: number): Promise<Directive> {
  return request<Directive>('GET', `/v1/directives/${id}`);
}

export function updateDirective(id: number, input: DirectiveInput): Promise<Directive> {
  return request<Directive>('PUT', `/v1/directives/${id}`, { body: input });
}

export function directiveFileUrl(id: number): string {
  return buildUrl(`/v1/directives/${id}/file`);
}

export function getCascade(id: number): Promise<Cascade> {
  return request<Cascade>('GET', `/v1/directives/${id}/cascade`);
}

export function acknowledgeDirective(id: number, unitId: number): Promise<void> {
  return request<void>('POST', `/v1/directives/${id}/acknowledge`, { body: { unitId } });
}

export function startDraft(directiveId: number, unitId: number): Promise<DirectiveDraft> {
  return request<DirectiveDraft>('POST', `/v1/directives/${directiveId}/drafts`, { body: { unitId } });
}

export function getDraft(id: number): Promise<DirectiveDraft> {
  return request<DirectiveDraft>('GET', `/v1/drafts/${id}`);
}

export function saveDraft(id: number, content: DraftContent): Promise<DirectiveDraft> {
  return request<DirectiveDraft>('PUT', `/v1/drafts/${id}`, { body: { content } });
}

export function draftDocxUrl(id: number): string {
  return buildUrl(`/v1/drafts/${id}/docx`);
}

// --- health -----------------------------------------------------------------------------

export function getHealth(): Promise<Health> {
  return request<Health>('GET', '/health', { skipAuthRedirect: true });
}

// --- consultation: weekly reports -----------------------------------------------------------

import type { ConsultationSummary, SubmittedWeeklyReport, WeeklyReportView } from './types.js';

export function listConsultations(): Promise<ConsultationSummary[]> {
  return request<ConsultationSummary[]>('GET', '/v1/consultations');
}

export function getWeeklyReportView(code: string, unitId: number, periodEnd?: string): Promise<WeeklyReportView> {
  return request<WeeklyReportView>('GET', `/v1/consultations/${encodeURIComponent(code)}/reports/${unitId}`, { query: { periodEnd } });
}

export function submitWeeklyReport(code: string, unitId: number, periodEnd: string): Promise<SubmittedWeeklyReport> {
  return request<SubmittedWeeklyReport>('POST', `/v1/consultations/${encodeURIComponent(code)}/reports/${unitId}/submit`, { body: { periodEnd } });
}

export function weeklyReportFileUrl(code: string, unitId: number, periodEnd: string, format: 'docx' | 'xlsx'): string {
  return buildUrl(`/v1/consultations/${encodeURIComponent(code)}/reports/${unitId}/${format}`, { periodEnd });
}

// --- consultation: intake -------------------------------------------------------------------

import type { MeetingInput, PublicConsultation, PublicSubmissionInput, PublicUnits, StaffSubmissionInput, SubmissionContact, SubmissionResult } from './types.js';

/** The public form of an open consultation (no login); `q` filters the receiving units. */
export function getPublicConsultation(code: string, q?: string): Promise<PublicConsultation> {
  return request<PublicConsultation>('GET', `/v1/public/consultations/${encodeURIComponent(code)}`, { query: { q }, skipAuthRedirect: true });
}

export function searchPublicUnits(code: string, q: string, signal?: AbortSignal): Promise<PublicUnits> {
  return request<PublicUnits>('GET', `/v1/public/consultations/${encodeURIComponent(code)}/units`, { query: { q }, skipAuthRedirect: true, signal });
}

/** Sends the public form; the same idempotencyKey sent again returns the same result and counts once. */
export function submitPublicOpinions(code: string, input: PublicSubmissionInput): Promise<SubmissionResult> {
  return request<SubmissionResult>('POST', `/v1/public/consultations/${encodeURIComponent(code)}/submissions`, { body: input, skipAuthRedirect: true });
}

export function recordStaffSubmission(code: string, input: StaffSubmissionInput): Promise<SubmissionResult> {
  return request<SubmissionResult>('POST', `/v1/consultations/${encodeURIComponent(code)}/submissions`, { body: input });
}

export function recordMeeting(code: string, input: MeetingInput): Promise<SubmissionResult> {
  return request<SubmissionResult>('POST', `/v1/consultations/${encodeURIComponent(code)}/meetings`, { body: input });
}

export function getSubmissionContact(code: string, submissionId: number): Promise<SubmissionContact> {
  return request<SubmissionContact>('GET', `/v1/consultations/${encodeURIComponent(code)}/submissions/${submissionId}/contact`);
}

// --- consultation: staff intake page ----------------------------------------------------------

import type { RecentSubmissions, StaffIntakeForm } from './types.js';

/** The documents and sections staff pick from (answers also for a closed consultation). */
export function getStaffIntakeForm(code: string): Promise<StaffIntakeForm> {
  return request<StaffIntakeForm>('GET', `/v1/consultations/${encodeURIComponent(code)}/intake-form`);
}

/** The unit's most recently recorded submissions, newest first; `before` is the previous page's `nextBefore`. */
export function listRecentSubmissions(code: string, unitId: number, options: { limit?: number; before?: number } = {}): Promise<RecentSubmissions> {
  return request<RecentSubmissions>('GET', `/v1/consultations/${encodeURIComponent(code)}/units/${unitId}/submissions`, { query: { limit: options.limit, before: options.before } });
}

// --- consultation: representative opinions (ý kiến tiêu biểu) ------------------------------

import type { components } from './schema.js';

export type RepresentativeOpinion = components['schemas']['RepresentativeOpinion'];
export type RepresentativeOpinions = components['schemas']['RepresentativeOpinions'];
export type RepresentativeCandidatePage = components['schemas']['RepresentativeCandidatePage'];
export type RepresentativeCandidate = RepresentativeCandidatePage['items'][number];
export type OpinionStance = RepresentativeOpinion['stance'];

export interface RepresentativeCandidateQuery {
  periodEnd: string;
  document?: string | undefined;
  section?: string | undefined;
  stance?: OpinionStance | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** The opinions of the unit's subtree in the week, newest first, to pick representative ones from (no contact details). */
export function listRepresentativeCandidates(code: string, unitId: number, query: RepresentativeCandidateQuery, signal?: AbortSignal): Promise<RepresentativeCandidatePage> {
  return request<RepresentativeCandidatePage>('GET', `/v1/consultations/${encodeURIComponent(code)}/reports/${unitId}/opinions`, { query: { ...query }, signal });
}

export function pickRepresentative(code: string, unitId: number, input: { periodEnd: string; opinionId: number; note?: string | null }): Promise<RepresentativeOpinion> {
  return request<RepresentativeOpinion>('POST', `/v1/consultations/${encodeURIComponent(code)}/reports/${unitId}/representatives`, { body: input });
}

/** A direct child's pick becomes the unit's own (the child stays recorded as where it came from). */
export function carryUpRepresentative(code: string, unitId: number, input: { periodEnd: string; fromUnitId: number; opinionId: number; note?: string | null }): Promise<RepresentativeOpinion> {
  return request<RepresentativeOpinion>('POST', `/v1/consultations/${encodeURIComponent(code)}/reports/${unitId}/representatives/carry-up`, { body: input });
}

export function unpickRepresentative(code: string, unitId: number, id: number): Promise<void> {
  return request<void>('DELETE', `/v1/consultations/${encodeURIComponent(code)}/reports/${unitId}/representatives/${id}`);
}
