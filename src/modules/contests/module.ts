import type { ModuleManifest } from '../../platform/modules/manifest.js';
import { contestsAuditActions } from '../../shared/audit-actions.js';
import { contestAttemptRoutes } from './attempt-routes.js';
import { bankRoutes } from './bank-routes.js';
import { registerContests } from './cli/contests.js';
import { closeRoundsJob } from './closing/job.js';
import { defineRoutes } from './define-routes.js';
import { contestItemsDue } from './extension-points.js';
import { contestFigures } from './figures.js';
import { flagRoundHandler } from './flags/compute-flags.js';
import { itemSumsHandler } from './statistics/item-sums-job.js';
import { participationRoutes } from './participation-routes.js';
import { contestPublicRoutes } from './public-routes.js';
import { resultsRoutes } from './results-routes.js';
import { loadContestsDemo } from './demo/load-demo.js';
import { statisticsRoutes } from './statistics-routes.js';
import * as tables from './tables.js';

/**
 * The contests module: quiz contests (cuộc thi trắc nghiệm) owned by a unit, with weekly rounds, a
 * versioned question bank, participants registered once per contest, attempts drawn and scored on
 * the server (the key never reaches the browser before the round closes), an auditable ranking with
 * its official figure, honest participation by unit and item statistics. It imports no other module.
 */
export const contestsModule: ModuleManifest = {
  name: 'contests',
  tables,
  routes: [
    { plugin: defineRoutes, prefix: '/api/v1' },
    { plugin: bankRoutes, prefix: '/api/v1' },
    { plugin: contestPublicRoutes, prefix: '/api/v1' },
    { plugin: contestAttemptRoutes, prefix: '/api/v1' },
    { plugin: resultsRoutes, prefix: '/api/v1' },
    { plugin: participationRoutes, prefix: '/api/v1' },
    { plugin: statisticsRoutes, prefix: '/api/v1' },
  ],
  commands: [registerContests],
  jobs: () => [closeRoundsJob],
  eventHandlers: [flagRoundHandler, itemSumsHandler],
  loadDemo: (db, context) => loadContestsDemo(db, context),
  auditActions: contestsAuditActions,
  figures: contestFigures,
  itemsDue: contestItemsDue,
};
