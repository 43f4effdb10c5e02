import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import type { WeeklyReportStatus, WeeklyReportView } from '../../api/types.js';
import { channelLabels, reportStatusLabels, reportText } from '../../i18n/consultation-report.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { EChart, type ChartOption } from './EChart.js';
import { byChannelOption, byDocumentOption, byStatusOption, perWeekOption } from './reportChartOptions.js';

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

  const perWeek = useMemo<ChartOption>(() => perWeekOption(history), [history]);

  const channelData = Object.entries(report.byChannel)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => ({ name: channelLabels[k] ?? k, value: v }));
  const byChannel = useMemo<ChartOption>(() => byChannelOption(channelData, mobile), [JSON.stringify(channelData), mobile]);

  const titles = new Map(consultation.documents.map((d) => [d.code, d.title]));
  const documentEntries = Object.entries(report.byDocument);
  const byDocument = useMemo<ChartOption>(() => byDocumentOption(documentEntries, titles, mobile), [JSON.stringify(documentEntries), mobile]);

  const statusCounts = (['submitted', 'late', 'missing', 'overdue'] as WeeklyReportStatus[]).map((s) => ({ status: s, count: children.filter((c) => c.status === s).length }));
  const byStatus = useMemo<ChartOption>(() => byStatusOption(statusCounts, mobile), [JSON.stringify(statusCounts), mobile]);

  // The text equivalents of the charts (ChartDataTable).
  const tables = {
    perWeek: { head: ['Tuần', reportText.opinions, reportText.submissions], rows: history.map((w) => [w.label, w.opinions, w.submissions]) },
    byChannel: { head: ['Kênh', reportText.opinions], rows: channelData.map((c) => [c.name, c.value]) },
    byDocument: { head: ['Dự thảo', reportText.opinions], rows: documentEntries.map(([code, v]) => [titles.get(code) ?? code, v]) },
    byStatus: { head: ['Tình trạng', 'Số đơn vị'], rows: statusCounts.map((s) => [reportStatusLabels[s.status], s.count]) },
  };

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <ChartCard title={reportText.perWeek}>
          <EChart option={perWeek} height={height} ariaLabel={reportText.perWeek} table={tables.perWeek} data-testid="chart-per-week" />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={reportText.byChannel}>
          {channelData.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ý kiến trong tuần" /> : <EChart option={byChannel} height={height} ariaLabel={reportText.byChannel} table={tables.byChannel} />}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={reportText.byDocument}>
          <EChart option={byDocument} height={Math.max(160, documentEntries.length * 48 + 40)} ariaLabel={reportText.byDocument} table={tables.byDocument} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={reportText.childrenStatus}>
          {children.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={reportText.noChildren} /> : <EChart option={byStatus} height={height} ariaLabel={reportText.childrenStatus} table={tables.byStatus} />}
        </ChartCard>
      </Col>
    </Row>
  );
}
