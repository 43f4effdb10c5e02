import { App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { useReview, type PeriodUnit, type ReviewAction } from './api.js';
import type { Review } from './types.js';

const done: Record<ReviewAction, string> = { return: 'Đã trả lại báo cáo.', approve: 'Đã duyệt báo cáo.', reopen: 'Đã mở lại báo cáo.' };

/**
 * The recipient's review of a submitted version: "Trả lại" with a reason, "Duyệt"; an approved one
 * can be reopened with a reason. The server decides who may (the recipient's editors).
 */
export function ReviewButtons({ p, submissionId, review, unitName }: { p: PeriodUnit; submissionId: number; review: Review | null; unitName: string }) {
  const [asking, setAsking] = useState<'return' | 'reopen' | null>(null);
  const [reason, setReason] = useState('');
  const mutation = useReview(p);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const act = (action: ReviewAction, why?: string) =>
    mutation.mutate(
      { submissionId, action, ...(why === undefined ? {} : { reason: why }) },
      {
        onSuccess: () => {
          void message.success(done[action]);
          setAsking(null);
          setReason('');
        },
        onError: notifyError,
      },
    );
  if (review === null || review === 'returned') return null;
  return (
    <Flex gap={6} wrap>
      {review === 'submitted' && (
        <>
          <Button size="small" danger onClick={() => setAsking('return')} data-testid="review-return">
            Trả lại
          </Button>
          <Button size="small" type="primary" ghost loading={mutation.isPending && asking === null} onClick={() => act('approve')} data-testid="review-approve">
            Duyệt
          </Button>
        </>
      )}
      {review === 'approved' && (
        <Button size="small" onClick={() => setAsking('reopen')} data-testid="review-reopen">
          Mở lại
        </Button>
      )}
      <Modal
        open={asking !== null}
        title={asking === 'return' ? `Trả lại báo cáo của ${unitName}` : `Mở lại báo cáo của ${unitName}`}
        okText={asking === 'return' ? 'Trả lại' : 'Mở lại'}
        cancelText="Hủy"
        okButtonProps={{ disabled: reason.trim() === '', loading: mutation.isPending, 'data-testid': 'review-confirm' }}
        onOk={() => asking && act(asking, reason.trim())}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">Đơn vị báo cáo nhận được thông báo kèm lý do và gửi lại phiên bản mới.</Typography.Paragraph>
        <Input.TextArea aria-label="Lý do" placeholder="Lý do" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="review-reason" />
      </Modal>
    </Flex>
  );
}
