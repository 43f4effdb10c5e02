import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/time.js';
import type { PeriodUnit } from './api.js';
import { reviewColors, reviewLabels, timelinessColors, timelinessLabels } from './labels.js';
import { ReviewButtons } from './ReviewButtons.js';
import type { ChildReport } from './types.js';

/** A reporting child: its status, review, when it sent, a link to its report (versions, values), and the review buttons. */
function ChildItem({ p, child }: { p: PeriodUnit; child: ChildReport }) {
  return (
    <List.Item data-testid="child-row" data-unit={child.code}>
      <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
        <Flex gap={6} wrap align="center">
          <Link to={`/bao-cao/che-do/${p.regimeId}/ky/${p.periodEnd}/don-vi/${child.unitId}`} style={{ overflowWrap: 'anywhere' }}>
            {child.name}
          </Link>
          <Tag color={timelinessColors[child.status]} data-testid="child-status">
            {timelinessLabels[child.status]}
          </Tag>
          {child.review && (
            <Tag color={reviewColors[child.review]} data-testid="child-review">
              {reviewLabels[child.review]}
            </Tag>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {child.submittedAt ? `Gửi lúc ${formatDateTime(child.submittedAt)}${child.version ? ` · phiên bản ${child.version}` : ''}` : `Hạn: ${formatDateTime(child.deadline)}`}
        </Typography.Text>
        {child.submissionId != null && <ReviewButtons p={p} submissionId={child.submissionId} review={child.review} unitName={child.name} />}
      </Flex>
    </List.Item>
  );
}

/** Đơn vị báo cáo lên đơn vị này: on time / late / missing, submitted / returned / approved. */
export function ChildrenCard({ p, units }: { p: PeriodUnit; units: readonly ChildReport[] }) {
  const count = (s: ChildReport['status']) => units.filter((c) => c.status === s).length;
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>Đơn vị báo cáo lên</h2>}
      data-testid="children"
    >
      <Typography.Text type="secondary" data-testid="children-counts">{`${count('onTime')} đúng hạn · ${count('late')} quá hạn · ${count('missing')} chưa báo cáo`}</Typography.Text>
      {units.length === 0 ? <Empty description="Không có đơn vị nào báo cáo lên đơn vị này trong kỳ." /> : <List dataSource={[...units]} renderItem={(c) => <ChildItem p={p} child={c} />} />}
    </Card>
  );
}
