import { WarningOutlined } from '@ant-design/icons';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { ReportForm } from '../../../shared/report-form.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { consolidationRows, mismatchText, type ConsolidationRow } from './consolidationTable.js';
import { showValue } from './fillForm.js';
import type { ConsolidatedReport } from './types.js';

function Flag({ row }: { row: ConsolidationRow }) {
  if (!row.mismatch) return null;
  return (
    <Flex vertical gap={2}>
      <Tag color="error" icon={<WarningOutlined />} data-testid="mismatch">
        Số liệu chưa khớp
      </Tag>
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {mismatchText(row.mismatch)}
      </Typography.Text>
    </Flex>
  );
}

function PhoneRows({ rows, report }: { rows: ConsolidationRow[]; report: ConsolidatedReport }) {
  return (
    <Flex vertical gap={8}>
      {rows.map((r) => (
        <Card key={r.code} size="small" type="inner" title={`${r.code}. ${r.label}`} data-testid="consolidation-row">
          <Flex justify="space-between" gap={8}>
            <span>{report.unit.name} (tự thực hiện)</span>
            <span>{showValue(r.own)}</span>
          </Flex>
          {report.children.map((c) => (
            <Flex key={c.unitId} justify="space-between" gap={8}>
              <span style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{c.name}</span>
              <span>{showValue(r.byChild[c.unitId])}</span>
            </Flex>
          ))}
          <Flex justify="space-between" gap={8} style={{ fontWeight: 600 }}>
            <span>Tổng hợp</span>
            <span data-testid={`total-${r.code}`}>{showValue(r.total)}</span>
          </Flex>
          <Flag row={r} />
        </Card>
      ))}
    </Flex>
  );
}

/** Bảng tổng hợp: a row per indicator, a column for the unit's own figures, one per child and the total; mismatches flagged with the child that explains them. */
export function ConsolidationCard({ form, report }: { form: ReportForm; report: ConsolidatedReport }) {
  const mobile = useIsMobile();
  const rows = consolidationRows(form, report);
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Số liệu tổng hợp</h2>} data-testid="consolidation">
      {mobile ? (
        <PhoneRows rows={rows} report={report} />
      ) : (
        <div role="region" aria-label="Bảng số liệu tổng hợp" tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table<ConsolidationRow>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={rows}
            onRow={() => ({ 'data-testid': 'consolidation-row' }) as object}
            columns={[
              { title: 'Chỉ tiêu', key: 'label', width: 260, render: (_, r) => `${r.code}. ${r.label}${r.unitOfMeasure ? ` (${r.unitOfMeasure})` : ''}` },
              { title: 'Tự thực hiện', key: 'own', align: 'right', render: (_, r) => showValue(r.own) },
              ...report.children.map((c) => ({ title: c.name, key: `c${c.unitId}`, align: 'right' as const, render: (_: unknown, r: ConsolidationRow) => showValue(r.byChild[c.unitId]) })),
              { title: 'Tổng hợp', key: 'total', align: 'right', render: (_, r) => <strong data-testid={`total-${r.code}`}>{showValue(r.total)}</strong> },
              { title: 'Đối chiếu', key: 'flag', width: 220, render: (_, r) => <Flag row={r} /> },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
