/**
 * Synthetic opinion files in the interchange format for the import benchmark: about 2.5 opinions per
 * submission (1–4), Vietnamese texts, 20 % of submissions with contact columns, deterministic (seed 2025).
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { once } from 'node:events';
import { prng, type UnitSeed } from './generate-tree.js';

const openings = ['Đề nghị', 'Tôi đề nghị', 'Cần', 'Nên', 'Kiến nghị', 'Đề xuất', 'Thống nhất và đề nghị', 'Đồng ý một phần, đề nghị'];
const actions = ['bổ sung', 'làm rõ', 'nhấn mạnh hơn', 'cụ thể hóa', 'viết gọn lại', 'đánh giá sâu hơn', 'đưa lên trước'];
const topics = [
  'vai trò của kinh tế tư nhân là một động lực quan trọng nhất',
  'chuyển đổi số quốc gia và phát triển khoa học, công nghệ',
  'công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
  'chính sách đối với đội ngũ cán bộ cơ sở sau sắp xếp đơn vị hành chính',
  'phát triển văn hóa, con người Việt Nam trong thời kỳ mới',
  'bảo vệ môi trường, ứng phó với biến đổi khí hậu ở Đồng bằng sông Cửu Long',
  'giáo dục và đào tạo, nhất là giáo dục vùng sâu, vùng xa',
  'chăm sóc sức khỏe Nhân dân và y tế cơ sở',
  'phòng, chống tham nhũng, lãng phí, tiêu cực',
  'quốc phòng, an ninh và đối ngoại',
];
const tails = ['', ' trong phần đánh giá kết quả nhiệm kỳ', ' ở mục phương hướng, nhiệm vụ', '; có lộ trình và nguồn lực thực hiện rõ ràng', ', gắn với trách nhiệm người đứng đầu'];
const channels = ['vneid', 'vneid', 'vneid', 'web', 'meeting', 'letter', 'email', 'press', 'other'];
const groups = ['can_bo', 'dang_vien', 'dang_vien', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'nhan_dan', 'nhan_dan', 'nguoi_vn_o_nuoc_ngoai', 'khac'];
const stances = ['agree', 'disagree', 'partial', 'none'];

/** Writes the CSV; returns its size in bytes, the number of submissions and of those with contact details. */
export async function writeOpinionCsv(file: string, units: UnitSeed[], opinions: number): Promise<{ bytes: number; submissions: number; withContact: number }> {
  const random = prng(2025);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const out = createWriteStream(file);
  out.write('\uFEFFsubmission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text,contributor_name,contributor_phone,contributor_id_number\n');
  const start = Date.UTC(2025, 9, 15, 1, 0, 0);
  let written = 0;
  let submissions = 0;
  let withContact = 0;
  let chunk = '';
  while (written < opinions) {
    submissions++;
    const id = `VNEID-${String(submissions).padStart(8, '0')}`;
    const at = new Date(start + Math.floor(random() * 40 * 86_400_000)).toISOString().replace('Z', '+00:00');
    const unit = pick(units).code;
    const channel = pick(channels);
    const group = pick(groups);
    const contact = random() < 0.2 ? `Nguyễn Văn ${submissions},09${String(submissions).padStart(8, '0')},` : ',,';
    if (contact !== ',,') withContact++;
    const count = Math.min(opinions - written, 1 + Math.floor(random() * 4)); // 1–4, mean 2.5
    for (let k = 0; k < count; k++) {
      const stance = pick(stances);
      const text = stance === 'agree' && random() < 0.5 ? '' : `${pick(openings)} ${pick(actions)} ${pick(topics)}${pick(tails)}.`;
      chunk += `${id},${at},${unit},${channel},${group},${random() < 0.7 ? 'BCCT' : 'BCTK'},${pick(['I.1', 'II.3', 'III.2.b', ''])},${stance},"${text}",${contact}\n`;
      written++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { bytes: (await fs.stat(file)).size, submissions, withContact };
}
