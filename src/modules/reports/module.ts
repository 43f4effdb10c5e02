import type { ModuleManifest } from '../../platform/modules/manifest.js';
import { reportsAuditActions } from '../../shared/audit-actions.js';
import { registerReports } from './cli/reports.js';
import { loadReportsDemo } from './demo/load-demo.js';
import { reportItemsDue } from './extension-points.js';
import { monitoringRoutes } from './monitoring-routes.js';
import { reportRoutes } from './report-routes.js';
import { documentRoutes } from './document-routes.js';
import { openPeriodsJob } from './periods/job.js';
import { regimeRoutes } from './regime-routes.js';
import * as tables from './tables.js';

/**
 * The reports module: report regimes (chế độ báo cáo) with their forms and per-level deadlines,
 * periods with their expected units, drafts filled once at the bottom, submissions returned or
 * approved through core/period-reports, consolidation up the hierarchy, monitoring and reminders.
 * It imports no other module: pre-filled figures come from the manifests' `figures`.
 */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  tables,
  routes: [
    { plugin: regimeRoutes, prefix: '/api/v1' },
    { plugin: reportRoutes, prefix: '/api/v1' },
    { plugin: monitoringRoutes, prefix: '/api/v1' },
    { plugin: documentRoutes, prefix: '/api/v1' },
  ],
  commands: [registerReports],
  jobs: () => [openPeriodsJob],
  eventHandlers: [],
  auditActions: reportsAuditActions,
  itemsDue: reportItemsDue,
  loadDemo: (db) => loadReportsDemo(db),
};
