import { Card, Empty, Table, Typography } from 'antd';
import type { CampaignMatrix } from '../../api/types.js';
import { campaignProgressLabels, channelLabel } from './labels.js';

type Row = { key: string; theme: string } & Record<string, string | number>;

/**
 * Nội dung × hình thức: how many activities of the subtree touched each theme through each channel
 * (an activity about two themes counts in both rows). A real table, scrolled sideways inside its
 * card on a phone.
 */
export function CampaignMatrixCard({ matrix }: { matrix: CampaignMatrix | undefined }) {
  const channels = matrix?.channels ?? [];
  const count = (themeId: number | null, channel: string | null) =>
    matrix?.cells.find((c) => c.themeId === themeId && c.channel === channel)?.activities ?? 0;
  const themes = [...(matrix?.themes ?? []).map((t) => ({ id: t.id as number | null, title: `${t.position}. ${t.title}` }))];
  if (matrix?.cells.some((c) => c.themeId === null)) themes.push({ id: null, title: campaignProgressLabels.noTheme });
  const rows: Row[] = themes.map((t) => ({
    key: String(t.id),
    theme: t.title,
    ...Object.fromEntries(channels.map((c) => [c ?? 'other', count(t.id, c)])),
  }));
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>Hoạt động theo nội dung và hình thức</h2>} size="small" data-testid="campaign-matrix">
      {!matrix || matrix.cells.length === 0 ? (
        <Empty description="Chưa có hoạt động nào được ghi nhận." />
      ) : (
        <>
          <div role="region" aria-label="Bảng hoạt động theo nội dung và hình thức" tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table<Row>
            size="small"
            pagination={false}
            tableLayout="auto"
            dataSource={rows}
            columns={[
              { title: 'Nội dung tuyên truyền', dataIndex: 'theme', key: 'theme', width: 260, render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
              ...channels.map((c) => ({ title: channelLabel(c), dataIndex: c ?? 'other', key: c ?? 'other', align: 'right' as const, width: 120 })),
            ]}
          />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            Số hoạt động; một hoạt động gắn với hai nội dung được đếm ở cả hai dòng.
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
