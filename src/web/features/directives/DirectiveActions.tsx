import { api, data } from '../../api/client.js';
import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Directive } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { UnitTreeSelect } from '../org/UnitTreeSelect.js';
import { DirectiveDrafts, ExistingDraftModal, existingDraftOf, type ExistingDraft } from './DirectiveDrafts.js';
import { directiveKeys } from './useDirectives.js';
import { useEditableUnits } from './useEditableUnits.js';

/** One-click receipt for each addressed unit of the user, and starting the implementing directive. */
export function DirectiveActions({ directive }: { directive: Directive }) {
  return (
    <Card size="small" title="Đơn vị của bạn" data-testid="directive-actions">
      <Flex vertical gap={12}>
        <AcknowledgeList directive={directive} />
        <DirectiveDrafts directiveId={directive.id} />
        <StartDraft directive={directive} />
      </Flex>
    </Card>
  );
}

/** Each addressed unit of the user: received at …, or "Xác nhận đã nhận". */
function AcknowledgeList({ directive }: { directive: Directive }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const addressed = directive.acknowledgeable;

  const acknowledge = useMutation({
    mutationFn: (unitId: number) => data(api.POST('/api/v1/directives/{id}/acknowledge', { params: { path: { id: directive.id } }, body: { unitId } })),
    onSuccess: async (_r, unitId) => {
      const unit = directive.acknowledgeable.find((a) => a.unitId === unitId);
      void message.success(`Đã xác nhận ${unit?.unitName ?? 'đơn vị'} đã nhận văn bản.`);
      await queryClient.invalidateQueries({ queryKey: directiveKeys.detail(directive.id) });
      await queryClient.invalidateQueries({ queryKey: ['directives', 'cascade'] });
    },
    onError: notifyError,
  });

  if (addressed.length === 0) return <Typography.Text type="secondary">Văn bản không gửi tới đơn vị nào mà bạn phụ trách.</Typography.Text>;
  return addressed.map((a) => (
    <Flex key={a.unitId} justify="space-between" align="center" gap={8} wrap>
      <Typography.Text style={{ flex: '1 1 160px' }}>{a.unitName}</Typography.Text>
      {a.acknowledgedAt ? (
        <Typography.Text type="success" data-testid="ack-done">
          <CheckOutlined /> Đã nhận lúc {formatDateTime(a.acknowledgedAt)}
        </Typography.Text>
      ) : (
        <Button
          type="primary"
          ghost
          icon={<CheckOutlined />}
          loading={acknowledge.isPending && acknowledge.variables === a.unitId}
          onClick={() => acknowledge.mutate(a.unitId)}
          data-testid="ack-button"
        >
          Xác nhận đã nhận
        </Button>
      )}
    </Flex>
  ));
}

/**
 * "Soạn văn bản thực hiện", for a user who edits some unit: straight away for the only addressed
 * unit, otherwise after choosing the issuing unit.
 */
function StartDraft({ directive }: { directive: Directive }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const editable = useEditableUnits();
  const [choosing, setChoosing] = useState(false);
  const [draftUnitId, setDraftUnitId] = useState<number | null>(null);

  const [existing, setExisting] = useState<(ExistingDraft & { unitId: number }) | null>(null);

  const draft = useMutation({
    mutationFn: (start: { unitId: number; again?: boolean }) => data(api.POST('/api/v1/directives/{id}/drafts', { params: { path: { id: directive.id } }, body: start })),
    onSuccess: (created) => {
      setChoosing(false);
      setExisting(null);
      void message.success('Đã tạo dự thảo văn bản thực hiện.');
      navigate(`/du-thao/${created.id}`);
    },
    onError: (error, start) => {
      // The unit already has a draft for this directive: offer to open it rather than start a copy.
      const found = existingDraftOf(error);
      if (!found) return notifyError(error);
      setChoosing(false);
      setExisting({ ...found, unitId: start.unitId });
    },
  });

  const addressed = directive.acknowledgeable;
  const beginDraft = () => {
    const only = addressed.length === 1 ? addressed[0] : undefined;
    if (only) {
      draft.mutate({ unitId: only.unitId });
      return;
    }
    setDraftUnitId(addressed[0]?.unitId ?? editable.firstId);
    setChoosing(true);
  };

  if (editable.ids.size === 0) return null;
  return (
    <>
      <Button icon={<EditOutlined />} onClick={beginDraft} loading={draft.isPending && !choosing && !existing} data-testid="draft-start" style={{ alignSelf: 'flex-start' }}>
        Soạn văn bản thực hiện
      </Button>
      <Modal
        open={choosing}
        title="Soạn văn bản thực hiện cho đơn vị nào?"
        okText="Tạo dự thảo"
        cancelText="Hủy"
        okButtonProps={{ disabled: draftUnitId === null, loading: draft.isPending }}
        onOk={() => draftUnitId !== null && draft.mutate({ unitId: draftUnitId })}
        onCancel={() => setChoosing(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="Đơn vị ban hành văn bản thực hiện" extra="Dự thảo được điền sẵn câu “Thực hiện …”, tên đơn vị và nơi nhận là các đơn vị trực thuộc.">
            <UnitTreeSelect value={draftUnitId} onChange={setDraftUnitId} disabledIds={editable.disabledIds} allowClear={false} data-testid="draft-unit-select" />
          </Form.Item>
        </Form>
      </Modal>
      {existing && (
        <ExistingDraftModal
          existing={existing}
          creating={draft.isPending}
          onOpen={() => navigate(`/du-thao/${existing.draftId}`)}
          onCreate={() => draft.mutate({ unitId: existing.unitId, again: true })}
          onCancel={() => setExisting(null)}
        />
      )}
    </>
  );
}
