import { Alert, Card, Col, Empty, Flex, Form, Row, Select, Skeleton, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { LetterForm } from '../features/consultation-intake/LetterForm.js';
import { MeetingForm } from '../features/consultation-intake/MeetingForm.js';
import { RecentSubmissions } from '../features/consultation-intake/RecentSubmissions.js';
import { useStaffIntakeForm } from '../features/consultation-intake/useIntake.js';
import { useConsultations } from '../features/consultation-report/useWeeklyReport.js';
import { useEditableUnits } from '../features/directives/useEditableUnits.js';
import { UnitTreeSelect } from '../features/org/UnitTreeSelect.js';
import type { StaffIntakeForm } from '../api/types.js';
import { intakeText as t } from '../i18n/consultation.js';
import { formatDateTime } from '../lib/time.js';

/**
 * Staff intake (/gop-y-tiep-nhan): letters, press and e-mail, and meeting minutes typed in for a
 * unit the user edits, beside the unit's recent submissions. The consultation and the unit live in
 * the address (?dot=&don-vi=) and stay when a form is saved.
 */
export function ConsultationIntakePage() {
  const [params, setParams] = useSearchParams();
  const consultations = useConsultations();
  const editable = useEditableUnits();

  const list = consultations.data ?? [];
  const code = params.get('dot') ?? list[0]?.code ?? null;
  const unitParam = Number(params.get('don-vi'));
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : editable.firstId;
  const intake = useStaffIntakeForm(list.some((c) => c.code === code) ? code : null);

  const update = (key: 'dot' | 'don-vi', value: string | number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, String(value));
        return next;
      },
      { replace: true },
    );

  if (consultations.isError) return <ErrorResult page error={consultations.error} onRetry={() => void consultations.refetch()} />;

  const form = intake.data;

  return (
    <Flex vertical gap={12}>
      <title>{`${t.pageTitle} — Lan Tỏa`}</title>
      <div>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t.pageTitle}
        </Typography.Title>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
      </div>
      {consultations.isPending || editable.loading ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Empty description={t.noConsultation} />
      ) : editable.ids.size === 0 ? (
        <Alert type="info" showIcon message={t.noEditableUnit} />
      ) : (
        <>
          <IntakeChooser
            consultations={list}
            code={code}
            unitId={unitId}
            disabledIds={editable.disabledIds}
            onConsultation={(next) => update('dot', next)}
            onUnit={(next) => update('don-vi', next)}
          />
          {intake.isError ? (
            <ErrorResult error={intake.error} onRetry={() => void intake.refetch()} />
          ) : !form || unitId === null ? (
            <Skeleton active />
          ) : (
            <IntakeWorkspace form={form} unitId={unitId} canEdit={editable.ids.has(unitId)} />
          )}
        </>
      )}
    </Flex>
  );
}

/** Which consultation, and which of the user's units the entries are for. */
function IntakeChooser(props: {
  consultations: { code: string; title: string }[];
  code: string | null;
  unitId: number | null;
  disabledIds: ReadonlySet<number>;
  onConsultation: (code: string) => void;
  onUnit: (unitId: number) => void;
}) {
  const { consultations: list, code, unitId } = props;
  return (
    <Card size="small">
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t.consultation} htmlFor="tn-dot" style={{ marginBottom: 8 }}>
              <Select
                id="tn-dot"
                data-testid="intake-consultation"
                value={code ?? undefined}
                options={list.map((c) => ({ value: c.code, label: c.title }))}
                onChange={(next: string) => props.onConsultation(next)}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t.unit} htmlFor="tn-don-vi" style={{ marginBottom: 8 }}>
              <UnitTreeSelect
                id="tn-don-vi"
                data-testid="intake-unit"
                value={unitId}
                allowClear={false}
                disabledIds={props.disabledIds}
                placeholder={t.unitPlaceholder}
                onChange={(next) => next !== null && props.onUnit(next)}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

/** The entry forms (letters, meetings) for the unit beside its recent submissions. */
function IntakeWorkspace({ form, unitId, canEdit }: { form: StaffIntakeForm; unitId: number; canEdit: boolean }) {
  const closed = form.closesAt && new Date(form.closesAt) <= new Date() ? form.closesAt : null;
  return (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {closed ? <Alert type="warning" showIcon message={t.closed(formatDateTime(closed))} style={{ marginBottom: 12 }} /> : null}
          {canEdit ? (
            <Card size="small">
              <Tabs
                key={form.code}
                items={[
                  { key: 'letters', label: t.tabLetters, children: <LetterForm intake={form} unitId={unitId} /> },
                  { key: 'meetings', label: t.tabMeetings, children: <MeetingForm intake={form} unitId={unitId} /> },
                ]}
              />
            </Card>
          ) : (
            <Alert type="info" showIcon message={t.noEditableUnit} />
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t.recentTitle}>
            <RecentSubmissions code={form.code} unitId={unitId} documents={form.documents} />
          </Card>
        </Col>
      </Row>
  );
}
