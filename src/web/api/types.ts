/**
 * Short names for shapes of the server contract, every one taken from the types generated from
 * the OpenAPI document (schema.d.ts, `npm run api:client`); nothing here is written by hand.
 * Pages call the API through `api` in client.ts and name its shapes from here.
 */
import type { components, operations } from './schema.js';

type Schemas = components['schemas'];
type QueryOf<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;

export type Unit = Schemas['Unit'];
export type UnitKind = Unit['kind'];
export type UnitDetail = Schemas['UnitDetail'];
export type UnitRef = UnitDetail['ancestors'][number];
export type UnitInput = Schemas['CreateUnit'];
export type UnitPatch = Schemas['UpdateUnit'];
export type ImportResult = Schemas['UnitImportResult'];

export type Grant = Schemas['Grant'];
export type Role = Grant['role'];
export type Me = Schemas['Me'];
export type Permissions = Me['permissions'];
export type Session = Schemas['Session'];

export type User = Schemas['User'];
export type UserInput = Schemas['CreateUser'];
export type UserPatch = Schemas['UpdateUser'];
export type GrantInput = Schemas['AddGrant'];

export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
export type Health = Schemas['Health'];

export type ApiError = Schemas['Error'];
export type ErrorCode = ApiError['code'];

export type AuditQuery = QueryOf<'listAuditEntries'>;


// --- directives ---------------------------------------------------------------------------
export type Directive = Schemas['Directive'];
export type DirectiveSummary = Schemas['DirectiveSummary'];
export type DirectivePage = Schemas['DirectivePage'];
export type DirectiveReference = Schemas['DirectiveReference'];
/** What the register form sends (POST/PUT /directives). */
export type DirectiveInput = Schemas['DirectiveFields'];
export type DirectiveParseResult = Schemas['DirectiveParseResult'];
export type Addressee = Schemas['Addressee'];
export type AddresseeInput = Schemas['AddresseeEntry'];
export type ReferenceInput = Schemas['CitedDocument'];
export type PartialDate = Schemas['PartialDate'];
export type Signer = Schemas['Signer'];
export type Deadline = Schemas['Deadline'];
export type Highlight = Schemas['Highlight'];
export type LinkableUnit = Schemas['UnitRef'];
export type Convention = NonNullable<Directive['convention']>;
export type DirectiveRelation = ReferenceInput['relation'];
export type Cascade = Schemas['Cascade'];
export type CascadeNode = Schemas['CascadeNode'];
export type CascadeUnit = Schemas['CascadeUnitStatus'];
export type CascadeUnitStatus = CascadeUnit['status'];
export type DraftContent = Schemas['DraftContent'];
export type DirectiveDraft = Schemas['DirectiveDraft'];
export type DirectiveDraftSummary = Schemas['DirectiveDraftSummary'];
export type DraftListQuery = QueryOf<'listDrafts'>;
export type DirectiveQuery = QueryOf<'listDirectives'>;

// --- consultation: weekly reports -----------------------------------------------------------
export type ConsultationSummary = Schemas['ConsultationSummary'];
export type WeeklyReport = Schemas['WeeklyReport'];
export type WeeklyReportView = Schemas['WeeklyReportView'];
export type WeeklyReportChild = WeeklyReportView['children'][number];
export type WeeklyReportStatus = WeeklyReportChild['status'];
export type FrozenReportSummary = Schemas['FrozenReportSummary'];
export type SubmittedWeeklyReport = Schemas['SubmittedWeeklyReport'];

// --- consultation: intake (public form, staff entry, meetings, contacts) ----------------------
export type PublicConsultation = Schemas['PublicConsultation'];
export type PublicDocument = PublicConsultation['documents'][number];
export type PublicSection = PublicDocument['sections'][number];
export type PublicUnit = PublicConsultation['units'][number];
export type PublicUnits = Schemas['PublicUnits'];
export type PublicSubmissionInput = Schemas['PublicSubmissionInput'];
export type PublicOpinionInput = Schemas['PublicOpinionInput'];
export type PublicStance = PublicOpinionInput['stance'];
export type ContributorGroup = PublicSubmissionInput['contributorGroup'];
export type ContactInput = Schemas['ContactInput'];
export type SubmissionResult = Schemas['SubmissionResult'];
export type StaffSubmissionInput = Schemas['StaffSubmissionInput'];
export type MeetingInput = Schemas['MeetingInput'];
export type SubmissionContact = Schemas['SubmissionContact'];

// --- consultation: staff intake page (documents for the forms, a unit's recent submissions) ---
export type StaffIntakeForm = Schemas['StaffIntakeForm'];
export type StaffIntakeDocument = StaffIntakeForm['documents'][number];
export type RecentSubmissions = Schemas['RecentSubmissions'];
export type RecentSubmission = Schemas['RecentSubmission'];

// --- consultation: representative opinions (ý kiến tiêu biểu) ------------------------------
export type RepresentativeOpinion = Schemas['RepresentativeOpinion'];
export type RepresentativeOpinions = Schemas['RepresentativeOpinions'];
export type RepresentativeCandidatePage = Schemas['RepresentativeCandidatePage'];
export type RepresentativeCandidate = RepresentativeCandidatePage['items'][number];
export type OpinionStance = RepresentativeOpinion['stance'];
export type RepresentativeCandidateQuery = QueryOf<'listRepresentativeCandidates'>;

// --- home page: items due from every module ------------------------------------------------
export type Home = Schemas['Home'];
export type HomeItemDue = Schemas['ItemDue'];

// --- campaigns ----------------------------------------------------------------------------
export type CampaignProposal = Schemas['CampaignProposal'];
export type CampaignSummary = Schemas['CampaignSummary'];
export type CampaignTask = Schemas['CampaignTask'];
export type CampaignActivity = CampaignTask['activities'][number];
export type CampaignActivityFile = CampaignActivity['files'][number];
export type CampaignPlanInput = Schemas['CampaignInput'];
export type CampaignUnitMatch = Schemas['CampaignUnitMatches']['matches'][number];
export type CampaignActivityInput = Schemas['CampaignActivityInput'];
// --- campaigns: the read side (campaign page, progress, "Việc cần làm") ----------------------
export type Campaign = Schemas['CampaignDetail'];
export type CampaignProgress = Schemas['CampaignProgress'];
export type CampaignMatrix = Schemas['CampaignMatrix'];
export type CampaignActivityWeeks = Schemas['CampaignActivityWeeks'];
export type CampaignTaskView = Schemas['CampaignTask'];
export type CampaignTodoTask = Schemas['CampaignTodoTask'];
export type CampaignTaskStatus = CampaignProgress['grid'][number]['tasks'][number]['status'];
// --- notifications (bell, /thong-bao, the e-mail choice on the profile page) -------------------
export type AppNotification = Schemas['Notification'];
export type NotificationPreferences = Schemas['Preferences'];
