import { Descriptions, Flex, List, Tag, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import type { Addressee, Directive } from '../../api/types.js';
import { conventionLabels, describeDeadlineRule, formatPartialDate, relationLabels } from '../../i18n/directives.js';
import { formatDateTime } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { groupAddressees } from './directiveFormValues.js';

function UnitLink({ id, name }: { id: number | null; name: string | null }) {
  if (id === null) return <Typography.Text type="secondary">Chưa liên kết đơn vị</Typography.Text>;
  return <Link to={`/don-vi?id=${id}`}>{name ?? `Đơn vị #${id}`}</Link>;
}

/** Names as written, each with the units it was linked to (a group name may stand for many). */
function AddresseeList({ list }: { list: Addressee[] }) {
  if (list.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const names = new Map(list.filter((a) => a.unitId !== null).map((a) => [a.unitId as number, a.unitName]));
  const rows = groupAddressees(list);
  return (
    <Flex vertical gap={6}>
      {rows.map((row, i) => (
        <div key={i}>
          <div>{row.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            →{' '}
            {row.unitIds.length === 0 ? (
              <UnitLink id={null} name={null} />
            ) : row.unitIds.length <= 3 ? (
              row.unitIds.map((id, k) => (
                <span key={id}>
                  {k > 0 && ', '}
                  <UnitLink id={id} name={names.get(id) ?? null} />
                </span>
              ))
            ) : (
              `${row.unitIds.length} đơn vị`
            )}
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}

function signerText(d: Directive): string {
  const s = d.signer;
  if (!s) return '—';
  return [[s.authority, s.body].filter(Boolean).join(' '), s.title, s.name].filter((p) => p && p.trim()).join(' — ') || '—';
}

export function directiveTitle(d: Pick<Directive, 'docType' | 'numberSymbol'>): string {
  return [d.docType ?? 'Văn bản', d.numberSymbol ? `số ${d.numberSymbol}` : null].filter(Boolean).join(' ');
}

/** The registered fields of a directive as description rows. */
function directiveItems(d: Directive): DescriptionsProps['items'] {
  return [
    { key: 'docType', label: 'Loại văn bản', children: d.docType ?? '—' },
    { key: 'convention', label: 'Thể thức', children: d.convention ? conventionLabels[d.convention] : '—' },
    { key: 'numberSymbol', label: 'Số, ký hiệu', children: d.numberSymbol ?? '—' },
    {
      key: 'issuer',
      label: 'Cơ quan ban hành',
      children: (
        <Flex vertical>
          <span>{d.issuerName ?? '—'}</span>
          {d.issuerName && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              → <UnitLink id={d.issuerUnitId} name={d.issuerUnitName} />
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'place', label: 'Địa danh, ngày', children: `${d.place ?? '—'}, ${formatPartialDate(d.date)}` },
    { key: 'subject', label: 'Trích yếu', children: d.subject ?? '—' },
    { key: 'recipients', label: 'Kính gửi', children: <AddresseeList list={d.recipients} /> },
    { key: 'distribution', label: 'Nơi nhận', children: <AddresseeList list={d.distribution} /> },
    { key: 'signer', label: 'Người ký', children: signerText(d) },
    {
      key: 'deadlines',
      label: 'Thời hạn',
      children:
        d.deadlines.length === 0 ? (
          '—'
        ) : (
          <Flex vertical gap={4}>
            {d.deadlines.map((x, i) => (
              <div key={i}>
                <Typography.Text strong>{describeDeadlineRule(x.rule)}</Typography.Text>
                <div style={{ fontSize: 13 }}>{x.text}</div>
              </div>
            ))}
          </Flex>
        ),
    },
    { key: 'owner', label: 'Đơn vị đăng ký', children: <UnitLink id={d.ownerUnitId} name={d.ownerUnitName} /> },
    { key: 'updatedAt', label: 'Cập nhật lần cuối', children: formatDateTime(d.updatedAt) },
  ];
}

/** Every registered field of a directive, references with their targets, and who cites it. */
export function DirectiveInfo({ directive: d }: { directive: Directive }) {
  const isMobile = useIsMobile();
  return (
    <Flex vertical gap={16}>
      <Descriptions column={1} bordered size="small" items={directiveItems(d)} styles={{ label: { width: isMobile ? 96 : 150 } }} />
      <ReferenceList references={d.references} />
      <CitedByList citedBy={d.citedBy} />
    </Flex>
  );
}

/** A section heading under the page's h1, at the size of antd's h5. */
const subheading = { fontSize: 16, lineHeight: 1.5 } as const;

/** "Văn bản được dẫn": what the directive cites, linked when registered. */
function ReferenceList({ references }: { references: Directive['references'] }) {
  return (
  <div>
    <Typography.Title level={2} style={subheading}>
      Văn bản được dẫn
    </Typography.Title>
    <List
      size="small"
      bordered
      dataSource={references}
      locale={{ emptyText: 'Văn bản không dẫn văn bản nào.' }}
      renderItem={(r) => (
        <List.Item>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex gap={8} wrap align="center">
              <Tag color={r.relation === 'implements' ? 'blue' : r.relation === 'basis' ? 'purple' : 'default'}>{relationLabels[r.relation]}</Tag>
              {r.targetId !== null ? (
                <Link to={`/van-ban/${r.targetId}`}>{directiveTitle(r)}</Link>
              ) : (
                <>
                  <span>{directiveTitle(r)}</span>
                  <Tag>Chưa có trong sổ</Tag>
                </>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {[formatPartialDate(r.date), r.issuerName].filter((p) => p && p !== '—').join(' — ')}
              {r.targetSubject ? ` — ${r.targetSubject}` : ''}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  </div>
  );
}

/** "Được dẫn bởi": registered directives citing this one. */
function CitedByList({ citedBy }: { citedBy: Directive['citedBy'] }) {
  return (
  <div>
    <Typography.Title level={2} style={subheading}>
      Được dẫn bởi
    </Typography.Title>
    <List
      size="small"
      bordered
      dataSource={citedBy}
      locale={{ emptyText: 'Chưa có văn bản nào trong sổ dẫn văn bản này.' }}
      renderItem={(c) => (
        <List.Item>
          <Flex gap={8} wrap align="center">
            <Tag>{relationLabels[c.relation]}</Tag>
            <Link to={`/van-ban/${c.id}`}>{c.numberSymbol ?? 'Văn bản không số'}</Link>
            {c.subject && <Typography.Text type="secondary">{c.subject}</Typography.Text>}
          </Flex>
        </List.Item>
      )}
    />
  </div>
  );
}
