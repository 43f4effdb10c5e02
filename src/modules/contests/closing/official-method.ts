/**
 * The official figure's method, in Vietnamese: what was counted, over which attempts, and the
 * cut-off instant in Vietnam time, so that anyone can check the winners against it.
 */
import { vietnamLocalMs } from '../../../platform/time/index.js';
import type { PredictionKind } from '../types.js';

export interface RoundFigures {
  attempts: number;
  people: number;
  perfectScores: number;
}

const count = (n: number) => n.toLocaleString('vi-VN');
const pad = (n: number) => String(n).padStart(2, '0');

/** "20:00:05 ngày 16/11/2025" in Vietnam time, to the second. */
export function vietnamSecond(at: Date): string {
  const l = new Date(vietnamLocalMs(at));
  return `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())} ngày ${pad(l.getUTCDate())}/${pad(l.getUTCMonth() + 1)}/${l.getUTCFullYear()}`;
}

export function officialFigureOf(kind: PredictionKind, figures: RoundFigures): number {
  return kind === 'perfect-scores' ? figures.perfectScores : figures.attempts;
}

export function officialMethod(input: { kind: PredictionKind; number: number; closesAt: Date; cutOff: Date; figures: RoundFigures }): string {
  const { kind, number, figures } = input;
  const what =
    kind === 'perfect-scores'
      ? `Con số chính thức của vòng ${number} là số người có ít nhất một lượt thi đạt điểm tuyệt đối (trả lời đúng tất cả các câu hỏi của lượt): ${count(figures.perfectScores)} người`
      : `Con số chính thức của vòng ${number} là số lượt thi: ${count(figures.attempts)} lượt`;
  const over = `, đếm trên ${count(figures.attempts)} lượt thi chính thức của ${count(figures.people)} người (mỗi người được nhận diện bằng một số điện thoại, số định danh hoặc tài khoản; không tính lượt ôn tập)`;
  const when = `, gồm mọi lượt bắt đầu trước ${vietnamSecond(input.closesAt)} và được chấm theo các câu trả lời lưu trước khi hết giờ làm bài cộng thời gian gia hạn; lượt không bấm nộp bài được chấm như nộp lúc hết giờ. Số liệu chốt lúc ${vietnamSecond(input.cutOff)} (giờ Việt Nam).`;
  return what + over + when;
}
