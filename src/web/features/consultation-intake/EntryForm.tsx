import { Alert, Button, Form } from 'antd';
import type { ReactNode } from 'react';
import type { IntakeEntry } from './useIntake.js';

/** The frame of an entry form: vertical fields, the notice of what the server refused, the save button. */
export function EntryForm<V>({ entry, testId, saveLabel, children }: { entry: IntakeEntry<V>; testId: string; saveLabel: string; children: ReactNode }) {
  return (
    <Form<V>
      form={entry.form}
      layout="vertical"
      data-testid={`${testId}-form`}
      initialValues={entry.initialValues}
      onFinish={entry.submit}
      requiredMark="optional"
    >
      {children}
      {entry.failure ? <Alert type="error" showIcon message={entry.failure} style={{ marginTop: 16 }} data-testid={`${testId}-failure`} /> : null}
      <Button type="primary" htmlType="submit" loading={entry.saving} data-testid={`${testId}-save`} style={{ marginTop: 16 }}>
        {saveLabel}
      </Button>
    </Form>
  );
}
