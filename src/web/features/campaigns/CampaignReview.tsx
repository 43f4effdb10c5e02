import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, Row, Typography, type FormInstance } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { applyValidationErrors } from '../../lib/formErrors.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { FieldFocusContext, focusFieldZone, type FieldFocus } from '../directives/FieldZone.js';
import { useEditableUnits } from '../directives/useEditableUnits.js';
import { UnitTreeSelect } from '../org/UnitTreeSelect.js';
import { AssignmentsCard } from './AssignmentsCard.js';
import { inputFromForm, type AssignmentValues, type CampaignFormValues, type CampaignOrigin } from './campaignForm.js';
import { campaignHighlights, CampaignText } from './CampaignText.js';
import { ChannelsCard, MilestonesCard, PhasesCard, ThemesCard } from './StructureFields.js';
import { useCreateCampaign, useQuantityKinds, useUnitMatches } from './useCampaignEditing.js';
import { applyMatches, namesToMatch } from './unitMatching.js';

const FORM_FIELDS = ['ownerUnitId', 'code', 'title', 'purpose', 'requirements', 'sourceReference', 'milestones', 'phases', 'themes', 'channels', 'assignments'];

function GeneralCard() {
  const editable = useEditableUnits();
  return (
    <Card size="small" title="Thông tin chung">
      <Form.Item name="ownerUnitId" label="Đơn vị lập kế hoạch" rules={[{ required: true, message: 'Hãy chọn đơn vị lập kế hoạch.' }]}>
        <UnitTreeSelect disabledIds={editable.disabledIds} allowClear={false} data-testid="campaign-owner" />
      </Form.Item>
      <Form.Item name="title" label="Tên kế hoạch" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên kế hoạch.' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="campaign-title" />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="code" label="Mã kế hoạch" extra="Để trống: hệ thống tự đánh mã." style={{ flex: '0 1 200px' }}>
          <Input />
        </Form.Item>
        <Form.Item name="sourceReference" label="Căn cứ (văn bản gốc)" style={{ flex: '1 1 260px' }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="purpose" label="Mục đích">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="requirements" label="Yêu cầu" style={{ marginBottom: 0 }}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
    </Card>
  );
}

/** Once the owner is known, the written names are matched to its units and filled where the user chose none. */
function useMatching(form: FormInstance<CampaignFormValues>, initial: CampaignFormValues) {
  const ownerUnitId = Form.useWatch('ownerUnitId', form) ?? initial.ownerUnitId;
  // From the initial values: the form's store is filled only once <Form> has mounted.
  const names = useMemo(() => namesToMatch(initial.assignments), [initial.assignments]);
  const matches = useUnitMatches(ownerUnitId, names);
  useEffect(() => {
    if (!matches.data) return;
    const rows: AssignmentValues[] = form.getFieldValue('assignments') ?? [];
    form.setFieldValue('assignments', rows.map((a) => applyMatches(a, matches.data)));
  }, [form, matches.data]);
  return matches.data ?? null;
}

function useConfirm(form: FormInstance<CampaignFormValues>, origin: CampaignOrigin) {
  const create = useCreateCampaign();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const submit = () =>
    create.mutate(inputFromForm(form.getFieldsValue(true) as CampaignFormValues, origin), {
      onError: (error) => {
        if (applyValidationErrors(form, error, FORM_FIELDS)) void message.error('Dữ liệu chưa hợp lệ. Hãy sửa các ô được đánh dấu rồi xác nhận lại.');
        else notifyError(error);
      },
    });
  return { submit, saving: create.isPending };
}

export interface CampaignReviewProps {
  /** The plan's normalised text (null for a plan drawn from another one). */
  text: string | null;
  initialValues: CampaignFormValues;
  origin: CampaignOrigin;
  onCancel: () => void;
}

/** The plan's text (highlighted) beside its editable structure; confirming creates the plan and its tasks. */
export function CampaignReview({ text, initialValues, origin, onCancel }: CampaignReviewProps) {
  const [form] = Form.useForm<CampaignFormValues>();
  const isMobile = useIsMobile();
  const formArea = useRef<HTMLDivElement>(null);
  const [activeField, setActiveField] = useState<string | null>(null);
  const focus = useMemo<FieldFocus>(() => ({ activeField, activate: setActiveField }), [activeField]);
  const values = Form.useWatch([], { form, preserve: true }) as Partial<CampaignFormValues> | undefined;
  const highlights = useMemo(() => campaignHighlights(values ?? initialValues), [values, initialValues]);
  const matches = useMatching(form, initialValues);
  const kinds = useQuantityKinds();
  const { submit, saving } = useConfirm(form, origin);

  const formPanel = (
    <div ref={formArea}>
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="campaign-form">
        <Flex vertical gap={12}>
          <GeneralCard />
          <MilestonesCard />
          <PhasesCard />
          <ThemesCard />
          <ChannelsCard />
          <AssignmentsCard matches={matches} quantityKinds={kinds.data ?? []} />
          <Flex justify="flex-end" gap={8} style={{ position: 'sticky', bottom: 0, background: '#fff', paddingBlock: 12, borderTop: '1px solid #f0f0f0', zIndex: 2 }}>
            <Button onClick={onCancel}>Quay lại</Button>
            <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={saving} data-testid="campaign-confirm">
              Xác nhận kế hoạch
            </Button>
          </Flex>
        </Flex>
      </Form>
    </div>
  );
  if (!text) return <FieldFocusContext.Provider value={focus}>{formPanel}</FieldFocusContext.Provider>;
  return (
    <FieldFocusContext.Provider value={focus}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card size="small" title="Văn bản kế hoạch" extra={!isMobile && <Typography.Text type="secondary">Bấm phần tô màu để tới mục đó</Typography.Text>} style={isMobile ? undefined : { position: 'sticky', top: 80 }}>
            <CampaignText
              text={text}
              highlights={highlights}
              onPick={(field) => {
                setActiveField(field);
                focusFieldZone(formArea.current, field);
              }}
              style={{ maxHeight: isMobile ? '45vh' : 'calc(100vh - 190px)' }}
            />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          {formPanel}
        </Col>
      </Row>
    </FieldFocusContext.Provider>
  );
}
