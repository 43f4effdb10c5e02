import { downloadUrl } from '../../api/client.js';
import { CheckCircleOutlined, FileExcelOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Typography } from 'antd';
import type { WeeklyReportView } from '../../api/types.js';
import { reportText } from '../../i18n/consultation-report.js';
import { formatDateTime } from '../../lib/time.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { useSubmitWeeklyReport } from './useWeeklyReport.js';

/** "Gửi báo cáo lên cấp trên" (once per week, with confirmation), the deadline, and the DOCX/Excel downloads. */
export function ReportActions({ view }: { view: WeeklyReportView }) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const submit = useSubmitWeeklyReport();
  const { consultation, unit, period, submission } = view;
  const sentLabel = submission ? `Đã gửi lúc ${formatDateTime(submission.submittedAt)}${submission.late ? ` (${reportText.late})` : ''}` : null;
  const onSubmit = () =>
    submit.mutate(
      { code: consultation.code, unitId: unit.id, periodEnd: period.periodEnd },
      {
        onSuccess: (result) => void message.success(`${reportText.submitted}${result.late ? ' (gửi muộn)' : ''}.`),
        onError: notifyError,
      },
    );

  const submitButton = sentLabel ? (
    <Button data-testid="report-submit" icon={<CheckCircleOutlined />} disabled>
      {sentLabel}
    </Button>
  ) : view.canSubmit ? (
    <Popconfirm
      title={reportText.submitConfirm}
      description={
        <div style={{ maxWidth: 280 }}>
          {unit.name} — {period.pickerLabel}. {period.overdue ? `${reportText.overdueNotice} ` : ''}
          {reportText.submitHint}
        </div>
      }
      okText="Gửi"
      cancelText="Hủy"
      onConfirm={onSubmit}
    >
      <Button data-testid="report-submit" type={period.overdue ? 'default' : 'primary'} icon={<SendOutlined />} loading={submit.isPending}>
        {period.overdue ? reportText.submitLate : reportText.submit}
      </Button>
    </Popconfirm>
  ) : // A user who may not submit (a viewer, a unit above) sees where the report stands, not a dead button.
  (
    <Typography.Text type="secondary" data-testid="report-not-sent">
      {reportText.notSent}
    </Typography.Text>
  );

  // Past the unit's deadline and not sent: say so before the button, not only in the confirmation.
  const lateNotice =
    !submission && period.overdue ? <Alert data-testid="report-overdue" type="warning" showIcon message={reportText.overdueNotice} /> : null;

  return (
    <Flex vertical gap={8}>
      {lateNotice}
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          {submitButton}
          <Typography.Text type={submission?.late || (!submission && period.overdue) ? 'warning' : 'secondary'}>
            {reportText.deadline}: {formatDateTime(period.deadline)}
            {unit.parentName ? ` — gửi ${unit.parentName}` : ''}
          </Typography.Text>
        </Flex>
        <Flex wrap gap={8}>
          <Button icon={<FileWordOutlined />} href={downloadUrl('/api/v1/consultations/{code}/reports/{unitId}/docx', { path: { code: consultation.code, unitId: unit.id }, query: { periodEnd: period.periodEnd } })} data-testid="report-docx">
            {reportText.downloadDocx}
          </Button>
          <Button icon={<FileExcelOutlined />} href={downloadUrl('/api/v1/consultations/{code}/reports/{unitId}/xlsx', { path: { code: consultation.code, unitId: unit.id }, query: { periodEnd: period.periodEnd } })} data-testid="report-xlsx">
            {reportText.downloadXlsx}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
