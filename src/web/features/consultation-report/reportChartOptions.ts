import type { WeeklyReportStatus, WeeklyReportView } from '../../api/types.js';
import { reportStatusChartColors, reportStatusLabels, reportText } from '../../i18n/consultation-report.js';
import { shortTitles, wrapLabel } from './chartLabels.js';
import type { ChartOption } from './EChart.js';

// The ECharts options of the weekly report's charts (ReportCharts), one function per chart.

const PRIMARY = '#1554a5';
const SECONDARY = '#91caff';

/** Opinions and submissions per week, as bars. */
export function perWeekOption(history: WeeklyReportView['history']): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [reportText.opinions, reportText.submissions], bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
    // Week labels never overlap: those that would are skipped (the tooltip names every week).
    xAxis: { type: 'category', data: history.map((w) => w.shortLabel), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: reportText.opinions, type: 'bar', data: history.map((w) => w.opinions), itemStyle: { color: PRIMARY } },
      { name: reportText.submissions, type: 'bar', data: history.map((w) => w.submissions), itemStyle: { color: SECONDARY } },
    ],
  };
}

/** The week's opinions by channel, as a ring. */
export function byChannelOption(channelData: { name: string; value: number }[], mobile: boolean): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ý kiến ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: mobile ? ['30%', '58%'] : ['35%', '65%'], center: ['50%', '44%'], data: channelData, label: { show: !mobile, formatter: '{b}\n{c}' } }],
  };
}

/**
 * The week's opinions by document (`titles` names them), as horizontal bars. Each axis label is the
 * title without the words all titles share, wrapped on two lines; the tooltip gives the full title.
 */
export function byDocumentOption(documentEntries: [string, number][], titles: Map<string, string>, mobile: boolean): ChartOption {
  const codes = documentEntries.map(([code]) => code);
  const full = codes.map((code) => titles.get(code) ?? code);
  const short = shortTitles(full);
  const labelOf = new Map(codes.map((code, i) => [code, wrapLabel(short[i] ?? code, mobile ? 16 : 30, 2)]));
  const titleOf = new Map(codes.map((code, i) => [code, full[i] ?? code]));
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { axisValue: string; value: number }[]) => {
        const [first] = params;
        return first ? `${escapeHtml(titleOf.get(first.axisValue) ?? first.axisValue)}<br/>${first.value} ý kiến` : '';
      },
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: codes,
      axisLabel: { formatter: (code: string) => labelOf.get(code) ?? code, lineHeight: 16 },
    },
    series: [{ name: reportText.opinions, type: 'bar', data: documentEntries.map(([, v]) => v), itemStyle: { color: PRIMARY }, label: { show: true, position: 'right' } }],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** How many children submitted, late or not, and how many have not, as a ring. */
export function byStatusOption(statusCounts: { status: WeeklyReportStatus; count: number }[], mobile: boolean): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} đơn vị ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: mobile ? ['30%', '58%'] : ['35%', '65%'],
        center: ['50%', '44%'],
        data: statusCounts
          .filter((s) => s.count > 0)
          .map((s) => ({ name: reportStatusLabels[s.status], value: s.count, itemStyle: { color: reportStatusChartColors[s.status] } })),
        label: mobile ? { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' } : { formatter: '{b}: {c}' },
      },
    ],
  };
}
