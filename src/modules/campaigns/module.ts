import type { ModuleManifest } from '../../platform/modules/manifest.js';
import { campaignsAuditActions } from '../../shared/audit-actions.js';
import { campaignAuditSubjects } from './audit-subjects.js';
import { registerCampaigns } from './cli/campaigns.js';
import { campaignFigures, campaignItemsDue } from './extension-points.js';
import { loadCampaignsDemo } from './demo/load-demo.js';
import { campaignProposeRoutes } from './propose-routes.js';
import { campaignReadRoutes } from './read-routes.js';
import { campaignWriteRoutes } from './write-routes.js';
import * as tables from './tables.js';

/**
 * The campaigns module: campaign plans (kế hoạch tuyên truyền) read from their text, their phases,
 * themes, channels and assignments, tasks of concrete units, activities as evidence, and progress
 * rolled up the unit tree and down the cascade of implementing plans.
 */
export const campaignsModule: ModuleManifest = {
  name: 'campaigns',
  tables,
  routes: [
    { plugin: campaignProposeRoutes, prefix: '/api/v1' },
    { plugin: campaignWriteRoutes, prefix: '/api/v1' },
    { plugin: campaignReadRoutes, prefix: '/api/v1' },
  ],
  commands: [registerCampaigns],
  jobs: () => [],
  eventHandlers: [],
  loadDemo: (db) => loadCampaignsDemo(db),
  auditActions: campaignsAuditActions,
  auditSubjects: campaignAuditSubjects,
  figures: campaignFigures,
  itemsDue: campaignItemsDue,
};
