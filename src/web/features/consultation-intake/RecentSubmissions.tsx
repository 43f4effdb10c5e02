import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import type { RecentSubmission, StaffIntakeDocument } from '../../api/types.js';
import { ErrorResult } from '../../components/ErrorResult.js';
import { channelLabels, contributorGroupLabels, intakeText as t, meetingKindLabels, stanceLabels } from '../../i18n/consultation.js';
import { formatDateTime } from '../../lib/time.js';
import { ContactReveal } from './ContactReveal.js';
import { opinionPlace } from './intakeValues.js';
import { useRecentSubmissions } from './useIntake.js';

const stanceColors = { agree: 'green', disagree: 'red', partial: 'gold', none: 'default' } as const;

function SubmissionCard({ item, code, documents, canViewContacts }: { item: RecentSubmission; code: string; documents: StaffIntakeDocument[]; canViewContacts: boolean }) {
  const titleOf = (documentCode: string) => documents.find((d) => d.code === documentCode)?.title ?? documentCode;
  const hidden = item.opinionCount - item.opinions.length;
  return (
    <Card size="small" data-testid={`recent-item-${item.id}`}>
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Flex wrap gap={6} align="center">
          <Tag color="blue">{channelLabels[item.channel]}</Tag>
          <Typography.Text>{formatDateTime(item.submittedAt)}</Typography.Text>
          <Typography.Text type="secondary">· {contributorGroupLabels[item.contributorGroup]}</Typography.Text>
          <Typography.Text type="secondary">· {t.opinions(item.opinionCount)}</Typography.Text>
        </Flex>
        {item.meeting ? (
          <Typography.Text strong>
            {meetingKindLabels[item.meeting.kind]}: {item.meeting.title} <Typography.Text type="secondary">({t.attendeesCount(item.meeting.attendees)})</Typography.Text>
          </Typography.Text>
        ) : null}
        {item.opinions.map((o, i) => (
          <div key={i}>
            <Tag color={stanceColors[o.stance]}>{stanceLabels[o.stance]}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {opinionPlace(titleOf(o.documentCode), o.sectionRef, t.wholeDocument)}
            </Typography.Text>
            {o.text ? <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>{o.text + (o.truncated ? '…' : '')}</Typography.Paragraph> : null}
          </div>
        ))}
        {hidden > 0 ? <Typography.Text type="secondary">{t.moreOpinions(hidden)}</Typography.Text> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.selfSubmitted ? t.selfSubmitted : `${t.enteredBy}: ${item.enteredBy ?? '—'}`} · {t.receivedOn} {formatDateTime(item.recordedAt)}
        </Typography.Text>
        {canViewContacts && item.contact === 'stored' ? <ContactReveal code={code} submissionId={item.id} /> : null}
        {canViewContacts && item.contact === 'erased' ? <Typography.Text type="secondary">{t.contactErased}</Typography.Text> : null}
      </Space>
    </Card>
  );
}

/** The submissions the unit received most recently (every channel), newest first. */
export function RecentSubmissions({ code, unitId, documents }: { code: string; unitId: number; documents: StaffIntakeDocument[] }) {
  const recent = useRecentSubmissions(code, unitId);
  if (recent.isPending) return <Skeleton active />;
  if (recent.isError && !recent.data) return <ErrorResult error={recent.error} onRetry={() => void recent.refetch()} />;
  const pages = recent.data.pages;
  const items = pages.flatMap((p) => p.items);
  const canViewContacts = pages[0]?.canViewContacts ?? false;
  return (
    <Flex vertical gap={8} data-testid="recent-submissions">
      {recent.isError ? <Alert type="warning" showIcon message="Chưa cập nhật được danh sách mới nhất; đang hiển thị lần tải trước." /> : null}
      {items.length === 0 ? <Empty description={t.recentEmpty} /> : null}
      {items.map((item) => (
        <SubmissionCard key={item.id} item={item} code={code} documents={documents} canViewContacts={canViewContacts} />
      ))}
      {recent.hasNextPage ? (
        <Button onClick={() => void recent.fetchNextPage()} loading={recent.isFetchingNextPage} block>
          {t.more}
        </Button>
      ) : null}
    </Flex>
  );
}
