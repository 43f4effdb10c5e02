import type { ModuleManifest } from '../../platform/modules/manifest.js';
import { consultationAuditActions } from '../../shared/audit-actions.js';
import { consultationAuditSubjects } from './audit-subjects.js';
import { registerConsultation } from './cli/consultation.js';
import { registerConsultationDocument } from './cli/consultation-document.js';
import { registerConsultationFigures } from './cli/consultation-figures.js';
import { registerConsultationReport } from './cli/consultation-report.js';
import { consultationFigures, consultationItemsDue } from './extension-points.js';
import { consultationEventHandlers, consultationJobs } from './jobs.js';
import { loadConsultationDemo } from './load-demo.js';
import { consultationRoutes } from './routes.js';
import * as tables from './tables.js';

/** The consultation module: feedback on draft documents, intake, imports, weekly figures and reports. */
export const consultationModule: ModuleManifest = {
  name: 'consultation',
  tables,
  routes: [{ plugin: consultationRoutes, prefix: '/api/v1' }],
  // `consultation` first: the others add sub-commands to it.
  commands: [registerConsultation, registerConsultationReport, registerConsultationDocument, registerConsultationFigures],
  jobs: (config) => consultationJobs({ contactRetentionDays: config.contactRetentionDays }),
  eventHandlers: consultationEventHandlers,
  loadDemo: (db) => loadConsultationDemo(db),
  auditActions: consultationAuditActions,
  auditSubjects: consultationAuditSubjects,
  figures: consultationFigures,
  itemsDue: consultationItemsDue,
};
