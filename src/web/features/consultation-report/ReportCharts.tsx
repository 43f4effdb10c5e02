import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import type { WeeklyReportStatus, WeeklyReportView } from '../../api/types.js';
import { channelLabels, reportStatusChartColors, reportStatusLabels, reportText } from '../../i18n/consultation-report.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { EChart, type ChartOption } from './EChart.js';

const PRIMARY = '#1554a5';
const SECONDARY = '#91caff';

function ChartCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={title} styles={{ body: { padding: 8 } }}>
      {children}
    </Card>
  );
}

/** Opinions per week, by channel, by document and the children's report status (ECharts). */
export function ReportCharts({ view }: { view: WeeklyReportView }) {
  const mobile = useIsMobile();
  const height = mobile ? 240 : 280;
  const { report, history, consultation, children } = view;

  const perWeek = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [reportText.opinions, reportText.submissions], bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: history.map((w) => w.shortLabel) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: reportText.opinions, type: 'bar', data: history.map((w) => w.opinions), itemStyle: { color: PRIMARY } },
        { name: reportText.submissions, type: 'bar', data: history.map((w) => w.submissions), itemStyle: { color: SECONDARY } },
      ],
    }),
    [history],
  );

  const channelData = Object.entries(report.byChannel)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => ({ name: channelLabels[k] ?? k, value: v }));
  const byChannel = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ý kiến ({d}%)' },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: mobile ? ['30%', '58%'] : ['35%', '65%'], center: ['50%', '44%'], data: channelData, label: { show: !mobile, formatter: '{b}\n{c}' } }],
    }),
    [JSON.stringify(channelData), mobile],
  );

  const titles = new Map(consultation.documents.map((d) => [d.code, d.title]));
  const documentEntries = Object.entries(report.byDocument);
  const byDocument = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: documentEntries.map(([code]) => titles.get(code) ?? code),
        axisLabel: { width: mobile ? 110 : 200, overflow: 'truncate' },
      },
      series: [{ name: reportText.opinions, type: 'bar', data: documentEntries.map(([, v]) => v), itemStyle: { color: PRIMARY }, label: { show: true, position: 'right' } }],
    }),
    [JSON.stringify(documentEntries), mobile],
  );

  const statusCounts = (['submitted', 'late', 'missing'] as WeeklyReportStatus[]).map((s) => ({ status: s, count: children.filter((c) => c.status === s).length }));
  const byStatus = useMemo<ChartOption>(
    () => ({
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
    }),
    [JSON.stringify(statusCounts), mobile],
  );

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <ChartCard title={reportText.perWeek}>
          <EChart option={perWeek} height={height} ariaLabel={reportText.perWeek} data-testid="chart-per-week" />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={reportText.byChannel}>
          {channelData.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ý kiến trong tuần" /> : <EChart option={byChannel} height={height} ariaLabel={reportText.byChannel} />}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={reportText.byDocument}>
          <EChart option={byDocument} height={Math.max(160, documentEntries.length * 48 + 40)} ariaLabel={reportText.byDocument} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={reportText.childrenStatus}>
          {children.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={reportText.noChildren} /> : <EChart option={byStatus} height={height} ariaLabel={reportText.childrenStatus} />}
        </ChartCard>
      </Col>
    </Row>
  );
}
