/**
 * The demo contest DH-TIMHIEU (issue 14, item 9), as the JSON of `lantoa contests define`: organised
 * by the Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu (the provincial propaganda board of the demo
 * tree), public, three weekly rounds counted from the day the demo loads — round 1 closed last week,
 * round 2 open now, round 3 next week — each drawing from its own topics of the demo bank, so the
 * practice mode on round 1's questions never shows a key of the open round. Pure data.
 */
import { addDays, vietnamInstant, vietnamToday, type CalendarDate } from '../../../platform/time/index.js';
import type { PredictionKind, Prize } from '../types.js';

export const DEMO_CONTEST_CODE = 'DH-TIMHIEU';
export const DEMO_ORGANISER_CODE = 'LCU-BTGDVTU';

export const demoPrizes: Prize[] = [
  { name: 'Giải Nhất', count: 1 },
  { name: 'Giải Nhì', count: 2 },
  { name: 'Giải Ba', count: 3 },
  { name: 'Giải Khuyến khích', count: 10 },
];

export const demoRules = [
  'Cuộc thi trực tuyến "Tìm hiểu các kỳ Đại hội Đảng" do Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu tổ chức, gồm 3 vòng thi theo tuần.',
  'Đối tượng: cán bộ, đảng viên, công chức, viên chức, người lao động, đoàn viên, hội viên, học sinh, sinh viên và Nhân dân trong và ngoài tỉnh; thành viên Ban Tổ chức không dự thi.',
  'Mỗi lượt thi gồm 10 câu hỏi trắc nghiệm rút ngẫu nhiên từ ngân hàng câu hỏi và 1 câu hỏi dự đoán số người trả lời đúng tất cả các câu hỏi trong tuần; thời gian mỗi lượt tối đa 10 phút; mỗi người dự thi tối đa 7 lượt mỗi tuần, tính kết quả lượt cao nhất (lượt đầu tiên nếu bằng điểm).',
  'Xếp hạng: điểm cao hơn; bằng điểm thì dự đoán gần đúng hơn với số người đạt điểm tuyệt đối do Ban Tổ chức công bố khi vòng thi kết thúc; vẫn bằng thì thời gian làm bài ngắn hơn; sau cùng là thời điểm nộp bài sớm hơn.',
  'Giải thưởng mỗi tuần: 1 giải Nhất, 2 giải Nhì, 3 giải Ba, 10 giải Khuyến khích; giải tập thể cho các đơn vị có tỷ lệ tham gia và điểm bình quân lượt đầu cao nhất.',
  'Đáp án và giải thích chỉ được công bố sau khi vòng thi kết thúc; sau đó có thể ôn tập không giới hạn bằng các câu hỏi của vòng đã kết thúc.',
].join('\n\n');

export interface DemoRoundDefinition {
  number: number;
  opens: string;
  closes: string;
  questionsPerAttempt: number;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  graceSeconds: number;
  prediction: PredictionKind;
  prizes: Prize[];
  topics: string[];
}

export interface DemoContestDefinition {
  code: string;
  title: string;
  organiserUnit: string;
  audience: 'public';
  rules: string;
  collectivePrizes: Prize[];
  rounds: DemoRoundDefinition[];
}

/** The topics each round draws from (see bank.ts `demoTopics`). */
export const demoRoundTopics: Record<number, string[]> = {
  1: ['Lịch sử Đảng', 'Đại hội I–V'],
  2: ['Đại hội VI–X'],
  3: ['Đại hội XI–XIV'],
};

const iso = (day: CalendarDate, time: string) => vietnamInstant(day, time).toISOString();

/**
 * Round r runs 7 days, from 08:00 of its first day to 22:00 of its last (Vietnam time); round 2's
 * first day is three days before `now`'s, so it is open at any hour of the day the demo loads and
 * round 1 closed three days or more before it.
 */
export function demoContestDefinition(now: Date): DemoContestDefinition {
  const today = vietnamToday(now);
  const round = (number: number): DemoRoundDefinition => {
    const first = addDays(today, 7 * (number - 2) - 3);
    return {
      number,
      opens: iso(first, '08:00'),
      closes: iso(addDays(first, 6), '22:00'),
      questionsPerAttempt: 10,
      timeLimitSeconds: 600,
      attemptsAllowed: 7,
      graceSeconds: 5,
      prediction: 'perfect-scores',
      prizes: demoPrizes,
      topics: demoRoundTopics[number] ?? [],
    };
  };
  return {
    code: DEMO_CONTEST_CODE,
    title: 'Tìm hiểu các kỳ Đại hội Đảng',
    organiserUnit: DEMO_ORGANISER_CODE,
    audience: 'public',
    rules: demoRules,
    collectivePrizes: [{ name: 'Giải tập thể', count: 3 }],
    rounds: [round(1), round(2), round(3)],
  };
}

/**
 * Headcounts (party members) of the demo units people pick, set by the province's unit admin;
 * the units of the other provinces have none (their participation rate shows as unknown).
 */
export const demoHeadcounts: Record<string, number> = {
  'LCU-BTGDVTU': 24,
  'LCU-DU-BTGDV': 9,
  'LCU-DU-VPDU': 14,
  'LCU-CB-SVHTTDL': 46,
  'LCU-CB-VPUBND': 58,
  'LCU-CB-SKHCN': 31,
  'LCU-CB-VPSGDDT': 37,
  'LCU-CB-THPTLQD': 42,
  'LCU-BPTTH': 63,
  'LCU-CTTDT': 12,
  'LCU-HVHNT': 27,
  'LCU-P-TANPHONG': 812,
  'LCU-P-DOANKET': 655,
  'LCU-X-TAMDUONG': 498,
  'LCU-X-SINHO': 421,
  'LCU-X-PHONGTHO': 536,
};
