import { App, Button, Drawer, Empty, Flex, Input, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OpinionStance, RepresentativeCandidate } from '../../api/types.js';
import type { WeeklyReportView } from '../../api/types.js';
import { ErrorResult } from '../../components/ErrorResult.js';
import { SearchInput } from '../../components/SearchInput.js';
import { channelLabels, representativeText, sectionTitle, stanceColors, stanceLabels } from '../../i18n/consultation-report.js';
import { formatDateTime } from '../../lib/time.js';
import { useIsMobile } from '../../lib/useIsMobile.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { useRepresentativeCandidates, useRepresentativeMutations } from './useRepresentatives.js';

const PAGE_SIZE = 20;

const stanceOptions = (Object.keys(stanceLabels) as OpinionStance[]).map((value) => ({ value, label: stanceLabels[value] }));

/** One opinion of the list, with "Chọn" and, once pressed, an optional note before confirming. */
function Candidate({ item, onPick, pending }: { item: RepresentativeCandidate; onPick: (note: string | null) => Promise<unknown>; pending: boolean }) {
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState('');
  return (
    <Flex vertical gap={6} data-testid="candidate" data-opinion-id={item.opinionId} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} ellipsis={{ rows: 4, expandable: true, symbol: 'xem hết' }}>
        {item.text.trim() || representativeText.noText}
      </Typography.Paragraph>
      <Flex wrap gap={6} align="center">
        <Tag color={stanceColors[item.stance]} style={{ marginInlineEnd: 0 }}>
          {stanceLabels[item.stance]}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.document.code} · {sectionTitle(item.section)} · {item.receivingUnit.name} · {channelLabels[item.channel]} · {formatDateTime(item.submittedAt)}
        </Typography.Text>
      </Flex>
      {item.picked ? (
        <Tag color="blue" style={{ alignSelf: 'flex-start' }}>
          {representativeText.picked}
        </Tag>
      ) : noting ? (
        <Flex vertical gap={6}>
          <Input.TextArea
            data-testid="pick-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={representativeText.notePlaceholder}
            aria-label={representativeText.note}
          />
          <Flex gap={8} wrap>
            <Button type="primary" data-testid="pick-confirm" loading={pending} onClick={() => void onPick(note.trim() || null).then(() => setNoting(false), () => undefined)}>
              {representativeText.pickConfirm}
            </Button>
            <Button onClick={() => setNoting(false)}>Hủy</Button>
          </Flex>
        </Flex>
      ) : (
        <Button size="small" data-testid="candidate-pick" style={{ alignSelf: 'flex-start' }} onClick={() => setNoting(true)}>
          {representativeText.pick}
        </Button>
      )}
    </Flex>
  );
}

type Documents = WeeklyReportView['consultation']['documents'];
interface Filters {
  document: string | undefined;
  section: string | undefined;
  stance: OpinionStance | undefined;
}

/** The document, section (of the chosen document) and stance filters of the picker. */
function CandidateFilters(props: {
  documents: Documents;
  value: Filters;
  onDocument: (value: string | undefined) => void;
  onSection: (value: string | undefined) => void;
  onStance: (value: OpinionStance | undefined) => void;
}) {
  const { documents, value } = props;
  const sections = documents.find((d) => d.code === value.document)?.sections ?? [];
  return (
    <Flex wrap gap={8}>
      <Select
        allowClear
        data-testid="candidate-document"
        style={{ flex: '1 1 200px', minWidth: 0 }}
        placeholder={representativeText.allDocuments}
        value={value.document}
        onChange={(v?: string) => props.onDocument(v)}
        options={documents.map((d) => ({ value: d.code, label: d.title }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ flex: '1 1 200px', minWidth: 0 }}
        placeholder={representativeText.allSections}
        disabled={!value.document || sections.length === 0}
        value={value.section}
        onChange={(v?: string) => props.onSection(v)}
        options={sections.map((s) => ({ value: s.ref, label: sectionTitle(s) }))}
      />
      <Select
        allowClear
        style={{ flex: '1 1 160px', minWidth: 0 }}
        placeholder={representativeText.allStances}
        value={value.stance}
        onChange={(v?: OpinionStance) => props.onStance(v)}
        options={stanceOptions}
      />
    </Flex>
  );
}

/** The pages of opinions found so far (or why there are none), and the button for the next page. */
function CandidateResults(props: {
  list: ReturnType<typeof useRepresentativeCandidates>;
  onPick: (opinionId: number) => (note: string | null) => Promise<unknown>;
  pendingId: number | undefined;
}) {
  const { list, onPick, pendingId } = props;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const lastPage = list.data?.pages.at(-1);
  // A long search answers in parts: fewer opinions than a page, and more to search before `searchedFrom`.
  const partial = lastPage !== undefined && lastPage.hasMore && lastPage.items.length < PAGE_SIZE;
  return (
    <>
      {list.isError && !list.data ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active />
      ) : items.length === 0 && !partial ? (
        <Empty description={representativeText.noCandidates} />
      ) : (
        <Flex vertical data-testid="candidates">
          {items.map((item) => (
            <Candidate key={item.opinionId} item={item} onPick={onPick(item.opinionId)} pending={pendingId === item.opinionId} />
          ))}
        </Flex>
      )}
      {partial && lastPage && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="candidates-partial">
          {representativeText.searchedFrom(formatDateTime(lastPage.searchedFrom))}
        </Typography.Text>
      )}
      {list.hasNextPage && (
        <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {partial ? representativeText.searchOn : representativeText.more}
        </Button>
      )}
    </>
  );
}

/**
 * "Chọn ý kiến tiêu biểu": the opinions of the unit's subtree in the week, newest first, filtered by
 * document, section, stance and words (accents ignored), page after page; never contact details.
 * The filters stay while the drawer is closed and opened again, to pick several in a row.
 */
export function PickRepresentativeDrawer({ view, open, onClose }: { view: WeeklyReportView; open: boolean; onClose: () => void }) {
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { consultation, unit, period } = view;
  const [document, setDocument] = useState<string | undefined>();
  const [section, setSection] = useState<string | undefined>();
  const [stance, setStance] = useState<OpinionStance | undefined>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const query = { periodEnd: period.periodEnd, document, section, stance, q: q || undefined, limit: PAGE_SIZE };
  const list = useRepresentativeCandidates(consultation.code, unit.id, query, open);
  const { pick } = useRepresentativeMutations(consultation.code, unit.id, period.periodEnd);

  const onPick = (opinionId: number) => (note: string | null) =>
    pick.mutateAsync({ opinionId, note }).then(
      () => void message.success(representativeText.pickedDone),
      (error: unknown) => {
        notifyError(error);
        throw error;
      },
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      title={`${representativeText.pickerTitle} — ${unit.name}`}
      destroyOnHidden
      styles={{ body: { paddingTop: 12 } }}
    >
      <Flex vertical gap={10} data-testid="representative-picker">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {period.pickerLabel}. {representativeText.pickerHint}
        </Typography.Text>
        <CandidateFilters
          documents={consultation.documents}
          value={{ document, section, stance }}
          onDocument={(value) => {
            setDocument(value);
            setSection(undefined);
          }}
          onSection={setSection}
          onStance={setStance}
        />
        <SearchInput
          testId="candidate-search"
          allowClear
          placeholder={representativeText.search}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => setQ(value.trim())}
          enterButton
        />
        <CandidateResults list={list} onPick={onPick} pendingId={pick.isPending ? pick.variables?.opinionId : undefined} />
      </Flex>
    </Drawer>
  );
}
