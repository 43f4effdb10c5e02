import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { exportWeeklyReport, getReportView } from '../../src/modules/consultation/report/view.js';
import { submitWeeklyReport } from '../../src/modules/consultation/report/submit-weekly-report.js';
import { returnPeriodReport } from '../../src/core/period-reports/index.js';
import type { App } from '../../src/server/app.js';
import { periodAt } from '../../src/platform/time/index.js';
import { buildSubmission, buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Overdue (Quá hạn): a child that sent nothing — or whose report was returned — reads "Quá hạn" once
 * its level's deadline has passed, "Chưa gửi" before, in the API, the DOCX and the XLSX; the unit's
 * own week past its deadline says a report sent now is late.
 */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const actor = cliActor();
const WEEK = '2025-11-12';
let app: App;
let provinceViewer: Session;
const u: Record<'P' | 'X1' | 'X2' | 'X3' | 'CELL', number> = { P: 0, X1: 0, X2: 0, X3: 0, CELL: 0 };

beforeAll(async () => {
  app = await buildTestApp(db);
  const created = await createConsultation(db, {
    actor,
    input: { code: 'DH14', title: 'Lấy ý kiến vào dự thảo văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' }], opensAt: vn('2025-10-15T00:00:00') },
  });
  u.P = (await buildUnit(db, { code: 'P', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' })).id;
  // X1 has a cell below it (due by the Wednesday cut-off); X2 and X3 are grassroots (due by Tuesday 16:00).
  u.X1 = (await buildUnit(db, { code: 'X1', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: u.P })).id;
  u.X2 = (await buildUnit(db, { code: 'X2', name: 'Đảng ủy xã Sìn Hồ', kind: 'party_committee', parentId: u.P })).id;
  u.X3 = (await buildUnit(db, { code: 'X3', name: 'Đảng ủy xã Phong Thổ', kind: 'party_committee', parentId: u.P })).id;
  u.CELL = (await buildUnit(db, { code: 'X1-CB', name: 'Chi bộ bản Nà Tăm', kind: 'party_cell', parentId: u.X1 })).id;
  await buildSubmission(db, { consultationId: created.id, unitId: u.X2, submittedAt: vn('2025-11-10T09:00:00'), opinions: [{ documentId: created.documents[0]!.id }] });
  // X3 sent on time, then its report was returned: it counts as not sent.
  const sent = await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: u.X3, periodEnd: WEEK, now: vn('2025-11-10T10:00:00') });
  await returnPeriodReport(db, { actor, submissionId: sent.id, reason: 'Thiếu số liệu' });
  provinceViewer = await logInAs(app, (await buildUser(db, { role: 'viewer', unitId: u.P })).username);
});

afterAll(async () => {
  await app.close();
});

const statuses = async (now: Date) =>
  Object.fromEntries((await getReportView(db, { actor, consultationCode: 'DH14', unitId: u.P, periodEnd: WEEK, now })).children.map((c) => [c.code, c.status]));

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
}

/** The "Tình trạng" cell of each child in the XLSX sheet of children, by unit name. */
async function xlsxStatuses(body: Buffer): Promise<Record<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Đơn vị trực thuộc')!;
  const rows: Record<string, string> = {};
  sheet.eachRow((row, n) => {
    if (n > 3) rows[String(row.getCell(2).value)] = String(row.getCell(3).value);
  });
  return rows;
}

describe('overdue children in the weekly report', () => {
  it('reads "not yet sent" before each level’s deadline and overdue from the deadline instant on, a returned report included', async () => {
    expect(await statuses(vn('2025-11-11T15:59:59'))).toEqual({ X1: 'missing', X2: 'missing', X3: 'missing' });
    // Tuesday 16:00: the grassroots communes are overdue, the commune with a cell below is not yet.
    expect(await statuses(vn('2025-11-11T16:00:00'))).toEqual({ X1: 'missing', X2: 'overdue', X3: 'overdue' });
    expect(await statuses(vn('2025-11-12T16:00:00'))).toEqual({ X1: 'overdue', X2: 'overdue', X3: 'overdue' });
    await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: u.X1, periodEnd: WEEK, now: vn('2025-11-12T17:00:00') });
    expect(await statuses(vn('2025-11-12T17:00:00'))).toMatchObject({ X1: 'late', X2: 'overdue' });
  });

  it('writes "Quá hạn" in the DOCX text and the XLSX cells after the deadline, "Chưa gửi" before it', async () => {
    const file = (format: 'docx' | 'xlsx', now: Date) => exportWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: u.P, periodEnd: WEEK, format, now });
    const before = await docxText((await file('docx', vn('2025-11-11T09:00:00'))).body);
    expect(before).toContain('Chưa gửi');
    expect(before).not.toContain('Quá hạn');
    const after = await docxText((await file('docx', vn('2025-11-20T09:00:00'))).body);
    expect(after).toContain('Quá hạn');
    expect(after).toContain('(2 đơn vị quá hạn)');
    expect(await xlsxStatuses((await file('xlsx', vn('2025-11-11T09:00:00'))).body)).toEqual({
      'Đảng ủy xã Tam Đường': 'Gửi muộn',
      'Đảng ủy xã Sìn Hồ': 'Chưa gửi',
      'Đảng ủy xã Phong Thổ': 'Chưa gửi',
    });
    expect(await xlsxStatuses((await file('xlsx', vn('2025-11-20T09:00:00'))).body)).toEqual({
      'Đảng ủy xã Tam Đường': 'Gửi muộn',
      'Đảng ủy xã Sìn Hồ': 'Quá hạn',
      'Đảng ủy xã Phong Thổ': 'Quá hạn',
    });
  });

  it('answers overdue in the API for a week long past (server time) and "not yet sent" for a week to come, with the unit’s own week overdue', async () => {
    const get = async (periodEnd: string) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/consultations/DH14/reports/${u.P}?periodEnd=${periodEnd}`, headers: provinceViewer.headers });
      expect(response.statusCode).toBe(200);
      return response.json() as { period: { overdue: boolean }; children: { code: string; status: string }[]; report: { children: { code: string; status: string }[] } };
    };
    const past = await get(WEEK);
    expect(past.period.overdue).toBe(true);
    expect(past.children.find((c) => c.code === 'X2')?.status).toBe('overdue');
    expect(past.report.children.find((c) => c.code === 'X2')?.status).toBe('overdue');
    const schedule = { kind: 'weekly', weekday: 3, time: '16:00' } as const;
    const inTwoWeeks = periodAt(schedule, new Date(Date.now() + 14 * 24 * 3600 * 1000)).closingDate;
    const future = await get(inTwoWeeks);
    expect(future.period.overdue).toBe(false);
    expect(future.children.map((c) => c.status)).toEqual(['missing', 'missing', 'missing']);
  });

  it('marks the weeks that received feedback in the consultation list', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/consultations', headers: provinceViewer.headers });
    const [consultation] = response.json() as { weeks: { periodEnd: string; hasData: boolean }[] }[];
    expect(consultation!.weeks.filter((w) => w.hasData).map((w) => w.periodEnd)).toEqual([WEEK]);
  });
});
