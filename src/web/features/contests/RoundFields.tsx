import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import { predictionKindLabels } from '../../i18n/contests.js';
import { newRound, type ContestFormValues } from './contestForm.js';

const predictionOptions = Object.entries(predictionKindLabels).map(([value, label]) => ({ value, label }));
const required = (message: string) => [{ required: true, message }];

/** A list of prizes (name, how many): the round's ladder or the contest's collective prizes. */
export function PrizeList({ name, disabled, label }: { name: (string | number)[]; disabled: boolean; label: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          <span>{label}</span>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start">
              <Form.Item name={[field.name, 'name']} rules={required('Nhập tên giải.')} style={{ flex: 1, marginBottom: 4 }}>
                <Input aria-label="Tên giải" disabled={disabled} />
              </Form.Item>
              <Form.Item name={[field.name, 'count']} style={{ width: 100, marginBottom: 4 }}>
                <InputNumber aria-label="Số giải" min={1} disabled={disabled} />
              </Form.Item>
              {!disabled && <Button aria-label="Xóa giải" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
            </Flex>
          ))}
          {!disabled && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', count: 1 })} style={{ alignSelf: 'start' }}>
              Thêm giải
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

function RoundCard({ index, locked, onRemove }: { index: number; locked: boolean; onRemove: (() => void) | null }) {
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 15 }}>{`Vòng ${index + 1}`}</h3>} extra={onRemove && !locked ? <Button danger size="small" onClick={onRemove}>Xóa vòng</Button> : null} data-testid={`round-form-${index + 1}`}>
      {locked && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="Vòng thi đã mở: các thiết lập bị khóa, không sửa được." />}
      <Flex wrap gap={12}>
        <Form.Item name={[index, 'opens']} label="Mở lúc (giờ Việt Nam)" rules={required('Chọn thời điểm mở.')}>
          <DatePicker showTime format="DD/MM/YYYY HH:mm" disabled={locked} />
        </Form.Item>
        <Form.Item name={[index, 'closes']} label="Đóng lúc (giờ Việt Nam)" rules={required('Chọn thời điểm đóng.')}>
          <DatePicker showTime format="DD/MM/YYYY HH:mm" disabled={locked} />
        </Form.Item>
        <Form.Item name={[index, 'questionsPerAttempt']} label="Số câu mỗi lượt">
          <InputNumber min={1} max={100} disabled={locked} />
        </Form.Item>
        <Form.Item name={[index, 'timeLimitMinutes']} label="Thời gian mỗi lượt (phút)">
          <InputNumber min={1} max={600} disabled={locked} />
        </Form.Item>
        <Form.Item name={[index, 'attemptsAllowed']} label="Số lượt mỗi người">
          <InputNumber min={1} max={100} disabled={locked} />
        </Form.Item>
        <Form.Item name={[index, 'graceSeconds']} label="Thời gian ân hạn (giây)">
          <InputNumber min={0} max={120} disabled={locked} />
        </Form.Item>
        <Form.Item name={[index, 'prediction']} label="Câu hỏi dự đoán" style={{ minWidth: 280 }}>
          <Select options={predictionOptions} disabled={locked} />
        </Form.Item>
        <Form.Item name={[index, 'topics']} label="Chủ đề (để trống: tất cả)" style={{ minWidth: 280 }}>
          <Select mode="tags" disabled={locked} />
        </Form.Item>
      </Flex>
      <PrizeList name={[index, 'prizes']} disabled={locked} label="Cơ cấu giải" />
    </Card>
  );
}

/** The rounds of the contest editor; an opened round's settings are read-only. */
export function RoundFields({ form }: { form: FormInstance<ContestFormValues> }) {
  return (
    <Form.List name="rounds">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, i) => {
            const locked = form.getFieldValue(['rounds', field.name, 'locked']) === true;
            return <RoundCard key={field.key} index={field.name} locked={locked} onRemove={fields.length > 1 && i === fields.length - 1 ? () => remove(field.name) : null} />;
          })}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRound(form.getFieldValue('rounds') ?? []))} data-testid="round-add">
            Thêm vòng thi
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
