import type { Command } from 'commander';
import type { ModuleManifest } from '../../platform/modules/manifest.js';
import { campaignsAuditActions } from '../../shared/audit-actions.js';
import { addProposeCommand } from './cli/propose.js';

/**
 * PLACEHOLDER on the `propose` branch only (issue 12 item 2): the campaigns module's real manifest
 * (tables, routes, `lantoa campaigns` and its other commands, audit actions) comes from the helper
 * writing the campaign model; on merge, take that file and keep `addProposeCommand(campaigns)` in it.
 */
function registerCampaigns(program: Command): void {
  const campaigns = program.command('campaigns').description('Kế hoạch tuyên truyền / campaign plans');
  addProposeCommand(campaigns);
}

export const campaignsModule: ModuleManifest = {
  name: 'campaigns',
  tables: {},
  routes: [],
  commands: [registerCampaigns],
  jobs: () => [],
  eventHandlers: [],
  auditActions: campaignsAuditActions,
};
