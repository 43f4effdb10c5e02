import type { Command } from 'commander';
import { addProposeCommand } from './propose.js';
import { addProgressCommand } from './progress.js';

/**
 * `lantoa campaigns …`: each subcommand lives in its own file of this folder and is added here
 * (propose: read a plan's structure from its text; progress: a unit's subtree's progress).
 */
export function registerCampaigns(program: Command): void {
  const campaigns = program.command('campaigns').description('Kế hoạch tuyên truyền / campaign plans');
  addProposeCommand(campaigns);
  addProgressCommand(campaigns);
}
