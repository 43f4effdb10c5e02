import { Button, Flex, Modal, Typography } from 'antd';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.js';
import { draftStatusLabels } from '../../i18n/directives.js';
import { formatDateTime } from '../../lib/time.js';
import { DraftStatusTag } from './DraftTable.js';
import { useDraftList } from './useDirectives.js';

/** "Dự thảo của đơn vị …": the drafts the user's units started from this directive, each a link. */
export function DirectiveDrafts({ directiveId }: { directiveId: number }) {
  const list = useDraftList({ parentDirectiveId: directiveId });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={6} data-testid="directive-drafts">
      {items.map((d) => (
        <Flex key={d.id} gap={8} wrap align="center">
          <Link to={`/du-thao/${d.id}`}>Dự thảo của {d.unitName}</Link>
          <DraftStatusTag draft={d} />
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            cập nhật {formatDateTime(d.updatedAt)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** The unit's draft named by a DRAFT_ALREADY_STARTED refusal; null for any other error. */
export interface ExistingDraft {
  draftId: number;
  unitName: string;
  status: 'draft' | 'issued';
  updatedAt: string | null;
}

export function existingDraftOf(error: unknown): ExistingDraft | null {
  if (!isApiError(error) || error.reason !== 'DRAFT_ALREADY_STARTED') return null;
  const d = error.details as Partial<ExistingDraft> | null;
  if (!d || typeof d.draftId !== 'number') return null;
  return { draftId: d.draftId, unitName: d.unitName ?? 'Đơn vị', status: d.status === 'issued' ? 'issued' : 'draft', updatedAt: d.updatedAt ?? null };
}

/** "Đơn vị đã có dự thảo …": open it (the usual answer), or start another one on purpose. */
export function ExistingDraftModal(props: { existing: ExistingDraft; creating: boolean; onOpen: () => void; onCreate: () => void; onCancel: () => void }) {
  const { existing } = props;
  return (
    <Modal
      open
      title="Đơn vị đã có dự thảo"
      onCancel={props.onCancel}
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={props.onCancel}>Hủy</Button>
          <Button onClick={props.onCreate} loading={props.creating} data-testid="draft-create-anyway">
            Tạo dự thảo mới
          </Button>
          <Button type="primary" onClick={props.onOpen} data-testid="draft-open-existing">
            Mở dự thảo
          </Button>
        </Flex>
      }
      destroyOnHidden
    >
      <Typography.Paragraph data-testid="draft-existing">
        {existing.unitName} đã có dự thảo thực hiện văn bản này ({draftStatusLabels[existing.status].toLocaleLowerCase('vi')}
        {existing.updatedAt ? `, cập nhật ${formatDateTime(existing.updatedAt)}` : ''}). Mở dự thảo đã có để soạn tiếp, hoặc tạo một dự thảo mới nếu thật sự cần.
      </Typography.Paragraph>
    </Modal>
  );
}
