import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { demoWeeks, loadConsultationDemo } from '../../src/modules/consultation/load-demo.js';
import { getReportView } from '../../src/modules/consultation/report/view.js';
import { createTestDatabase } from '../support/db.js';

/** The demo consultation shows representative opinions: picked in communes and cells, carried up to the province. */
const { db } = await createTestDatabase();

describe('demo representative opinions', () => {
  it('are picked in communes, carried up through the UBND to the province, and frozen in the board’s report', async () => {
    await loadDemo(db);
    await loadConsultationDemo(db);
    const ids = Object.fromEntries(
      (await db.execute<{ code: string; id: number }>(sql`select code, id from units where code in ('LCU-TU', 'LCU-UBND', 'LCU-X-TAMDUONG', 'LCU-DU-UBND', 'LCU-CB-SVHTTDL')`)).rows.map((r) => [r.code, r.id]),
    ) as Record<string, number>;
    const view = (unit: string, periodEnd: string) => getReportView(db, { actor: cliActor(), consultationCode: 'DH14', unitId: ids[unit]!, periodEnd });
    // The last two closed weeks before the day the demo is loaded, computed as the loader does.
    const [lastButOne, last] = demoWeeks().closed.slice(-2) as [string, string];
    for (const periodEnd of [lastButOne, last]) {
      const province = await view('LCU-TU', periodEnd);
      expect(province.representatives.own).toHaveLength(1);
      expect(province.representatives.own[0]).toMatchObject({ pickedBy: { id: ids['LCU-X-TAMDUONG'] }, carriedFrom: { id: ids['LCU-UBND'] }, note: 'Đề nghị tiếp thu khi hoàn thiện dự thảo.' });
      expect(province.representatives.own[0]!.text).not.toBe('');
      const ubnd = province.representatives.children.find((c) => c.unitId === ids['LCU-UBND']);
      expect(ubnd?.items).toHaveLength(2);
      const commune = await view('LCU-X-TAMDUONG', periodEnd);
      expect(commune.representatives.own).toHaveLength(2);
    }
    const board = await view('LCU-DU-UBND', lastButOne);
    expect(board.submission).not.toBeNull();
    expect(board.representatives.own.map((o) => o.pickedBy.id)).toEqual([ids['LCU-CB-SVHTTDL']]);
    const province = await view('LCU-TU', lastButOne);
    expect(province.representatives.children.find((c) => c.unitId === ids['LCU-DU-UBND'])).toMatchObject({ source: 'frozen', items: [expect.objectContaining({ pickedBy: { id: ids['LCU-CB-SVHTTDL'], name: expect.any(String) } })] });
  });
});
