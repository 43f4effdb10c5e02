import type { Db } from '../../platform/db/database.js';
import type { Channel, ContributorGroup, Stance } from './tables.js';
import { cliActor, type Actor } from '../../platform/access/roles.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { periodAt, periodClosingOn, previousPeriod, vietnamDateOf, vietnamInstant, type Period, type WeeklySchedule } from '../../platform/time/index.js';
import { createConsultation } from './create-consultation.js';
import { loadConsultation, replaceSections, unitIdsByCode } from './repository.js';
import { selectDistinctOpinionIds, selectFirstPick } from './repository-demo.js';
import { storeSubmission } from './intake/store.js';
import { carryUpRepresentativeOpinion } from './representatives/carry-up.js';
import { pickRepresentativeOpinion } from './representatives/pick.js';
import { submitWeeklyReport } from './report/submit-weekly-report.js';
import { weeklySchedule } from './report/weekly-report.js';

/**
 * The demo consultation (seed 004): feedback on the draft documents of the 14th Congress, with five
 * closed weeks of synthetic feedback from the Lai Châu party organisations under the Đảng ủy UBND tỉnh
 * and the communes, and their weekly reports — some on time, one late, some never sent (overdue) —
 * and, in the last two closed weeks, representative opinions picked in communes and party cells and
 * carried up to the province; the current week holds the feedback received so far (no report yet).
 * The weeks are those before the day the demo is loaded (`demoWeeks`); otherwise deterministic.
 */
const documents = [
  {
    code: 'BCCT',
    title: 'Dự thảo Báo cáo chính trị trình Đại hội XIV của Đảng',
    sections: [
      ['I', 'Kết quả thực hiện Nghị quyết Đại hội XIII, 40 năm đổi mới'],
      ['II', 'Dự báo tình hình, mục tiêu và định hướng phát triển đất nước 5 năm 2026 - 2030'],
      ['II.1', 'Phát triển kinh tế nhanh, bền vững; khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số'],
      ['II.2', 'Phát triển văn hóa, con người Việt Nam'],
      ['III', 'Xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh'],
    ],
  },
  {
    code: 'BCTK',
    title: 'Dự thảo Báo cáo tổng kết một số vấn đề lý luận và thực tiễn về công cuộc đổi mới theo định hướng xã hội chủ nghĩa trong 40 năm ở Việt Nam',
    sections: [
      ['1', 'Những thành tựu to lớn, có ý nghĩa lịch sử'],
      ['2', 'Hạn chế, khuyết điểm và nguyên nhân'],
      ['3', 'Bài học kinh nghiệm'],
    ],
  },
  {
    code: 'DLD',
    title: 'Dự thảo Báo cáo tổng kết thi hành Điều lệ Đảng nhiệm kỳ Đại hội XIII',
    sections: [
      ['A', 'Kết quả thi hành Điều lệ Đảng'],
      ['B', 'Đề xuất sửa đổi, bổ sung'],
    ],
  },
] as const;

const texts: { stance: Stance; text: string }[] = [
  { stance: 'agree', text: 'Tán thành với nội dung dự thảo.' },
  { stance: 'agree', text: '' },
  { stance: 'partial', text: 'Đề nghị bổ sung giải pháp cụ thể về chuyển đổi số ở cấp xã.' },
  { stance: 'partial', text: 'Cần làm rõ hơn vai trò của chi bộ trong xây dựng Đảng ở vùng dân tộc thiểu số.' },
  { stance: 'disagree', text: 'Chưa nhất trí cách diễn đạt; đề nghị viết ngắn gọn, dễ hiểu hơn.' },
  { stance: 'agree', text: 'Đề nghị bổ sung giải pháp cụ thể về chuyển đổi số ở cấp xã.' },
];
const channelCycle: Channel[] = ['vneid', 'vneid', 'vneid', 'meeting', 'letter', 'web', 'vneid', 'email'];
const groupCycle: ContributorGroup[] = ['dang_vien', 'dang_vien', 'can_bo', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'nhan_dan'];
const reporting = ['LCU-CB-SVHTTDL', 'LCU-CB-VPUBND', 'LCU-CB-SKHCN', 'LCU-DU-SGDDT', 'LCU-P-TANPHONG', 'LCU-P-DOANKET', 'LCU-X-TAMDUONG', 'LCU-X-SINHO', 'LCU-X-PHONGTHO'];
const vn = (local: string) => new Date(`${local}+07:00`);
/** The demo consultation's cut-off: Wednesday 16:00, the consultation's default. */
const DEMO_SCHEDULE: WeeklySchedule = { kind: 'weekly', weekday: 3, time: '16:00' };
const CLOSED_WEEKS = 5;

