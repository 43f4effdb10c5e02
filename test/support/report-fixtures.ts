import { cliActor } from '../../src/platform/access/roles.js';
import type { Db } from '../../src/platform/db/database.js';
import { periodAt } from '../../src/platform/time/index.js';
import { openCurrentPeriods } from '../../src/modules/reports/periods/index.js';
import { defineRegime, scheduleOf } from '../../src/modules/reports/regimes/index.js';

const indicators = [
  { code: 'HN', label: 'Số hội nghị, buổi sinh hoạt', unitOfMeasure: 'cuộc', type: 'integer' as const, aggregation: 'sum' as const, required: true, prefill: 'campaigns.activities' },
  { code: 'NG', label: 'Số lượt người tham dự', unitOfMeasure: 'lượt', type: 'integer' as const, aggregation: 'sum' as const },
  { code: 'CO', label: 'Có tổ chức học tập nghị quyết', type: 'yesno' as const, aggregation: 'count-yes' as const },
];

/**
 * A weekly regime of Lai Châu's Đảng ủy UBND tỉnh for its cells and committees (three indicators, a
 * relation, an outline), and the closing date of its current period: the report pages' data for the
 * accessibility test.
 */
export async function defineAccessibilityRegime(db: Db): Promise<{ id: number; closing: string }> {
  const frequency = { kind: 'weekly' as const, weekday: 'wednesday' as const, time: '16:00' };
  const { id } = await defineRegime(db, {
    actor: cliActor(),
    definition: {
      code: 'LCU-BC-TUAN',
      name: 'Báo cáo tuần của Đảng ủy UBND tỉnh Lai Châu',
      issuerUnit: 'LCU-DU-UBND',
      type: 'periodic',
      frequency,
      reportingUnitKinds: ['party_committee', 'party_cell'],
      deadlines: [{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }],
      form: { sections: [{ title: 'Số liệu', indicators }], relations: [{ left: 'NG', op: '>=', right: 'HN' }], outline: ['Kết quả', 'Hạn chế, nguyên nhân', 'Đề xuất'] },
      outline: ['Kết quả', 'Hạn chế, nguyên nhân', 'Đề xuất'],
    },
  });
  await openCurrentPeriods(db);
  return { id, closing: periodAt(scheduleOf(frequency), new Date())!.closingDate };
}
