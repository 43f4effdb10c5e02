import type { Db } from '../../../platform/db/database.js';
import { cliActor, type Actor } from '../../../platform/access/roles.js';
import { addDays, formatIsoDate, vietnamToday } from '../../../platform/time/vietnam.js';
import { createCampaign } from '../plan/create-campaign.js';
import { implementingDraft } from '../plan/implementing-draft.js';
import { selectUnitIdsByCodes } from '../plan/unit-repository.js';
import { recordActivity } from '../activities/record-activity.js';
import { attachActivityFile } from '../activities/files.js';
import { markTaskDone } from '../activities/task-done.js';
import type { ActivityInput } from '../schemas-write.js';
import { seed002Plan } from './seed-002.js';
import { seed003Plan } from './seed-003.js';
import { demoPdf, demoPng } from './files.js';

const demoCodes = [
  'LCU-TU', 'LCU-SVHTTDL', 'LCU-BPTTH', 'LCU-CTTDT', 'LCU-HVHNT', 'LCU-P-TANPHONG', 'LCU-P-DOANKET', 'LCU-X-TAMDUONG', 'LCU-X-SINHO', 'LCU-X-PHONGTHO',
  'LCA-UBND', 'LCA-SVHTTDL', 'LCA-BLC', 'LCA-CTTDT', 'LCA-TTVHDA', 'LCA-P-CAMDUONG', 'LCA-P-LAOCAI', 'LCA-X-BATXAT',
];

type Task = { id: number; unitId: number };
type Act = Omit<ActivityInput, 'occurredOn' | 'themeIds' | 'channelText' | 'link'> & { daysAgo: number; file?: 'png' | 'pdf'; link?: string };

/**
 * The campaigns part of the demo workspace, dated around the day it is loaded: seed 003's plan
 * (Tỉnh ủy Lai Châu) and seed 002's (UBND tỉnh Lào Cai) confirmed with tasks to the demo units, the
 * Lào Cai department's implementing plan one level down, activities with quantities and a few
 * attached photos and PDFs; some tasks done, some overdue, some untouched.
 */
export async function loadCampaignsDemo(db: Db, actor: Actor = cliActor()): Promise<void> {
  const units = await selectUnitIdsByCodes(db, demoCodes);
  if (!units.has('LCU-TU') || !units.has('LCA-UBND')) return;
  const today = vietnamToday();
  const day = (offset: number) => formatIsoDate(addDays(today, offset));
  const unit = (code: string) => units.get(code);
  const taskOf = (tasks: Task[], code: string) => tasks.find((t) => t.unitId === unit(code)) as Task;
  const record = async (task: Task, acts: Act[]) => {
    for (const { daysAgo, file, link, ...a } of acts) {
      const { id } = await recordActivity(db, { actor, taskId: task.id, input: { ...a, occurredOn: day(-daysAgo), themeIds: [], link: link ?? null } });
      if (file) await attachActivityFile(db, { actor, activityId: id, file: file === 'png' ? { data: demoPng(), fileName: 'anh-hoat-dong.png' } : { data: demoPdf(), fileName: 'bao-cao-ket-qua.pdf' } });
    }
  };
  const done = (task: Task, note: string) => markTaskDone(db, { actor, taskId: task.id, note });

  const laiChau = await createCampaign(db, { actor, input: seed003Plan(day, unit) });
  const press = laiChau.tasks.filter((t) => t.assignmentIndex === 1);
  const communes = laiChau.tasks.filter((t) => t.assignmentIndex === 5);
  await record(taskOf(press, 'LCU-BPTTH'), [
    { daysAgo: 40, channel: 'press', title: 'Chuyên mục "Hướng tới Đại hội Đảng bộ tỉnh lần thứ XV" trên sóng truyền hình', quantities: { articles: 12, broadcasts: 8 }, link: 'https://example.org/chuyen-muc-dai-hoi' },
    { daysAgo: 26, channel: 'press', title: 'Tường thuật trực tiếp phiên khai mạc Đại hội', quantities: { broadcasts: 3 }, file: 'png' },
  ]);
  await done(taskOf(press, 'LCU-BPTTH'), 'Đã hoàn thành chuyên mục và tường thuật Đại hội.');
  await record(taskOf(press, 'LCU-CTTDT'), [{ daysAgo: 35, channel: 'e_portal', title: 'Đăng tin bài về công tác chuẩn bị Đại hội', quantities: { articles: 5 } }]);
  await record(taskOf(communes, 'LCU-P-TANPHONG'), [
    { daysAgo: 10, channel: 'loudspeakers', title: 'Phát thanh trên loa truyền thanh các tổ dân phố', quantities: { loudspeaker_broadcasts: 14 } },
    { daysAgo: 6, channel: 'visual_displays', title: 'Treo băng rôn, pano chào mừng Đại hội', quantities: { displays: 12 }, file: 'png' },
  ]);
  await done(taskOf(communes, 'LCU-P-TANPHONG'), 'Đã hoàn thành tuyên truyền trực quan và trên loa truyền thanh.');
  await record(taskOf(communes, 'LCU-P-DOANKET'), [{ daysAgo: 4, channel: 'meetings', title: 'Hội nghị quán triệt tại các tổ dân phố', quantities: { sessions: 3, attendees: 180 }, file: 'pdf' }]);
  await record(taskOf(communes, 'LCU-X-TAMDUONG'), [{ daysAgo: 2, channel: 'performances', title: 'Chương trình văn nghệ chào mừng Đại hội', quantities: { performances: 1, attendees: 350 } }]);

  const laoCai = await createCampaign(db, { actor, input: seed002Plan(day, unit) });
  const laoCaiCommunes = laoCai.tasks.filter((t) => t.assignmentIndex === 2);
  await record(taskOf(laoCaiCommunes, 'LCA-P-CAMDUONG'), [{ daysAgo: 12, channel: 'loudspeakers', title: 'Phát thanh chuyên đề về Đại hội XIV', quantities: { loudspeaker_broadcasts: 9 } }]);
  await done(taskOf(laoCaiCommunes, 'LCA-P-CAMDUONG'), 'Đã phát đủ 9 buổi.');
  await record(taskOf(laoCaiCommunes, 'LCA-P-LAOCAI'), [{ daysAgo: 8, channel: 'oral', title: 'Báo cáo viên nói chuyện chuyên đề tại các tổ dân phố', quantities: { sessions: 2, attendees: 120 } }]);
  const laoCaiPress = laoCai.tasks.filter((t) => t.assignmentIndex === 1);
  await record(taskOf(laoCaiPress, 'LCA-BLC'), [{ daysAgo: 5, channel: 'press', title: 'Mở chuyên mục "Đại hội XIV - Niềm tin và khát vọng"', quantities: { articles: 6 }, file: 'pdf' }]);

  // One level down: the Lào Cai department's own plan, drawn from the task it received, for its centre.
  const department = unit('LCA-SVHTTDL') as number;
  const draft = await implementingDraft(db, { actor, campaignId: laoCai.id, unitId: department });
  const child = await createCampaign(db, { actor, input: draft });
  const centreTask = child.tasks[0];
  if (centreTask) await record(centreTask, [{ daysAgo: 3, channel: 'performances', title: 'Chiếu phim lưu động về lịch sử Đảng tại các xã vùng cao', quantities: { performances: 4, attendees: 600 } }]);
}