/** The demo's weeks as of `now`: the closing dates of the five closed weeks before the current one (oldest first), and the current week. */
export function demoWeeks(now: Date = new Date()): { closed: string[]; current: Period<WeeklySchedule> } {
  const current = periodAt(DEMO_SCHEDULE, now);
  const closed: string[] = [];
  for (let p = previousPeriod(current); closed.length < CLOSED_WEEKS; p = previousPeriod(p)) closed.unshift(p.closingDate);
  return { closed, current };
}

export async function loadConsultationDemo(db: Db, actor: Actor = cliActor(), now: Date = new Date()): Promise<void> {
  const { closed: weeks, current } = demoWeeks(now);
  const created = await createDemoConsultation(db, actor, vietnamInstant(vietnamDateOf(periodClosingOn(DEMO_SCHEDULE, weeks[0] as string).start)));
  const documentIds = new Map(created.documents.map((d) => [d.code, d.id]));
  const unitId = await unitIdsByCode(db, reporting);
  const next = { n: 0 };
  for (const [w, periodEnd] of weeks.entries()) {
    for (const [u, code] of reporting.entries()) {
      const id = unitId.get(code);
      if (id !== undefined) await storeDemoSubmissions(db, { consultationId: created.id, unitId: id, periodEnd, count: 2 + ((u * 7 + w * 3) % 9), documentIds, next });
    }
    if (w >= weeks.length - 2) await pickDemoRepresentatives(db, actor, periodEnd, unitId);
    await submitDemoReports(db, actor, { weeks, w, now }, unitId);
  }
  // The current week so far: a few submissions per unit between its start and now, no report yet.
  for (const [u, code] of reporting.entries()) {
    const id = unitId.get(code);
    if (id !== undefined) await storeDemoSubmissions(db, { consultationId: created.id, unitId: id, periodEnd: current.closingDate, count: 1 + (u % 3), documentIds, next, between: [current.start, now] });
  }
  const board = (await unitIdsByCode(db, ['LCU-DU-UBND'])).get('LCU-DU-UBND');
  if (board === undefined) return;
  const periodEnd = weeks[weeks.length - 2] as string;
  // Before the board freezes its report of the week before last: the cell's pick goes up to it.
  const cell = unitId.get('LCU-CB-SVHTTDL');
  const cellPick = cell === undefined ? null : await selectFirstPick(db, { consultationId: created.id, unitId: cell, periodEnd });
  if (cell !== undefined && cellPick !== null) {
    await carryUpRepresentativeOpinion(db, { actor, consultationCode: 'DH14', unitId: board, periodEnd, fromUnitId: cell, opinionId: cellPick });
  }
  await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: board, periodEnd, now: vn(`${periodEnd}T15:30:00`) });
}

/** The demo consultation with its documents and their sections. */
async function createDemoConsultation(db: Db, actor: Actor, opensAt: Date) {
  const created = await createConsultation(db, {
    actor,
    input: {
      code: 'DH14',
      title: 'Lấy ý kiến góp ý vào dự thảo các văn kiện trình Đại hội XIV của Đảng',
      documents: documents.map((d) => ({ code: d.code, title: d.title })),
      opensAt,
    },
  });
  const documentIds = new Map(created.documents.map((d) => [d.code, d.id]));
  for (const document of documents) {
    const sections = document.sections.map(([ref, heading], position) => ({ ref, parentRef: ref.includes('.') ? (ref.split('.')[0] ?? null) : null, heading: normalizeVi(heading), position }));
    await replaceSections(db, documentIds.get(document.code) as number, sections);
  }
  return created;
}

/**
 * `count` synthetic submissions received by a unit in the week closing on `periodEnd` (or spread over
 * `between`, for the current week), in one transaction; `next.n` numbers them across the demo.
 */
async function storeDemoSubmissions(
  db: Db,
  options: { consultationId: number; unitId: number; periodEnd: string; count: number; documentIds: Map<string, number>; next: { n: number }; between?: [Date, Date] },
): Promise<void> {
  const { next, documentIds } = options;
  await db.transaction(async (tx) => {
    for (let i = 0; i < options.count; i++, next.n++) {
      const n = next.n;
      const [from, to] = options.between ?? [null, null];
      const day =
        from && to
          ? new Date(from.getTime() + Math.floor(((i + 1) * (to.getTime() - from.getTime())) / (options.count + 1)))
          : new Date(vn(`${options.periodEnd}T09:00:00`).getTime() - ((n % 6) + 1) * 86_400_000 + (n % 7) * 3_600_000);
      const opinions = Array.from({ length: 1 + (n % 3) }, (_, k) => {
        const t = texts[(n + k) % texts.length] as { stance: Stance; text: string };
        const document = documents[(n + k) % documents.length] as (typeof documents)[number];
        const section = document.sections[(n + 2 * k) % document.sections.length] as readonly [string, string];
        return { documentId: documentIds.get(document.code) as number, sectionRef: section[0], stance: t.stance, body: t.text };
      });
      const channel = channelCycle[n % channelCycle.length] as Channel;
      await storeSubmission(tx, {
        consultationId: options.consultationId,
        externalId: `demo:${n}`,
        unitId: options.unitId,
        channel,
        contributorGroup: groupCycle[n % groupCycle.length] as ContributorGroup,
        submittedAt: day,
        selfSubmitted: channel === 'vneid' || channel === 'web',
        enteredByUserId: null,
        opinions,
        sealedContact: null,
      });
    }
  });
}

