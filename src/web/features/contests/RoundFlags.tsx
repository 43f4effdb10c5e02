import { Button, Card, Flex, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { contestFlagLabels } from '../../../shared/labels.js';
import { flagDecisionLabels } from '../../i18n/contests.js';
import { errorText } from '../../i18n/errors.js';
import { useRoundActions, useRoundFlags } from './api.js';

interface Flag {
  id: number;
  kind: keyof typeof contestFlagLabels;
  label?: string;
  details?: unknown;
  people?: { name: string; unit?: string; rank?: number | null; prize?: string | null }[];
  decision?: keyof typeof flagDecisionLabels | null;
  reviewedBy?: string | null;
  concernsPrize?: boolean;
}

function describe(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}

function FlagItem({ flag, onReview, busy }: { flag: Flag; onReview: (decision: 'cleared' | 'excluded', note: string) => void; busy: boolean }) {
  const [note, setNote] = useState('');
  return (
    <List.Item data-testid="flag">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="baseline">
          <strong>{contestFlagLabels[flag.kind] ?? flag.label ?? flag.kind}</strong>
          {flag.concernsPrize && <Tag color="error">Liên quan người đạt giải</Tag>}
          {flag.decision ? <Tag color={flag.decision === 'excluded' ? 'error' : 'success'}>{flagDecisionLabels[flag.decision]}</Tag> : <Tag color="warning">Chưa xem xét</Tag>}
        </Flex>
        {flag.people && <span>{flag.people.map((p) => `${p.name}${p.unit ? ` (${p.unit})` : ''}${p.rank ? `, hạng ${p.rank}` : ''}`).join('; ')}</span>}
        <Typography.Text type="secondary">{describe(flag.details)}</Typography.Text>
        {flag.reviewedBy && <span>{`Người xem xét: ${flag.reviewedBy}`}</span>}
        {!flag.decision && (
          <Flex gap={8} wrap>
            <Input aria-label="Ghi chú xem xét" placeholder="Ghi chú xem xét" value={note} onChange={(e) => setNote(e.target.value)} style={{ maxWidth: 360 }} />
            <Button loading={busy} onClick={() => onReview('cleared', note)}>{flagDecisionLabels.cleared}</Button>
            <Button danger loading={busy} onClick={() => onReview('excluded', note)}>{flagDecisionLabels.excluded}</Button>
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}

/** The suspicious patterns found after the round closed, each to be cleared or excluded before the results are confirmed. */
export function RoundFlags({ contestId, round }: { contestId: number; round: number }) {
  const flags = useRoundFlags(contestId, round);
  const { review } = useRoundActions(contestId, round);
  const rows: Flag[] = flags.data?.flags ?? [];
  const computed = flags.data?.computed ?? true;
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{`Dấu hiệu bất thường (${rows.length})`}</h2>} data-testid="round-flags">
      {!computed && <Typography.Paragraph type="secondary">Hệ thống đang rà soát dấu hiệu bất thường của vòng thi; tải lại trang sau ít phút.</Typography.Paragraph>}
      {review.isError && <Typography.Text type="danger" role="alert">{errorText(review.error)}</Typography.Text>}
      <List loading={flags.isPending} dataSource={rows} locale={{ emptyText: 'Không có dấu hiệu bất thường.' }} renderItem={(f) => <FlagItem key={f.id} flag={f} busy={review.isPending} onReview={(decision, note) => review.mutate({ flagId: f.id, decision, note })} />} />
    </Card>
  );
}
