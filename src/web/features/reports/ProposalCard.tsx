import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { useProposal } from './api.js';
import type { RegimeDefinition } from './types.js';

/** "Tạo từ văn bản": a directive's text → a definition draft (frequency, deadlines, name, issuer) for a person to confirm. */
export function ProposalCard({ onProposal }: { onProposal: (draft: Partial<RegimeDefinition>) => void }) {
  const [text, setText] = useState('');
  const proposal = useProposal();
  const notifyError = useNotifyError();
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Tạo từ văn bản</h2>} data-testid="regime-proposal">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" id="proposal-help">
          Dán nội dung văn bản chỉ đạo (ví dụ "báo cáo trước 16h00 Thứ tư hằng tuần"): Lan Tỏa điền sẵn tần suất, thời hạn, tên và đơn vị ban hành để anh/chị kiểm tra.
        </Typography.Text>
        <Input.TextArea aria-label="Nội dung văn bản chỉ đạo" aria-describedby="proposal-help" rows={4} value={text} onChange={(e) => setText(e.target.value)} maxLength={300_000} data-testid="proposal-text" />
        <Button
          icon={<FileSearchOutlined />}
          disabled={text.trim() === ''}
          loading={proposal.isPending}
          style={{ alignSelf: 'start' }}
          onClick={() => proposal.mutate(text, { onSuccess: onProposal, onError: notifyError })}
          data-testid="proposal-run"
        >
          Điền từ văn bản
        </Button>
      </Flex>
    </Card>
  );
}
