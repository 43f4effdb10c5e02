import path from 'node:path';
import type { Command } from 'commander';
import { parseDirective, readDirectiveFile, toParseJson } from '../../../core/vn-document/index.js';
import type { DeadlineRule, ParsedDirective, PartialDate, Section } from '../../../core/vn-document/index.js';
import type { ScanProgress } from '../../../platform/files/ocr.js';
import { readInputFile } from '../../../platform/cli/files.js';
import { asCliError } from '../../../platform/cli/runtime.js';
import { addCorrectionsCommand } from './corrections.js';

const WEEKDAYS = ['', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Chủ nhật'];
const PERIODS: Record<string, string> = {
  daily: 'hằng ngày',
  weekly: 'hằng tuần',
  monthly: 'hằng tháng',
  quarterly: 'hằng quý',
  half_year: '6 tháng một lần',
  yearly: 'hằng năm',
};
const RELATIONS: Record<string, string> = { implements: 'thực hiện', basis: 'căn cứ', cites: 'dẫn chiếu' };

function dateText(d: PartialDate | null): string {
  if (!d) return '(không rõ)';
  const part = (n: number | null) => (n === null ? '…' : String(n).padStart(2, '0'));
  return `ngày ${part(d.day)} tháng ${part(d.month)} năm ${d.year ?? '…'}`;
}

function ruleText(rule: DeadlineRule): string {
  const at = (t: string | null) => (t ? ` lúc ${t}` : '');
  switch (rule.kind) {
    case 'date':
      return `hạn ${dateText(rule.date)}${at(rule.time)}`;
    case 'weekly':
      return `${WEEKDAYS[rule.weekday]} hằng tuần${at(rule.time)}`;
    case 'periodic':
      return `định kỳ ${PERIODS[rule.period] ?? rule.period}${at(rule.time)}`;
    default:
      return 'khác';
  }
}

function outline(sections: Section[], depth: number, out: string[]): void {
  for (const s of sections) {
    if (!s.marker) continue;
    const text = s.text.length > 90 ? `${s.text.slice(0, 87)}…` : s.text;
    out.push(`${'  '.repeat(depth + 1)}${s.marker} ${text}`);
    if (depth < 2) outline(s.children, depth + 1, out);
  }
}

/** The human-readable summary, one labelled line per field. */
export function formatSummary(p: ParsedDirective): string {
  const v = <T>(x: { value: T } | null, f: (t: T) => string = String) => (x ? f(x.value) : '(không rõ)');
  const lines = [
    `Loại văn bản:      ${v(p.docType)}${p.convention ? ` (${p.convention === 'party' ? 'văn bản của Đảng' : 'văn bản của Nhà nước'})` : ''}`,
    `Số ký hiệu:        ${v(p.numberSymbol)}${p.numberSymbol && p.number === null ? ' (số để trống)' : ''}`,
    `Cơ quan ban hành:  ${v(p.issuer)}`,
    `Địa danh:          ${v(p.place)}`,
    `Ngày:              ${p.date ? dateText(p.date.value) : '(không rõ)'}`,
    `Trích yếu:         ${v(p.subject)}`,
    `Kính gửi:          ${p.recipients.length ? p.recipients.map((r) => r.value).join('; ') : '(không có)'}`,
    `Nơi nhận:          ${p.distribution.length ? p.distribution.map((r) => r.value).join('; ') : '(không có)'}`,
    `Người ký:          ${
      p.signer ? [p.signer.value.authority, p.signer.value.body, p.signer.value.title, p.signer.value.name].filter(Boolean).join(' – ') : '(không rõ)'
    }`,
    `Văn bản được dẫn:  ${p.references.length === 0 ? '(không có)' : ''}`,
    ...p.references.map(
      (r) =>
        `  - [${RELATIONS[r.relation]}] ${r.docType ?? 'Văn bản'} ${r.numberSymbol ?? ''}${r.date ? `, ${dateText(r.date)}` : ''}${r.issuer ? ` của ${r.issuer}` : ''}`,
    ),
    `Thời hạn:          ${p.deadlines.length === 0 ? '(không có)' : ''}`,
    ...p.deadlines.map((d) => `  - "${d.text}" → ${ruleText(d.rule)}`),
    'Bố cục:',
  ];
  const out: string[] = [];
  outline(p.sections, 0, out);
  lines.push(...(out.length ? out : ['  (không có mục đánh số)']));
  if (p.warnings.length) lines.push('Lưu ý:', ...p.warnings.map((w) => `  - ${w}`));
  return lines.join('\n') + '\n';
}

/** Progress of reading a scan, on stderr (stdout keeps only the result): "Đang nhận dạng trang 3/10…". */
function printScanProgress(): (progress: ScanProgress) => void {
  let shown = 0;
  return ({ started, done, total }) => {
    if (started > shown) {
      shown = started;
      process.stderr.write(`Đang nhận dạng trang ${started}/${total}…\n`);
    }
    if (done === total && total > 0 && started === total && done > 0) process.stderr.write(`Đã nhận dạng xong ${total} trang.\n`);
  };
}

export function registerDirectives(program: Command): void {
  const directives = program.command('directives').description('Văn bản chỉ đạo / directives');

  directives
    .command('parse')
    .argument('<file>', 'tệp .txt, .md, .docx hoặc .pdf (bản scan được nhận dạng chữ) / a .txt, .md, .docx or .pdf (scans read by OCR) file')
    .option('--json', 'in đúng một đối tượng JSON / print exactly one JSON object')
    .description('Đọc một văn bản chỉ đạo và in các trường đã nhận diện (không cần cơ sở dữ liệu) / read a directive and print what was found (no database needed)')
    .action(async (file: string, options: { json?: boolean }) => {
      const data = await readInputFile(file);
      const { text, scan } = await readDirectiveFile(data, path.basename(file), { onProgress: printScanProgress() }).catch((e: unknown) => {
        throw asCliError(e);
      });
      for (const warning of scan?.warnings ?? []) process.stderr.write(`Lưu ý: ${warning}\n`);
      const parsed = parseDirective(text);
      if (options.json) process.stdout.write(JSON.stringify(toParseJson(parsed)) + '\n');
      else process.stdout.write(formatSummary(parsed));
    });

  addCorrectionsCommand(directives);
}
