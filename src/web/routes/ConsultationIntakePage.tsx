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

  if (consultations.isError) return <ErrorResult error={consultations.error} onRetry={() => void consultations.refetch()} />;

  const form = intake.data;
  const canEdit = unitId !== null && editable.ids.has(unitId);
  const closed = form?.closesAt && new Date(form.closesAt) <= new Date() ? form.closesAt : null;

  return (
    <Flex vertical gap={12}>
      <title>{`${t.pageTitle} — Lan Tỏa`}</title>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
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
          <Card size="small">
            <Form layout="vertical" component="div">
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item label={t.consultation} style={{ marginBottom: 8 }}>
                    <Select
                      data-testid="intake-consultation"
                      value={code ?? undefined}
                      options={list.map((c) => ({ value: c.code, label: c.title }))}
                      onChange={(next: string) => update('dot', next)}
                      popupMatchSelectWidth={false}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t.unit} style={{ marginBottom: 8 }}>
                    <UnitTreeSelect
                      data-testid="intake-unit"
                      value={unitId}
                      allowClear={false}
                      disabledIds={editable.disabledIds}
                      placeholder={t.unitPlaceholder}
                      onChange={(next) => next !== null && update('don-vi', next)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
          {intake.isError ? (
            <ErrorResult error={intake.error} onRetry={() => void intake.refetch()} />
          ) : !form || unitId === null ? (
            <Skeleton active />
          ) : (
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
          )}
        </>
      )}
    </Flex>
  );
}
