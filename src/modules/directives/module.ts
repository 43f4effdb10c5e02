import type { ModuleManifest } from '../../platform/modules/manifest.js';
import { directivesAuditActions } from '../../shared/audit-actions.js';
import { directiveAuditSubjects } from './audit-subjects.js';
import { registerDirectives } from './cli/directives.js';
import { directiveFigures, directiveItemsDue } from './extension-points.js';
import { loadDirectivesDemo } from './load-demo.js';
import { directiveRoutes } from './routes.js';
import * as tables from './tables.js';

/** The directives module: the register of directives, citations, the cascade, drafts. */
export const directivesModule: ModuleManifest = {
  name: 'directives',
  tables,
  routes: [{ plugin: directiveRoutes, prefix: '/api/v1' }],
  commands: [registerDirectives],
  jobs: () => [],
  eventHandlers: [],
  loadDemo: (db) => loadDirectivesDemo(db),
  auditActions: directivesAuditActions,
  auditSubjects: directiveAuditSubjects,
  figures: directiveFigures,
  itemsDue: directiveItemsDue,
};
