import { SaveOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Flex, Form, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useRegime, useSaveRegime } from '../features/reports/api.js';
import { DeadlinesEditor } from '../features/reports/DeadlinesEditor.js';
import { FormBuilder } from '../features/reports/FormBuilder.js';
import { ProposalCard } from '../features/reports/ProposalCard.js';
import { RegimeGeneralFields, ReportingUnitsFields } from '../features/reports/RegimeGeneralFields.js';
import { checkFormBuilder, definitionFromValues, emptyRegimeValues, valuesFromDefinition, type RegimeFormValues } from '../features/reports/regimeForm.js';
import { OutlineEditor, RelationsEditor } from '../features/reports/RelationsOutline.js';
import type { ReportIndicator } from '../../shared/report-form.js';
import type { Warning } from '../features/reports/types.js';
import { applyValidationErrors } from '../lib/formErrors.js';
import { useNotifyError } from '../lib/useNotifyError.js';

const parseId = (raw: string | undefined): number | null => {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : null;
};

const fieldNames = ['code', 'name', 'issuerUnit', 'type', 'frequency', 'deadlines', 'reportingUnitKinds', 'reportingUnits', 'reportingSubtrees', 'indicators', 'outline', 'form'];

/** The indicator codes typed so far, as options (weights, relations). */
function useCodes(form: ReturnType<typeof Form.useForm<RegimeFormValues>>[0]) {
  const sections = Form.useWatch('sections', form) as RegimeFormValues['sections'] | undefined;
  return useMemo(
    () =>
      (sections ?? [])
        .flatMap((s) => (s?.indicators ?? []) as (ReportIndicator | undefined)[])
        .filter((i): i is ReportIndicator => !!i?.code)
        .map((i) => ({ value: i.code, label: i.label ? `${i.code} — ${i.label}` : i.code })),
    [sections],
  );
}

/**
 * Chế độ báo cáo mới (/bao-cao/che-do/moi) and its editing (/bao-cao/che-do/:id/sua): general fields,
 * reporting units, per-level deadlines (with the server's warnings), the form builder, relations and
 * outline; "Tạo từ văn bản" pre-fills from a directive's text.
 */
export function ReportRegimeEditPage() {
  const routeId = parseId(useParams().id);
  const editing = useParams().id !== undefined;
  const [savedId, setSavedId] = useState<number | null>(null);
  const id = savedId ?? routeId;
  const regime = useRegime(routeId);
  const [form] = Form.useForm<RegimeFormValues>();
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const save = useSaveRegime(id);
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const codes = useCodes(form);
  const frequencyKind = Form.useWatch('frequencyKind', form);

  useEffect(() => {
    if (regime.data) form.setFieldsValue(valuesFromDefinition(regime.data));
  }, [regime.data, form]);

  async function onFinish(values: RegimeFormValues) {
    const issues = checkFormBuilder(values);
    if (issues.length > 0) {
      form.setFields(issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
      void message.error(`Biểu mẫu còn ${issues.length} chỗ cần sửa.`);
      return;
    }
    const body = definitionFromValues({ ...values, reminderHours: (values.reminderHours ?? []).map(Number).filter((h) => Number.isFinite(h)) });
    save.mutate(body, {
      onSuccess: (result) => {
        setSavedId(result.id);
        setWarnings(result.warnings);
        if (result.warnings.length === 0) {
          void message.success('Đã lưu chế độ báo cáo.');
          void navigate(`/bao-cao/che-do/${result.id}`);
        } else void message.warning('Đã lưu; xem các lưu ý về thời hạn.');
      },
      onError: (error) => (applyValidationErrors(form, error, fieldNames) ? void message.error('Kiểm tra lại các trường được đánh dấu.') : notifyError(error)),
    });
  }

  const title = editing ? `Sửa chế độ báo cáo${regime.data ? ` — ${regime.data.name}` : ''}` : 'Chế độ báo cáo mới';
  if (editing && routeId === null) return <ErrorResult page error={null} title="Địa chỉ chế độ báo cáo không hợp lệ" />;
  if (regime.isError) return <ErrorResult page error={regime.error} onRetry={() => void regime.refetch()} title="Chưa tải được chế độ báo cáo" />;
  return (
    <Flex vertical gap={12}>
      <title>{`${title} — Lan Tỏa`}</title>
      <Breadcrumb items={[{ title: <Link to="/bao-cao">Báo cáo</Link> }, { title: editing ? 'Sửa' : 'Tạo mới' }]} />
      <Typography.Title level={1} style={{ margin: 0, overflowWrap: 'anywhere' }}>
        {title}
      </Typography.Title>
      {editing && regime.isPending ? (
        <Skeleton active />
      ) : (
        <Form<RegimeFormValues> form={form} layout="vertical" initialValues={emptyRegimeValues()} onFinish={(v) => void onFinish(v)} scrollToFirstError data-testid="regime-form">
          <Flex vertical gap={12}>
            {!editing && <ProposalCard onProposal={(draft) => form.setFieldsValue(valuesFromDefinition({ ...definitionFromValues(form.getFieldsValue(true) as RegimeFormValues), ...draft }))} />}
            <RegimeGeneralFields frequencyKind={frequencyKind} />
            <ReportingUnitsFields />
            <DeadlinesEditor weekly={frequencyKind === 'weekly'} warnings={warnings} />
            <FormBuilder codes={codes} />
            <RelationsEditor codes={codes} />
            <OutlineEditor />
            <Flex gap={8} wrap>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="regime-save">
                Lưu chế độ báo cáo
              </Button>
              {id !== null && <Link to={`/bao-cao/che-do/${id}`}>Mở trang chế độ báo cáo</Link>}
            </Flex>
          </Flex>
        </Form>
      )}
    </Flex>
  );
}
