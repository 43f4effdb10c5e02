import { api, data } from '../../api/client.js';
import { Card, Col, DatePicker, Form, Radio, Row, Select } from 'antd';
import type { StaffIntakeForm, StaffSubmissionInput } from '../../api/types.js';
import { contributorGroupOptions, intakeText as t, staffChannelLabels, staffStances } from '../../i18n/consultation.js';
import { ContactFields } from '../consultation/ContactFields.js';
import { emptyOpinion, OpinionListField } from '../consultation/OpinionListField.js';
import { outsideWindow, toStaffInput, vnWallClock, type LetterValues } from './intakeValues.js';
import { EntryForm } from './EntryForm.js';
import { useIntakeEntry } from './useIntake.js';

const channels = Object.keys(staffChannelLabels) as StaffSubmissionInput['channel'][];
const layout = { fields: ['channel', 'submittedAt', 'contributorGroup', 'name', 'phone', 'idNumber', 'consent'], lists: ['opinions'], flatten: ['contact'] } as const;

/** "Thư, báo chí, thư điện tử": one item received by the unit, typed in by staff, with optional contact details. */
export function LetterForm({ intake, unitId }: { intake: StaffIntakeForm; unitId: number }) {
  const entry = useIntakeEntry<LetterValues>({
    code: intake.code,
    unitId,
    layout,
    initialValues: (): Partial<LetterValues> => ({ channel: 'letter', submittedAt: vnWallClock(), opinions: [emptyOpinion(intake.documents)], consent: false }),
    send: (values, key) => data(api.POST('/api/v1/consultations/{code}/submissions', { params: { path: { code: intake.code } }, body: toStaffInput(values, unitId, key) })),
  });

  return (
    <EntryForm entry={entry} testId="letter" saveLabel={t.saveLetter}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="channel" label={t.channel} rules={[{ required: true }]}>
          <Radio.Group data-testid="letter-channel" optionType="button" options={channels.map((c) => ({ value: c, label: staffChannelLabels[c] }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="submittedAt" label={t.receivedAt} rules={[{ required: true, message: t.receivedAtRequired }]}>
              <DatePicker data-testid="letter-received-at" showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" disabledDate={outsideWindow(intake)} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contributorGroup" label={t.group} rules={[{ required: true, message: t.groupRequired }]} style={{ marginBottom: 0 }}>
              <Select data-testid="letter-group" options={contributorGroupOptions} placeholder="Chọn đối tượng" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <OpinionListField documents={intake.documents} stances={staffStances} max={200} testIdPrefix="letter-opinion" stanceDirection="row" stanceLabel={t.stance} />

      <ContactFields title={t.contactTitle} hint={t.contactPrivacy} consentLabel={t.contactConsent} consentRequired={t.contactConsentRequired} testIdPrefix="letter" />
    </EntryForm>
  );
}
