import { DeleteOutlined, FileOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Image, Popconfirm, Tag, Typography } from 'antd';
import { downloadUrl } from '../../api/client.js';
import { channelLabel } from '../../i18n/campaigns.js';
import { formatDate } from '../../lib/time.js';
import type { Activity, ActivityFile } from './campaignTypes.js';
import { useDeleteActivity } from './useTask.js';

const fileUrl = (f: ActivityFile) => downloadUrl('/api/v1/campaign-activity-files/{id}', { path: { id: f.id } });

/** Photos as thumbnails (opening full size), other files as links. */
function Files({ files }: { files: ActivityFile[] }) {
  if (files.length === 0) return null;
  const images = files.filter((f) => f.contentType.startsWith('image/'));
  const others = files.filter((f) => !f.contentType.startsWith('image/'));
  return (
    <Flex gap={8} wrap align="center" data-testid="activity-files-list">
      <Image.PreviewGroup>
        {images.map((f) => (
          <Image key={f.id} src={fileUrl(f)} alt={f.fileName} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
        ))}
      </Image.PreviewGroup>
      {others.map((f) => (
        <a key={f.id} href={fileUrl(f)} download={f.fileName}>
          <FileOutlined /> {f.fileName}
        </a>
      ))}
    </Flex>
  );
}

/** "12 tin bài · 150 người dự" with the kinds' labels. */
export function quantityText(quantities: Record<string, number>, labels: ReadonlyMap<string, string>): string {
  return Object.entries(quantities)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${labels.get(kind) ?? kind}: ${n.toLocaleString('vi-VN')}`)
    .join(' · ');
}

export function ActivityList(props: { taskId: number; activities: Activity[]; themes: { id: number; title: string }[]; kindLabels: ReadonlyMap<string, string>; canEdit: boolean }) {
  const { taskId, activities, themes, kindLabels, canEdit } = props;
  const remove = useDeleteActivity(taskId);
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  return (
    <Card size="small" title={`Hoạt động đã ghi (${activities.length})`} data-testid="activity-list">
      {activities.length === 0 && <Empty description="Đơn vị chưa ghi hoạt động nào cho nhiệm vụ này." />}
      {activities.map((a) => (
        <Flex key={a.id} vertical gap={4} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="activity-item">
          <Flex justify="space-between" gap={8} align="baseline">
            <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
              {formatDate(a.occurredOn)} · {a.title}
            </Typography.Text>
            {canEdit && (
              <Popconfirm title="Xóa hoạt động này cùng các tệp kèm theo?" okText="Xóa" cancelText="Hủy" onConfirm={() => remove.mutate(a.id)}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label="Xóa hoạt động" title="Xóa hoạt động" />
              </Popconfirm>
            )}
          </Flex>
          <Flex wrap gap={4}>
            <Tag color="blue">{channelLabel(a.channel, a.channelText)}</Tag>
            {a.themeIds.map((id) => (
              <Tag key={id} style={{ whiteSpace: 'normal' }}>
                {themeTitle.get(id) ?? `Nội dung ${id}`}
              </Tag>
            ))}
          </Flex>
          {Object.keys(a.quantities).length > 0 && <Typography.Text data-testid="activity-quantities">{quantityText(a.quantities, kindLabels)}</Typography.Text>}
          {a.link && (
            <a href={a.link} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
              <LinkOutlined /> {a.link}
            </a>
          )}
          <Files files={a.files} />
        </Flex>
      ))}
    </Card>
  );
}
