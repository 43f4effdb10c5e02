import { requireUnitRole } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/database.js';
import { fail } from '../../platform/errors.js';
import type { FigureQuery, ModuleFigure } from '../../platform/modules/manifest.js';
import { selectPeriodFigures } from './extension-repository.js';

/**
 * The contests' figures for a unit's subtree and a period [start, end) (periodic reports pre-fill
 * them): attempts submitted in the period (never presented as people), the distinct people who made
 * them and the people with at least one perfect score among them, over every contest.
 */
export async function contestFigures(db: Db, query: FigureQuery): Promise<ModuleFigure[]> {
  if (query.periodEnd.getTime() <= query.periodStart.getTime()) fail('SCHEDULE_RANGE_INVALID');
  await requireUnitRole(db, query.actor, [query.unitId], 'viewer');
  const f = await selectPeriodFigures(db, { unitId: query.unitId, start: query.periodStart, end: query.periodEnd });
  return [
    { key: 'contests.attempts', label: 'Lượt dự thi trắc nghiệm', value: f.attempts },
    { key: 'contests.people', label: 'Số người dự thi trắc nghiệm', value: f.people },
    { key: 'contests.perfectScores', label: 'Số người đạt điểm tuyệt đối', value: f.perfectScores },
  ];
}
