import { Button, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { DocumentsCard } from '../features/consultation-manage/DocumentsCard.js';
import { PublicLinkCard } from '../features/consultation-manage/PublicLinkCard.js';
import { SettingsCard } from '../features/consultation-manage/SettingsCard.js';
import { useConsultationDetail, type ConsultationDetail } from '../features/consultation-manage/useConsultationManage.js';
import { manageText as t, statusColors, statusLabels } from '../i18n/consultation-manage.js';
import { formatDateTime } from '../lib/time.js';

function unitsText(detail: ConsultationDetail): string {
  if (detail.units.all) return detail.owner ? t.allSubtree(detail.owner.name) : t.allUnits;
  return detail.units.items.map((u) => u.name).join('; ');
}

/** `/dot-lay-y-kien/:code`: a consultation's settings, drafts, the public form's link and QR code; its managers change it before it closes. */
export function ConsultationDetailPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const detail = useConsultationDetail(code);
  if (detail.isError) return <ErrorResult page error={detail.error} onRetry={() => void detail.refetch()} />;
  if (detail.isPending) return <Skeleton active />;
  const d = detail.data;
  const query = `?dot=${encodeURIComponent(d.code)}`;
  return (
    <Flex vertical gap={12}>
      <title>{`${d.title} — Lan Tỏa`}</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {d.title} <Tag color={statusColors[d.status]}>{statusLabels[d.status]}</Tag>
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button onClick={() => void navigate(`/gop-y-tong-hop${query}`)}>{t.openReport}</Button>
          <Button onClick={() => void navigate(`/gop-y-tiep-nhan${query}`)}>{t.openIntake}</Button>
        </Flex>
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            <Card size="small">
              <Descriptions column={1} size="small" data-testid="consultation-detail">
                <Descriptions.Item label={t.owner}>{d.owner?.name ?? t.systemWide}</Descriptions.Item>
                <Descriptions.Item label={t.detailWindow}>
                  {formatDateTime(d.opensAt)} – {d.closesAt ? formatDateTime(d.closesAt) : t.openEnded}
                </Descriptions.Item>
                <Descriptions.Item label={t.detailCutoff}>{d.cutoff.label}</Descriptions.Item>
                <Descriptions.Item label={t.detailUnits}>{unitsText(d)}</Descriptions.Item>
              </Descriptions>
            </Card>
            <DocumentsCard detail={d} />
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            <PublicLinkCard code={d.code} title={d.title} publicPath={d.publicPath} />
            {d.canEdit ? <SettingsCard key={`${d.opensAt}|${d.closesAt}|${d.units.items.length}`} detail={d} /> : null}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
