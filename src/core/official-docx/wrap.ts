/**
 * Line breaking for body names in the narrow header column. Word would fill the first line
 * greedily ("ĐẢNG ỦY ỦY BAN NHÂN DÂN" / "TỈNH"); official headers break where a reader
 * would ("ĐẢNG ỦY" / "ỦY BAN NHÂN DÂN TỈNH", "SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH").
 */
import { clean } from './text.js';

/** Estimated width in twips of a line of bold capitals in Times New Roman (slightly generous). */
export function capsWidth(text: string, sizePt: number): number {
  return Math.round(clean(text).length * sizePt * 0.64 * 20);
}

/** Words that open a (sub-)body name or a coordinated part: good places to start a new line. */
const GOOD_STARTS = ['VÀ', 'ỦY BAN', 'UỶ BAN', 'UBND', 'BAN', 'SỞ', 'HỘI ĐỒNG', 'ĐẢNG ỦY', 'ĐẢNG BỘ', 'CHI BỘ', 'VĂN PHÒNG', 'TRUNG TÂM', 'PHÒNG', 'CỤC', 'VỤ'];

const startsWith = (text: string, phrase: string) => text === phrase || text.startsWith(`${phrase} `);

function score(left: string, right: string): number {
  let s = Math.abs(left.length - right.length);
  if (GOOD_STARTS.some((w) => startsWith(right, w))) s -= 30;
  // Never split a phrase such as "ỦY BAN" between the lines.
  const straddling = `${left.slice(left.lastIndexOf(' ') + 1)} ${right}`;
  if (GOOD_STARTS.some((w) => w.includes(' ') && startsWith(straddling, w))) s += 60;
  if (left.endsWith(',')) s -= 20;
  return s;
}

/**
 * The name split into lines ("\n") that fit `widthTwips` at `sizePt`. A name that fits, or
 * that already holds line breaks, is returned as it is; so is one no two-line split can fit.
 */
export function breakBodyName(name: string, widthTwips: number, sizePt: number): string {
  if (name.includes('\n')) return name;
  const text = clean(name).toLocaleUpperCase('vi');
  if (capsWidth(text, sizePt) <= widthTwips) return text;
  const words = text.split(' ');
  let best: { text: string; score: number } | null = null;
  for (let i = 1; i < words.length; i++) {
    const left = words.slice(0, i).join(' ');
    const right = words.slice(i).join(' ');
    if (capsWidth(left, sizePt) > widthTwips || capsWidth(right, sizePt) > widthTwips) continue;
    const s = score(left, right);
    if (!best || s < best.score) best = { text: `${left}\n${right}`, score: s };
  }
  return best ? best.text : text;
}
