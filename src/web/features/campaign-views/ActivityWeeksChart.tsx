import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import type { CampaignActivityWeeks } from '../../api/types.js';
import { formatDate } from '../../lib/time.js';
import { EChart } from '../consultation-report/EChart.js';
import { channelLabel } from './labels.js';

/** Activities per Vietnam week (from Monday), one stacked bar per week, one series per channel; the figures as a table for screen readers. */
export function ActivityWeeksChart({ weeks }: { weeks: CampaignActivityWeeks | undefined }) {
  const { option, table } = useMemo(() => {
    const rows = weeks?.weeks ?? [];
    const days = [...new Set(rows.map((r) => r.week))];
    const channels = [...new Set(rows.map((r) => r.channel))];
    const value = (week: string, channel: string | null) => rows.find((r) => r.week === week && r.channel === channel)?.activities ?? 0;
    return {
      option: {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: days.map((d) => `Tuần ${formatDate(d)}`) },
        yAxis: { type: 'value', minInterval: 1 },
        series: channels.map((c) => ({ type: 'bar', stack: 'all', name: channelLabel(c), data: days.map((d) => value(d, c)) })),
      },
      table: { head: ['Tuần bắt đầu', ...channels.map(channelLabel)], rows: days.map((d) => [formatDate(d), ...channels.map((c) => value(d, c))]) },
    };
  }, [weeks]);
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>Hoạt động theo tuần</h2>} size="small" data-testid="campaign-weeks">
      {!weeks || weeks.weeks.length === 0 ? (
        <Empty description="Chưa có hoạt động nào được ghi nhận." />
      ) : (
        <EChart option={option} ariaLabel="Số hoạt động theo tuần và hình thức" table={table} data-testid="campaign-weeks-chart" />
      )}
    </Card>
  );
}
