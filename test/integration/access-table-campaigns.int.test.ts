import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import type { Role } from '../../src/platform/db/schema/org.js';
import { createCampaign } from '../../src/modules/campaigns/plan/create-campaign.js';
import { recordActivity } from '../../src/modules/campaigns/activities/record-activity.js';
import { attachActivityFile } from '../../src/modules/campaigns/activities/files.js';
import { buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';
import { accessTargets, buildAccessTargets, type AccessTarget } from '../support/access-targets.js';

/**
 * The access table of campaign tasks and activities (issue 12, item 8): role × action × the task's
 * unit relative to the unit the role is granted on. One rule: acting on a task (recording or removing
 * an activity, attaching a file, marking done, reopening) needs an editor grant covering the task's
 * unit — its own or an ancestor's; a viewer there is refused (403); outside the granted subtree the
 * task does not exist (404). Evidence files are read by anyone whose grant covers the unit. An upload
 * by a user with no editor grant anywhere is refused (403) before the file is read (readMultipart).
 */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);

const targets = accessTargets;
type Target = AccessTarget;
const rolesUnderTest: Role[] = ['system_admin', 'unit_admin', 'editor', 'viewer'];
const actions = ['recordActivity', 'removeActivity', 'attachFile', 'downloadFile', 'markDone', 'reopen'] as const;
type Action = (typeof actions)[number];
type Outcome = 'allowed' | 'forbidden' | 'hidden';

const unitIds = {} as Record<Target, number>;
const taskIds = {} as Record<Target, number>;
const sessions = {} as Record<Role, Session>;
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  const tree = await buildAccessTargets(db);
  Object.assign(unitIds, tree.unitIds);
  for (const role of rolesUnderTest) {
    const username = `${role.replace('_', '')}.kehoach`;
    await buildUser(db, { username, role, unitId: unitIds.own });
    sessions[role] = await logInAs(app, username);
  }
  // A national plan with one task on each target unit.
  const created = await createCampaign(db, {
    actor: cliActor(),
    input: {
      ownerUnitId: tree.rootId,
      title: 'Kế hoạch tuyên truyền thử quyền',
      purpose: '',
      requirements: '',
      milestones: [],
      phases: [],
      themes: [],
      channels: [],
      assignments: targets.map((t) => ({
        text: `Nhiệm vụ ${t}`,
        unitsAsWritten: t,
        unitIds: [unitIds[t]],
        leadUnitId: null,
        coordinatingUnitIds: [],
        phaseKey: null,
        deadline: null,
        themeKeys: [],
        channels: [],
        expectedOutputs: [],
      })),
    },
  });
  for (const task of created.tasks) taskIds[targets[task.assignmentIndex] as Target] = task.id;
});

function expected(role: Role, action: Action, target: Target): Outcome {
  // An upload from someone who holds no editor grant anywhere is refused before the file is read.
  if (action === 'attachFile' && role === 'viewer') return 'forbidden';
  const covered = role === 'system_admin' || target === 'own' || target === 'descendant';
  if (!covered) return 'hidden';
  if (action === 'downloadFile' || role !== 'viewer') return 'allowed';
  return 'forbidden';
}

const activity = { occurredOn: '2026-01-10', channel: 'press', themeIds: [], title: 'Đăng tin', quantities: { articles: 1 } };

/** Each action on a fresh activity (or task state) prepared by the operator, so the actions do not depend on one another. */
async function attempt(role: Role, action: Action, target: Target): Promise<number> {
  const session = sessions[role];
  const taskId = taskIds[target];
  const prepared = await recordActivity(db, { actor: cliActor(), taskId, input: activity });
  const call = (method: 'POST' | 'DELETE' | 'GET', url: string, payload?: object | string, headers: Record<string, string> = {}) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { ...session.headers, ...headers }, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'recordActivity':
      return (await call('POST', `/campaign-tasks/${taskId}/activities`, activity)).statusCode;
    case 'removeActivity':
      return (await call('DELETE', `/campaign-activities/${prepared.id}`)).statusCode;
    case 'attachFile': {
      const boundary = 'ranh-gioi';
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="anh.png"\r\nContent-Type: image/png\r\n\r\n${png.toString('latin1')}\r\n--${boundary}--\r\n`;
      return (await call('POST', `/campaign-activities/${prepared.id}/files`, Buffer.from(body, 'latin1') as never, { 'content-type': `multipart/form-data; boundary=${boundary}` })).statusCode;
    }
    case 'downloadFile': {
      const file = await attachActivityFile(db, { actor: cliActor(), activityId: prepared.id, file: { data: png, fileName: 'anh.png' } });
      return (await call('GET', `/campaign-activity-files/${file.id}`)).statusCode;
    }
    case 'markDone': {
      const response = await call('POST', `/campaign-tasks/${taskId}/done`, { note: 'Xong' });
      if (response.statusCode === 204) await call('DELETE', `/campaign-tasks/${taskId}/done`);
      return response.statusCode;
    }
    case 'reopen': {
      const operator = sessions.system_admin;
      await app.inject({ method: 'POST', url: `/api/v1/campaign-tasks/${taskId}/done`, headers: operator.headers, payload: { note: 'Xong' } });
      const response = await call('DELETE', `/campaign-tasks/${taskId}/done`);
      if (response.statusCode !== 204) await app.inject({ method: 'DELETE', url: `/api/v1/campaign-tasks/${taskId}/done`, headers: operator.headers });
      return response.statusCode;
    }
  }
}

const statusOf: Record<Outcome, number[]> = { allowed: [200, 201, 204], forbidden: [403], hidden: [404] };

describe('campaign access table: role × action × task unit', () => {
  const rows = rolesUnderTest.flatMap((role) => actions.flatMap((action) => targets.map((target) => ({ role, action, target, outcome: expected(role, action, target) }))));

  it.each(rows)('$role $action on $target → $outcome', async ({ role, action, target, outcome }) => {
    const status = await attempt(role, action, target);
    expect(statusOf[outcome], `${role} ${action} ${target}: ${status}`).toContain(status);
  });
});
