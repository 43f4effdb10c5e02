import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { WeeklyReportView } from '../../api/types.js';
import { reportText } from '../../i18n/consultation-report.js';

const n = (value: number) => value.toLocaleString('vi-VN');

function Change({ delta, percent }: { delta: number; percent: number | null }) {
  const color = delta > 0 ? '#389e0d' : delta < 0 ? '#cf1322' : undefined;
  const icon = delta > 0 ? <ArrowUpOutlined /> : delta < 0 ? <ArrowDownOutlined /> : null;
  return (
    <span style={{ color }}>
      {icon} {delta > 0 ? '+' : ''}
      {n(delta)}
      {percent !== null && delta !== 0 ? ` (${percent > 0 ? '+' : ''}${percent.toLocaleString('vi-VN')}%)` : ''}
    </span>
  );
}

/** The week's headline figures: submissions, opinions, cumulative totals and the change from the week before. */
export function ReportKpis({ view }: { view: WeeklyReportView }) {
  const { report, change } = view;
  return (
    <Row gutter={[12, 12]} data-testid="report-kpis">
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={reportText.submissions} value={n(report.submissions)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={reportText.opinions} value={n(report.opinions)} />
          {report.identicalGroups > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n(report.identicalGroups)} {reportText.identicalGroups}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={`${reportText.cumulative} (${reportText.submissions.toLocaleLowerCase('vi')} / ${reportText.opinions.toLocaleLowerCase('vi')})`} value={`${n(report.cumulative.submissions)} / ${n(report.cumulative.opinions)}`} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={reportText.change}
            valueRender={() => (
              <div style={{ fontSize: 16, lineHeight: 1.6 }}>
                <div>
                  {reportText.submissions}: <Change delta={change.submissions} percent={change.submissionsPercent} />
                </div>
                <div>
                  {reportText.opinions}: <Change delta={change.opinions} percent={change.opinionsPercent} />
                </div>
              </div>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
