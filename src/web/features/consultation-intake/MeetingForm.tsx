import { api, data } from '../../api/client.js';
import { Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { MeetingInput, StaffIntakeForm } from '../../api/types.js';
import { contributorGroupOptions, intakeText as t, meetingKindLabels, staffStances } from '../../i18n/consultation.js';
import { emptyOpinion, OpinionListField } from '../consultation/OpinionListField.js';
import { outsideWindow, toMeetingInput, vnWallClock, type MeetingValues } from './intakeValues.js';
import { EntryForm } from './EntryForm.js';
import { useIntakeEntry } from './useIntake.js';

const kinds = Object.keys(meetingKindLabels) as MeetingInput['kind'][];
const layout = { fields: ['kind', 'title', 'heldAt', 'attendees', 'contributorGroup'], lists: ['opinions'] } as const;

/** "Hội nghị, tọa đàm": the minutes of a meeting — one submission carrying every opinion recorded. */
export function MeetingForm({ intake, unitId }: { intake: StaffIntakeForm; unitId: number }) {
  const entry = useIntakeEntry<MeetingValues>({
    code: intake.code,
    unitId,
    layout,
    initialValues: (): Partial<MeetingValues> => ({ kind: 'hoi_nghi', heldAt: vnWallClock(), contributorGroup: 'khac', opinions: [emptyOpinion(intake.documents)] }),
    send: (values, key) => data(api.POST('/api/v1/consultations/{code}/meetings', { params: { path: { code: intake.code } }, body: toMeetingInput(values, unitId, key) })),
  });

  return (
    <EntryForm entry={entry} testId="meeting" saveLabel={t.saveMeeting}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="kind" label={t.meetingKind} rules={[{ required: true }]}>
          <Radio.Group data-testid="meeting-kind" optionType="button" options={kinds.map((k) => ({ value: k, label: meetingKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="title" label={t.meetingTitle} rules={[{ required: true, whitespace: true, message: t.meetingTitleRequired }]}>
          <Input data-testid="meeting-title" maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="heldAt" label={t.heldAt} rules={[{ required: true, message: t.heldAtRequired }]}>
              <DatePicker data-testid="meeting-held-at" showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" disabledDate={outsideWindow(intake)} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="attendees" label={t.attendees} rules={[{ required: true, type: 'integer', min: 1, message: t.attendeesRequired }]}>
              <InputNumber data-testid="meeting-attendees" min={1} max={1_000_000} precision={0} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="contributorGroup" label={t.meetingGroup} rules={[{ required: true, message: t.groupRequired }]} style={{ marginBottom: 0 }}>
          <Select data-testid="meeting-group" options={contributorGroupOptions} />
        </Form.Item>
      </Card>

      <Typography.Title level={5}>{t.minutesTitle}</Typography.Title>
      <OpinionListField documents={intake.documents} stances={staffStances} max={1000} testIdPrefix="meeting-opinion" stanceDirection="row" stanceLabel={t.stance} />
    </EntryForm>
  );
}
