/**
 * `lantoa reports status --regime CODE --unit UNIT_CODE --period-end YYYY-MM-DD [--json]`: who reported
 * to the unit in the period (on time, late, missing — also before the deadline), the rates, and the
 * counts over its whole reporting subtree, as the operator.
 */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/access/roles.js';
import { loadConfig, withDatabase } from '../../../platform/cli/runtime.js';
import { reportStatus, type ReportStatus } from '../status/status.js';
import { addressOptions, reportCliError, resolveAddress, type AddressOptions } from './report-address.js';

/** The command's JSON (item 8 of issue 13), instants as ISO strings. */
export function statusJson(s: ReportStatus) {
  return {
    unit: s.unit,
    periodStart: s.periodStart.toISOString(),
    periodEnd: s.periodEnd.toISOString(),
    deadline: s.deadline?.toISOString() ?? null,
    expected: s.expected,
    onTime: s.onTime,
    late: s.late,
    missing: s.missing,
    returned: s.returned,
    approved: s.approved,
    reportingRate: s.reportingRate,
    timelinessRate: s.timelinessRate,
    subtree: s.subtree,
    children: s.children.map((c) => ({ code: c.code, status: c.status, review: c.review, submittedAt: c.submittedAt?.toISOString() ?? null })),
  };
}

const statusWords = { onTime: 'đúng hạn', late: 'trễ hạn', missing: 'chưa gửi' } as const;
const reviewWords = { submitted: 'chờ xem xét', returned: 'bị trả lại', approved: 'đã phê duyệt' } as const;
const percent = (rate: number) => `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

function printStatus(s: ReportStatus): void {
  const lines = [
    `${s.unitName} (${s.unit}) — ${s.label}`,
    `  Đơn vị phải báo cáo: ${s.expected}; đúng hạn ${s.onTime}, trễ hạn ${s.late}, chưa gửi ${s.missing}; trả lại ${s.returned}, phê duyệt ${s.approved}`,
    `  Tỷ lệ gửi ${percent(s.reportingRate)}, tỷ lệ đúng hạn ${percent(s.timelinessRate)}`,
    `  Toàn cây: ${s.subtree.expected} đơn vị; đúng hạn ${s.subtree.onTime}, trễ hạn ${s.subtree.late}, chưa gửi ${s.subtree.missing}`,
    ...s.children.map((c) => `    ${c.code.padEnd(20)} ${statusWords[c.status].padEnd(9)} ${c.review ? reviewWords[c.review] : ''}  ${c.name}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

export function addStatusCommand(reports: Command): void {
  addressOptions(reports.command('status'))
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .description('Tình hình báo cáo kỳ dưới một đơn vị / who reported to a unit in a period')
    .action(async (options: AddressOptions & { json?: boolean }) => {
      const status = await withDatabase(loadConfig(), async (c) => {
        try {
          return await reportStatus(c.db, { actor: cliActor(), ...(await resolveAddress(c.db, options)) });
        } catch (error) {
          throw reportCliError(error);
        }
      });
      if (options.json) process.stdout.write(JSON.stringify(statusJson(status)) + '\n');
      else printStatus(status);
    });
}
