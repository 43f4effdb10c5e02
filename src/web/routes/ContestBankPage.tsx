import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Flex, Input, List, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { useQuestions, useQuestionVersions, useSaveQuestion } from '../features/contests/api.js';
import type { QuestionFilter } from '../features/contests/organiserTypes.js';
import { QuestionDialog, type BankQuestion } from '../features/contests/QuestionDialog.js';
import { QuestionImport } from '../features/contests/QuestionImport.js';
import { difficultyLabels } from '../../shared/labels.js';
import { formatDateTime } from '../lib/time.js';
import { ScrollRegion } from '../features/contests/ScrollRegion.js';

const letters = 'ABCDEF';

function Versions({ questionId, onClose }: { questionId: number | null; onClose: () => void }) {
  const versions = useQuestionVersions(questionId);
  const rows = versions.data ?? [];
  return (
    <Drawer open={questionId !== null} onClose={onClose} title="Các phiên bản của câu hỏi" width={560}>
      <List
        loading={versions.isPending}
        dataSource={rows}
        renderItem={(v) => (
          <List.Item>
            <Flex vertical gap={2}>
              <strong>{`Phiên bản ${v.version} · ${formatDateTime(v.createdAt)}${v.current ? ' (hiện hành)' : ''}`}</strong>
              <span>{v.text}</span>
              <span>{v.options.map((o, i) => `${letters[i]}. ${o}${v.correct.includes(i) ? ' ✓' : ''}`).join(' · ')}</span>
            </Flex>
          </List.Item>
        )}
      />
    </Drawer>
  );
}

function Filters({ filter, onChange }: { filter: QuestionFilter; onChange: (f: QuestionFilter) => void }) {
  return (
    <Flex gap={8} wrap>
      <Input.Search aria-label="Lọc theo chủ đề" placeholder="Chủ đề" allowClear style={{ width: 220 }} onSearch={(topic) => onChange({ ...filter, topic: topic.trim() || undefined })} />
      <Select aria-label="Lọc theo độ khó" placeholder="Độ khó" allowClear style={{ width: 160 }} value={filter.difficulty} options={Object.entries(difficultyLabels).map(([value, label]) => ({ value, label }))} onChange={(difficulty) => onChange({ ...filter, difficulty })} />
      <Select aria-label="Lọc câu tranh chấp" placeholder="Tranh chấp" allowClear style={{ width: 200 }} value={filter.disputed} options={[{ value: 'true', label: 'Đang tranh chấp' }, { value: 'false', label: 'Không tranh chấp' }]} onChange={(disputed) => onChange({ ...filter, disputed })} />
    </Flex>
  );
}

/** `/cuoc-thi/:id/cau-hoi`: the question bank — filters, edit dialog, versions, the disputed switch, import. */
export function ContestBankPage() {
  const id = Number(useParams().id);
  const [filter, setFilter] = useState<QuestionFilter>({});
  const questions = useQuestions(id, filter);
  const save = useSaveQuestion(id);
  const [editing, setEditing] = useState<BankQuestion | null | 'new'>(null);
  const [versionsOf, setVersionsOf] = useState<number | null>(null);
  const rows: BankQuestion[] = questions.data ?? [];
  const toggleDisputed = (q: BankQuestion, disputed: boolean) => save.mutate({ questionId: q.id, body: { text: q.text, options: q.options, correct: q.correct, topic: q.topic, difficulty: q.difficulty, source: q.source, explanation: q.explanation, disputed } });
  return (
    <Flex vertical gap={12}>
      <title>Ngân hàng câu hỏi — Lan Tỏa</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Ngân hàng câu hỏi
        </Typography.Title>
        <Link to={`/cuoc-thi/${id}`}>Về cuộc thi</Link>
      </Flex>
      <QuestionImport contestId={id} />
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{`Câu hỏi (${rows.length})`}</h2>} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="question-add">Thêm câu hỏi</Button>}>
        <Flex vertical gap={8}>
          <Filters filter={filter} onChange={setFilter} />
          {questions.isError && <ErrorResult error={questions.error} onRetry={() => void questions.refetch()} title="Chưa tải được câu hỏi" />}
          <ScrollRegion label="Câu hỏi" minWidth={960}>
            <Table<BankQuestion>
              rowKey="id"
              size="small"
              loading={questions.isFetching}
              dataSource={rows}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              data-testid="question-table"
              columns={[
                { title: 'Câu hỏi', dataIndex: 'text', render: (text: string, q) => <Flex vertical gap={2}><span>{text}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{q.options.map((o, i) => `${letters[i]}. ${o}${q.correct.includes(i) ? ' ✓' : ''}`).join(' · ')}</Typography.Text></Flex> },
                { title: 'Chủ đề', dataIndex: 'topic', width: 140 },
                { title: 'Độ khó', width: 100, render: (_, q) => difficultyLabels[q.difficulty] },
                { title: 'Nguồn', dataIndex: 'source', width: 200 },
                { title: 'Phiên bản', width: 90, render: (_, q) => <Button type="link" size="small" onClick={() => setVersionsOf(q.id)}>{`v${q.version}`}</Button> },
                { title: 'Đã dùng', width: 80, render: (_, q) => (q.used ? <Tag>Đã dùng</Tag> : null) },
                { title: 'Tranh chấp', width: 100, render: (_, q) => <Switch size="small" checked={q.disputed} aria-label={`Tranh chấp: ${q.text}`} onChange={(on) => toggleDisputed(q, on)} /> },
                { title: '', width: 70, render: (_, q) => <Button size="small" onClick={() => setEditing(q)}>Sửa</Button> },
              ]}
            />
          </ScrollRegion>
        </Flex>
      </Card>
      {editing !== null && <QuestionDialog contestId={id} question={editing === 'new' ? null : editing} open onClose={() => setEditing(null)} />}
      <Versions questionId={versionsOf} onClose={() => setVersionsOf(null)} />
    </Flex>
  );
}