/** Weekly reports of the party organisations to the Đảng ủy UBND tỉnh for week `w`: on time, one late, one never sent. */
async function submitDemoReports(db: Db, actor: Actor, at: { weeks: string[]; w: number; now: Date }, unitId: Map<string, number>): Promise<void> {
  const { weeks, w } = at;
  const periodEnd = weeks[w] as string;
  const plan: [string, string | null][] = [
    ['LCU-CB-SVHTTDL', `${periodEnd}T09:00:00`],
    ['LCU-CB-VPUBND', w === weeks.length - 1 ? `${periodEnd}T17:30:00` : `${periodEnd}T10:00:00`],
    ['LCU-CB-SKHCN', w % 2 === 0 ? `${periodEnd}T08:00:00` : null],
    ['LCU-DU-SGDDT', null],
  ];
  for (const [code, sent] of plan) {
    const id = unitId.get(code);
    if (id === undefined || sent === null) continue;
    // Grassroots cells are due on Tuesday 16:00: sending on Wednesday morning is late, by design for one of them.
    const tuesday = new Date(vn(sent).getTime() - 86_400_000);
    const sentAt = code === 'LCU-CB-VPUBND' && w === weeks.length - 1 ? vn(sent) : tuesday;
    // Never in the future (a demo loaded on Wednesday between the cut-off and 17:30).
    await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: id, periodEnd, now: new Date(Math.min(sentAt.getTime(), at.now.getTime())) });
  }
}

/**
 * Representative opinions of a demo week: two communes and a party cell pick some of their
 * opinions (distinct texts that say something), the UBND carries the communes' up, and the
 * province (Tỉnh ủy) carries one commune pick up again.
 */
async function pickDemoRepresentatives(db: Db, actor: Actor, periodEnd: string, unitId: Map<string, number>): Promise<void> {
  const consultation = await loadConsultation(db, 'DH14');
  const period = periodClosingOn(weeklySchedule(consultation), periodEnd);
  const opinionsOf = (unitCode: string, count: number) => selectDistinctOpinionIds(db, { consultationId: consultation.id, unitCode, from: period.start, to: period.end, count });
  const byCode = new Map([...unitId, ...(await unitIdsByCode(db, ['LCU-UBND', 'LCU-TU']))]);
  const common = { actor, consultationCode: 'DH14', periodEnd };
  // [unit, which of its latest distinct opinions, note]
  const picks: [string, number, string | null][] = [
    ['LCU-X-TAMDUONG', 0, 'Nhiều đảng viên ở thôn, bản cùng nêu.'],
    ['LCU-X-TAMDUONG', 1, null],
    ['LCU-X-SINHO', 0, 'Ý kiến của cán bộ cơ sở, có giá trị tham khảo.'],
    ['LCU-CB-SVHTTDL', 0, null],
  ];
  const first = new Map<string, number>();
  for (const [code, index, note] of picks) {
    const unit = byCode.get(code);
    const opinionId = (await opinionsOf(code, 2))[index];
    if (unit === undefined || opinionId === undefined) continue;
    await pickRepresentativeOpinion(db, { ...common, unitId: unit, opinionId, note });
    if (index === 0) first.set(code, opinionId);
  }
  const ubnd = byCode.get('LCU-UBND');
  const province = byCode.get('LCU-TU');
  if (ubnd === undefined || province === undefined) return;
  for (const code of ['LCU-X-TAMDUONG', 'LCU-X-SINHO']) {
    const from = byCode.get(code);
    const opinionId = first.get(code);
    if (from !== undefined && opinionId !== undefined) await carryUpRepresentativeOpinion(db, { ...common, unitId: ubnd, fromUnitId: from, opinionId });
  }
  const tamDuong = first.get('LCU-X-TAMDUONG');
  if (tamDuong !== undefined) await carryUpRepresentativeOpinion(db, { ...common, unitId: province, fromUnitId: ubnd, opinionId: tamDuong, note: 'Đề nghị tiếp thu khi hoàn thiện dự thảo.' });
}
