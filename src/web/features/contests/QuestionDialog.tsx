import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { errorText } from '../../i18n/errors.js';
import { difficultyLabels } from '../../../shared/labels.js';
import { useSaveQuestion } from './api.js';
import type { BankQuestion, QuestionInput } from './organiserTypes.js';

export type { BankQuestion };

const letters = 'ABCDEF';
const difficultyOptions = Object.entries(difficultyLabels).map(([value, label]) => ({ value, label }));

interface Values {
  text: string;
  options: string[];
  correct: number[];
  topic: string;
  difficulty: QuestionInput['difficulty'];
  source: string;
  explanation: string;
  disputed: boolean;
}

function OptionsField() {
  return (
    <Form.List name="options">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          <span>Các phương án (2–6)</span>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="start">
              <span style={{ width: 20, paddingTop: 5 }}>{letters[i]}</span>
              <Form.Item name={field.name} rules={[{ required: true, whitespace: true, message: 'Nhập phương án.' }]} style={{ flex: 1, marginBottom: 4 }}>
                <Input aria-label={`Phương án ${letters[i]}`} />
              </Form.Item>
              {fields.length > 2 && <Button aria-label={`Xóa phương án ${letters[i]}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
            </Flex>
          ))}
          {fields.length < 6 && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'start' }}>
              Thêm phương án
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** Adds or edits a question of the bank; an edit of a question already used creates a new version (attempts keep theirs). */
export function QuestionDialog({ contestId, question, open, onClose }: { contestId: number; question: BankQuestion | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveQuestion(contestId);
  const options = Form.useWatch('options', form) ?? [];
  const initial: Values = question
    ? { text: question.text, options: question.options, correct: question.correct, topic: question.topic, difficulty: question.difficulty, source: question.source, explanation: question.explanation ?? '', disputed: question.disputed ?? false }
    : { text: '', options: ['', '', '', ''], correct: [], topic: '', difficulty: 'medium', source: '', explanation: '', disputed: false };
  const onFinish = (v: Values) => save.mutate({ questionId: question?.id ?? null, body: { ...v, correct: [...v.correct].sort((a, b) => a - b) } }, { onSuccess: onClose });
  return (
    <Modal open={open} title={question ? `Sửa câu hỏi (phiên bản ${question.version})` : 'Thêm câu hỏi'} onCancel={onClose} onOk={() => form.submit()} okText="Lưu" cancelText="Hủy" confirmLoading={save.isPending} width={720} destroyOnHidden>
      {question?.used && <Typography.Paragraph type="warning">Câu hỏi đã được dùng trong lượt thi: lưu sẽ tạo phiên bản mới, các lượt đã thi giữ phiên bản cũ.</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="question-form">
        <Form.Item name="text" label="Câu hỏi" rules={[{ required: true, whitespace: true, message: 'Nhập câu hỏi.' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <OptionsField />
        <Form.Item name="correct" label="Đáp án đúng" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một đáp án đúng.' }]} style={{ marginTop: 12 }}>
          <Checkbox.Group options={options.map((_, i) => ({ value: i, label: letters[i] ?? String(i) }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="topic" label="Chủ đề" style={{ flex: 1, minWidth: 200 }}>
            <Input />
          </Form.Item>
          <Form.Item name="difficulty" label="Độ khó" style={{ minWidth: 160 }}>
            <Select options={difficultyOptions} />
          </Form.Item>
          <Form.Item name="disputed" label="Đang tranh chấp" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.Item name="source" label="Nguồn (văn kiện, mục, hoặc địa chỉ)" rules={[{ required: true, whitespace: true, message: 'Nhập nguồn của câu hỏi.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="explanation" label="Giải thích (hiện sau khi vòng thi kết thúc và khi ôn tập)">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        {save.isError && <Typography.Text type="danger" role="alert">{errorText(save.error)}</Typography.Text>}
      </Form>
    </Modal>
  );
}
