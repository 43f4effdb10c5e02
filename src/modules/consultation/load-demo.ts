import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { units } from '../../platform/db/schema/index.js';
import { documentSections, type Channel, type ContributorGroup, type Stance } from './tables.js';
import { cliActor, type Actor } from '../../platform/access/roles.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { periodClosingOn } from '../../platform/time/index.js';
import { createConsultation } from './create-consultation.js';
import { storeSubmission } from './intake-store.js';
import { carryUpRepresentativeOpinion } from './representative-carry-up.js';
import { pickRepresentativeOpinion } from './representative-pick.js';
import { submitWeeklyReport } from './submit-weekly-report.js';
import { loadConsultation, weeklySchedule } from './weekly-report.js';

/**
 * The demo consultation (seed 004): feedback on the draft documents of the 14th Congress, with five
 * weeks of synthetic feedback from the Lai Châu party organisations under the Đảng ủy UBND tỉnh and the
 * communes, and their weekly reports — some on time, one late, some missing — and, in the last two
 * weeks, representative opinions picked in communes and party cells and carried up to the province.
 * Deterministic.
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
const weeks = ['2025-10-22', '2025-10-29', '2025-11-05', '2025-11-12', '2025-11-19'];
const vn = (local: string) => new Date(`${local}+07:00`);

export async function loadConsultationDemo(db: Db, actor: Actor = cliActor()): Promise<void> {
  const created = await createConsultation(db, {
    actor,
    input: {
      code: 'DH14',
      title: 'Lấy ý kiến góp ý vào dự thảo các văn kiện trình Đại hội XIV của Đảng',
      documents: documents.map((d) => ({ code: d.code, title: d.title })),
      opensAt: vn('2025-10-15T00:00:00'),
    },
  });
  const documentIds = new Map(created.documents.map((d) => [d.code, d.id]));
  for (const document of documents) {
    await db.insert(documentSections).values(
      document.sections.map(([ref, heading], position) => ({
        documentId: documentIds.get(document.code) as number,
        ref,
        parentRef: ref.includes('.') ? ref.split('.')[0] : null,
        heading: normalizeVi(heading),
        position,
      })),
    );
  }
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, reporting));
  const unitId = new Map(unitRows.map((u) => [u.code, u.id]));
  let n = 0;
  for (const [w, periodEnd] of weeks.entries()) {
    for (const [u, code] of reporting.entries()) {
      const id = unitId.get(code);
      if (id === undefined) continue;
      const count = 2 + ((u * 7 + w * 3) % 9);
      await db.transaction(async (tx) => {
        for (let i = 0; i < count; i++, n++) {
          const day = new Date(vn(`${periodEnd}T09:00:00`).getTime() - ((n % 6) + 1) * 86_400_000 + (n % 7) * 3_600_000);
          const opinions = Array.from({ length: 1 + (n % 3) }, (_, k) => {
            const t = texts[(n + k) % texts.length] as { stance: Stance; text: string };
            const document = documents[(n + k) % documents.length] as (typeof documents)[number];
            const section = document.sections[(n + 2 * k) % document.sections.length] as readonly [string, string];
            return { documentId: documentIds.get(document.code) as number, sectionRef: section[0], stance: t.stance, body: t.text };
          });
          const channel = channelCycle[n % channelCycle.length] as Channel;
          await storeSubmission(tx, {
            consultationId: created.id,
            externalId: `demo:${n}`,
            unitId: id,
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
    if (w >= weeks.length - 2) await pickDemoRepresentatives(db, actor, periodEnd, unitId);
    // Weekly reports of the party organisations to the Đảng ủy UBND tỉnh: on time, one late, one missing.
    const plan: [string, string | null][] = [
      ['LCU-CB-SVHTTDL', `${periodEnd}T09:00:00`],
      ['LCU-CB-VPUBND', w === weeks.length - 1 ? `${periodEnd}T17:30:00` : `${periodEnd}T10:00:00`],
      ['LCU-CB-SKHCN', w % 2 === 0 ? `${periodEnd}T08:00:00` : null],
      ['LCU-DU-SGDDT', null],
    ];
    for (const [code, at] of plan) {
      const id = unitId.get(code);
      if (id === undefined || at === null) continue;
      // Grassroots cells are due on Tuesday 16:00: sending on Wednesday morning is late, by design for one of them.
      const tuesday = new Date(vn(at).getTime() - 86_400_000);
      await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: id, periodEnd, now: code === 'LCU-CB-VPUBND' && w === weeks.length - 1 ? vn(at) : tuesday });
    }
  }
  const [board] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'LCU-DU-UBND'));
  if (board) {
    // Before the board freezes its report of the week before last: the cell's pick goes up to it.
    const periodEnd = weeks[weeks.length - 2] as string;
    const cell = unitId.get('LCU-CB-SVHTTDL');
    const [cellPick] = (await db.execute<{ opinion_id: number }>(sql`
      select r.opinion_id from representative_opinions r join consultations c on c.id = r.consultation_id
      where c.code = 'DH14' and r.unit_id = ${cell ?? 0} and r.period_end = ${periodEnd} order by r.id limit 1`)).rows;
    if (cell !== undefined && cellPick) {
      await carryUpRepresentativeOpinion(db, { actor, consultationCode: 'DH14', unitId: board.id, periodEnd, fromUnitId: cell, opinionId: cellPick.opinion_id });
    }
  }
  if (board) await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: board.id, periodEnd: weeks[weeks.length - 2] as string, now: vn(`${weeks[weeks.length - 2]}T15:30:00`) });
}

/**
 * Representative opinions of a demo week: two communes and a party cell pick some of their
 * opinions (distinct texts that say something), the UBND carries the communes' up, and the
 * province (Tỉnh ủy) carries one commune pick up again.
 */
async function pickDemoRepresentatives(db: Db, actor: Actor, periodEnd: string, unitId: Map<string, number>): Promise<void> {
  const consultation = await loadConsultation(db, 'DH14');
  const period = periodClosingOn(weeklySchedule(consultation), periodEnd);
  const opinionsOf = async (code: string, count: number): Promise<number[]> => {
    const rows = await db.execute<{ id: number }>(sql`
      select id from (
        select distinct on (o.body) o.id, s.submitted_at from submissions s join units u on u.id = s.unit_id join opinions o on o.submission_id = s.id
        where s.consultation_id = ${consultation.id} and u.code = ${code} and o.body <> ''
          and s.submitted_at >= ${period.start} and s.submitted_at < ${period.end}
        order by o.body, o.submitted_at, o.id) distinct_texts
      order by submitted_at desc, id desc limit ${count}`);
    return rows.rows.map((r) => r.id);
  };
  const ids = async (codes: string[]) => (await db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes))).map((u) => [u.code, u.id] as const);
  const byCode = new Map([...unitId, ...(await ids(['LCU-UBND', 'LCU-TU']))]);
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
