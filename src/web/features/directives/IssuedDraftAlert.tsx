import { Alert, Flex } from 'antd';
import { Link } from 'react-router';
import type { DirectiveDraft } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';

/** An issued draft: read-only, with links to the directive it became and to the parent's cascade. */
export function IssuedDraftAlert({ draft }: { draft: DirectiveDraft }) {
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      data-testid="draft-issued"
      style={{ marginBottom: 16, maxWidth: 900 }}
      title={`Đã ban hành${draft.issuedAt ? ` lúc ${formatDateTime(draft.issuedAt)}` : ''} — số ${draft.content.numberSymbol}. Dự thảo chỉ còn để xem.`}
      description={
        <Flex gap={16} wrap>
          {draft.issuedDirectiveId !== null && <Link to={`/van-ban/${draft.issuedDirectiveId}`}>Mở văn bản đã ban hành</Link>}
          {draft.parentDirectiveId !== null && <Link to={`/van-ban/${draft.parentDirectiveId}/chuoi`}>Xem chuỗi văn bản cấp trên</Link>}
        </Flex>
      }
    />
  );
}
