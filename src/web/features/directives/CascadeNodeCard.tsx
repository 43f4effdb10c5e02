import { Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CascadeNode } from '../../api/types.js';
import { formatPartialDate, statusColors, statusLabels } from '../../i18n/directives.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { CascadeUnitTable } from './CascadeUnitTable.js';

function Summary({ node }: { node: CascadeNode }) {
  const { addressed, implemented, acknowledged, none } = node.summary;
  if (addressed === 0) return <Typography.Text type="secondary">Văn bản chưa gửi tới đơn vị nào trong hệ thống.</Typography.Text>;
  const pct = (n: number) => Math.round((n / addressed) * 100);
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} wrap>
        <Tag color={statusColors.implemented}>
          {statusLabels.implemented}: {implemented}
        </Tag>
        <Tag color={statusColors.acknowledged}>
          {statusLabels.acknowledged}: {acknowledged}
        </Tag>
        <Tag color={statusColors.none}>
          {statusLabels.none}: {none}
        </Tag>
        <Typography.Text type="secondary">/ {addressed} đơn vị</Typography.Text>
      </Flex>
      <Progress
        percent={pct(implemented + acknowledged)}
        success={{ percent: pct(implemented) }}
        size="small"
        style={{ maxWidth: 360, marginBottom: 0 }}
        aria-label={`${implemented + acknowledged} trên ${addressed} đơn vị đã nhận hoặc đã thực hiện`}
      />
    </Flex>
  );
}

/** One directive of the chain with its summary and units, then its implementing directives below. */
export function CascadeNodeCard({ node, onlyNone, depth = 0 }: { node: CascadeNode; onlyNone: boolean; depth?: number }) {
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(node.isCurrent);
  const title = `${node.docType ?? 'Văn bản'} ${node.numberSymbol ?? '(không số)'}`;
  const meta = [formatPartialDate(node.date), node.issuerName].filter((p) => p && p !== '—').join(' — ');
  return (
    <Flex vertical gap={8}>
      <Card
        size="small"
        data-current={node.isCurrent || undefined}
        style={node.isCurrent ? { borderColor: '#1554a5', boxShadow: '0 0 0 2px rgba(21,84,165,0.25)' } : node.kind === 'placeholder' ? { background: '#fafafa', borderStyle: 'dashed' } : undefined}
      >
        <Flex vertical gap={6}>
          <Flex gap={8} wrap align="center">
            {node.kind === 'directive' && node.directiveId !== null ? (
              <Link to={`/van-ban/${node.directiveId}`} style={{ fontWeight: 600 }}>
                {title}
              </Link>
            ) : (
              <Typography.Text strong>{title}</Typography.Text>
            )}
            {node.isCurrent && <Tag color="processing">Văn bản đang xem</Tag>}
            {node.kind === 'placeholder' && <Tag>Chưa đăng ký trong hệ thống</Tag>}
          </Flex>
          {meta && <Typography.Text type="secondary">{meta}</Typography.Text>}
          {node.subject && <Typography.Paragraph style={{ marginBottom: 0 }}>{node.subject}</Typography.Paragraph>}
          {node.kind === 'directive' && (
            <>
              <Summary node={node} />
              {node.units.length > 0 && (
                <Button type="link" size="small" onClick={() => setOpen((v) => !v)} style={{ alignSelf: 'flex-start', paddingInline: 0 }} aria-expanded={open}>
                  {open ? 'Ẩn danh sách đơn vị' : `Xem ${node.units.length} đơn vị nhận văn bản`}
                </Button>
              )}
              {open && <CascadeUnitTable units={node.units} onlyNone={onlyNone} />}
            </>
          )}
        </Flex>
      </Card>
      {node.children.length > 0 && (
        <Flex vertical gap={8} role="group" style={{ marginInlineStart: isMobile ? 8 : 24, paddingInlineStart: isMobile ? 8 : 16, borderInlineStart: '2px solid #d9d9d9' }}>
          {node.children.map((child, i) => (
            <CascadeNodeCard key={child.directiveId ?? `p${depth}-${i}`} node={child} onlyNone={onlyNone} depth={depth + 1} />
          ))}
        </Flex>
      )}
    </Flex>
  );
}
