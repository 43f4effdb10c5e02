/**
 * `lantoa campaigns propose FILE [--json]`: the campaign structure proposed from a plan's text
 * (.txt, .md, .docx or a .pdf with a text layer, read by core within its limits). No database.
 * The other half of `lantoa campaigns` registers the command group and calls addProposeCommand.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { readDirectiveText } from '../../../core/vn-document/index.js';
import { readInputFile } from '../../../platform/cli/files.js';
import { asUsageError } from '../../../platform/cli/runtime.js';
import { campaignChannelLabels } from '../../../shared/campaign-channels.js';
import { proposalJson, proposeCampaign, type CampaignProposal, type TimeExpression } from '../propose/index.js';

const EDGES: Record<string, string> = { before: 'trước', start: 'khi bắt đầu', end: 'khi kết thúc', after: 'sau' };

function isoToVi(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function timeText(t: TimeExpression | null, p: CampaignProposal): string {
  if (!t) return '…';
  if (t.kind === 'date') return isoToVi(t.date);
  if (t.kind === 'text') return `"${t.text}"`;
  return `${EDGES[t.edge] ?? t.edge} ${p.milestones[t.milestone]?.title ?? `mốc ${t.milestone + 1}`}`;
}

const cut = (s: string, n = 110) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** The readable Vietnamese summary printed without --json. */
export function formatProposal(p: CampaignProposal): string {
  const lines: string[] = [];
  lines.push(`Mốc (${p.milestones.length}):`, ...p.milestones.map((m, i) => `  ${i + 1}. ${m.title}${m.starts ? ` (${isoToVi(m.starts)}${m.ends && m.ends !== m.starts ? ` – ${isoToVi(m.ends)}` : ''})` : ''}`));
  lines.push(`Đợt (${p.phases.length}):`, ...p.phases.map((x, i) => `  ${i + 1}. ${cut(x.title, 90)}\n     từ: ${timeText(x.starts, p)} · đến: ${timeText(x.ends, p)}`));
  lines.push(`Nội dung tuyên truyền (${p.themes.length}):`);
  p.themes.forEach((t, i) => lines.push(`  ${i + 1}. [${t.phase === null ? 'cả kế hoạch' : `đợt ${t.phase + 1}`}] ${cut(t.title)}`));
  lines.push(`Hình thức (${p.channels.length}):`, ...p.channels.map((c) => `  - ${c.channel ? campaignChannelLabels[c.channel] : `(khác) ${cut(c.text, 90)}`}`));
  lines.push(`Giao nhiệm vụ (${p.assignments.length}):`);
  p.assignments.forEach((a, i) => {
    lines.push(`  ${i + 1}. ${a.units.join('; ')}${a.groups.length ? ' (nhóm đơn vị)' : ''}`);
    if (a.lead) lines.push(`     chủ trì: ${a.lead}`);
    if (a.coordinating.length) lines.push(`     phối hợp: ${a.coordinating.join('; ')}`);
    if (a.deadline) lines.push(`     thời hạn: ${timeText(a.deadline, p)}`);
    if (a.phase !== null) lines.push(`     đợt: ${a.phase + 1}`);
    lines.push(`     nhiệm vụ: ${cut(a.text)}`);
  });
  return lines.join('\n') + '\n';
}

export function addProposeCommand(campaigns: Command): void {
  campaigns
    .command('propose')
    .argument('<file>', 'tệp kế hoạch .txt, .md, .docx hoặc .pdf (có lớp chữ) / a plan as a .txt, .md, .docx or .pdf (with a text layer) file')
    .option('--json', 'in đúng một đối tượng JSON / print exactly one JSON object')
    .description(
      'Đọc một kế hoạch tuyên truyền và đề xuất các đợt, nội dung, hình thức và giao nhiệm vụ (không cần cơ sở dữ liệu) / read a campaign plan and propose its phases, themes, channels and assignments (no database needed)',
    )
    .action(async (file: string, options: { json?: boolean }) => {
      const data = await readInputFile(file);
      const text = await readDirectiveText(data, path.basename(file)).catch((e: unknown) => {
        // An empty, unreadable or unsupported file is a bad argument, like a missing one: exit 2.
        throw asUsageError(e);
      });
      const proposal = proposeCampaign(text);
      process.stdout.write(options.json ? JSON.stringify(proposalJson(proposal)) + '\n' : formatProposal(proposal));
    });
}
