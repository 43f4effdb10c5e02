import { CheckCircleOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ReportContent } from '../../../shared/report-form.js';
import { isApiError } from '../../api/client.js';
import { formatDateTime } from '../../lib/time.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { saveDraft, useSubmitReport, type PeriodUnit } from './api.js';
import { checkContent, noActivityContent } from './fillForm.js';
import { fieldId, IndicatorField } from './IndicatorField.js';
import type { UnitReport } from './types.js';
import { useAutosave, type AutosaveState } from './useAutosave.js';

function AutosaveText({ state }: { state: AutosaveState }) {
  const text = state.kind === 'saving' ? 'Đang lưu…' : state.kind === 'saved' ? `Đã lưu lúc ${formatDateTime(state.at).slice(11)}` : state.kind === 'failed' ? 'Chưa lưu được bản nháp — kiểm tra kết nối.' : 'Bản nháp được lưu tự động.';
  return (
    <Typography.Text type={state.kind === 'failed' ? 'danger' : 'secondary'} role="status" data-testid="autosave">
      {text}
    </Typography.Text>
  );
}

/** The narrative: one text per outline section; a receiving unit can start from the children's draft. */
function NarrativeCard({ report, content, onChange, drafted, disabled }: { report: UnitReport; content: ReportContent; onChange: (c: ReportContent) => void; drafted: string[] | null; disabled: boolean }) {
  if (report.form.outline.length === 0) return null;
  const set = (i: number, text: string) => onChange({ ...content, narrative: report.form.outline.map((_, j) => (j === i ? text : (content.narrative[j] ?? ''))) });
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>Nội dung báo cáo</h2>}>
      {drafted && !disabled && (
        <Button size="small" onClick={() => onChange({ ...content, narrative: drafted })} style={{ marginBottom: 12, whiteSpace: 'normal', height: 'auto' }} data-testid="narrative-draft">
          Dùng dự thảo từ báo cáo đơn vị trực thuộc
        </Button>
      )}
      {report.form.outline.map((title, i) => (
        <Form.Item key={title + i} label={title} htmlFor={`de-cuong-${i}`} style={{ marginBottom: 12 }}>
          <Input.TextArea id={`de-cuong-${i}`} autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20000} value={content.narrative[i] ?? ''} onChange={(e) => set(i, e.target.value)} disabled={disabled} data-testid={`narrative-${i}`} />
        </Form.Item>
      ))}
    </Card>
  );
}

/** The server's value problems (REPORT_VALUES_INVALID: details.problems, each {code, message}) by indicator. */
function serverProblems(error: unknown): Record<string, string> {
  const details = isApiError(error) && error.reason === 'REPORT_VALUES_INVALID' ? (error.details as { problems?: { code: string; message: string }[] } | null) : null;
  return Object.fromEntries((details?.problems ?? []).map((x) => [x.code, x.message]));
}

function useSubmit(p: PeriodUnit, report: UnitReport, content: ReportContent, showErrors: () => void) {
  const submit = useSubmitReport(p);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [fromServer, setFromServer] = useState<{ content: ReportContent; errors: Record<string, string> } | null>(null);
  // The server's messages stand until the content changes.
  const errors = { ...(fromServer?.content === content ? fromServer.errors : {}), ...checkContent(report.form, content) };
  const run = () => {
    const bad = Object.keys(errors);
    if (bad.length > 0) {
      showErrors();
      void message.error(`Còn ${bad.length} số liệu cần sửa trước khi gửi.`);
      document.getElementById(fieldId(bad[0]!))?.focus();
      return;
    }
    submit.mutate(content, {
      onSuccess: (r) => void message.success(`Đã gửi báo cáo (phiên bản ${r.version}, ${r.late ? 'gửi muộn' : 'đúng hạn'}).`),
      onError: (error) => {
        const problems = serverProblems(error);
        if (Object.keys(problems).length === 0) return notifyError(error);
        setFromServer({ content, errors: problems });
        showErrors();
        void message.error(`Còn ${Object.keys(problems).length} số liệu cần sửa trước khi gửi.`);
      },
    });
  };
  return { run, errors, pending: submit.isPending };
}

/**
 * Điền báo cáo: the form's sections (pre-filled figures marked), the narrative, saved automatically as
 * a draft; "Không phát sinh trong kỳ" in one click; submit after a confirmation, every error on its field.
 */
export function FillForm({ p, report, drafted }: { p: PeriodUnit; report: UnitReport; drafted: string[] | null }) {
  const initial = useMemo(() => ({ ...report.content, narrative: report.form.outline.map((_, i) => report.content.narrative[i] ?? '') }), [report]);
  const [content, setContent] = useState<ReportContent>(initial);
  const [errorsShown, setErrorsShown] = useState(false);
  const disabled = !report.editable;
  const autosave = useAutosave(content, (c) => saveDraft(p, c), report.editable);
  const submit = useSubmit(p, report, content, () => setErrorsShown(true));
  const recipient = report.recipient?.name ?? 'cấp trên';
  return (
    <Form layout="vertical" component="div" data-testid="fill-form">
      <Flex vertical gap={12}>
        {report.form.sections.map((s) => (
          <Card key={s.title} size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{s.title}</h2>}>
            {s.indicators.map((i) => (
              <IndicatorField key={i.code} indicator={i} content={content} onChange={setContent} disabled={disabled} error={errorsShown ? submit.errors[i.code] : undefined} />
            ))}
          </Card>
        ))}
        <NarrativeCard report={report} content={content} onChange={setContent} drafted={drafted} disabled={disabled} />
        {report.editable && (
          <Flex wrap gap={8} align="center" style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '8px 0', zIndex: 2 }}>
            <Popconfirm title={`Gửi báo cáo tới ${recipient}?`} description="Sau khi gửi, báo cáo được lưu thành một phiên bản không sửa được." okText="Gửi" cancelText="Hủy" onConfirm={submit.run}>
              <Button type="primary" icon={<SendOutlined />} loading={submit.pending} data-testid="report-submit">
                {report.receives ? 'Gửi báo cáo tổng hợp' : 'Gửi báo cáo'}
              </Button>
            </Popconfirm>
            <Button icon={<StopOutlined />} onClick={() => setContent(noActivityContent(report.form, content))} data-testid="report-no-activity">
              Không phát sinh trong kỳ
            </Button>
            {content.noActivity && <Typography.Text><CheckCircleOutlined /> Đã điền "Không phát sinh trong kỳ"</Typography.Text>}
            <AutosaveText state={autosave} />
          </Flex>
        )}
      </Flex>
    </Form>
  );
}
