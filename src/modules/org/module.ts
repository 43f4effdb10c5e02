import type { ModuleManifest } from '../../platform/modules/manifest.js';
import { orgAuditActions } from '../../shared/audit-actions.js';
import { registerUnits } from './cli/units.js';
import { registerUsers } from './cli/users.js';
import { loadDemo } from './load-demo.js';
import { orgRoutes } from './routes.js';

/**
 * The org module: units, accounts, role grants. Its tables (units, users, role_grants) are the
 * foundation platform's access, audit and sessions stand on, so they stay in platform/db/schema.
 * It emits `unit.moved` (events.ts) and has no jobs of its own.
 */
export const orgModule: ModuleManifest = {
  name: 'org',
  tables: {},
  routes: [{ plugin: orgRoutes, prefix: '/api/v1' }],
  commands: [registerUnits, registerUsers],
  jobs: () => [],
  eventHandlers: [],
  loadDemo: (db) => loadDemo(db),
  auditActions: orgAuditActions,
};
