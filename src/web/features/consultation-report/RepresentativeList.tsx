import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { RepresentativeOpinion } from '../../api/types.js';
import { channelLabels, representativeText, sectionTitle, stanceColors, stanceLabels } from '../../i18n/consultation-report.js';

interface Group {
  key: string;
  title: string;
  sections: { key: string; title: string; items: RepresentativeOpinion[] }[];
}

/** Items (already in document order from the server) grouped by document, then section. */
export function groupByDocumentAndSection(items: readonly RepresentativeOpinion[]): Group[] {
  const groups: Group[] = [];
  for (const item of items) {
    let group = groups.at(-1);
    if (!group || group.key !== item.document.code) {
      group = { key: item.document.code, title: item.document.title, sections: [] };
      groups.push(group);
    }
    const key = item.section?.ref ?? '';
    let section = group.sections.at(-1);
    if (!section || section.key !== key) {
      section = { key, title: sectionTitle(item.section), items: [] };
      group.sections.push(section);
    }
    section.items.push(item);
  }
  return groups;
}

/** One quoted opinion: its text, stance, where it was received and who picked it. */
export function QuotedOpinion({ item, actions }: { item: RepresentativeOpinion; actions?: ReactNode }) {
  const origin = item.carriedFrom && item.carriedFrom.id !== item.pickedBy.id ? ` (${representativeText.carriedFrom} ${item.carriedFrom.name})` : '';
  return (
    <Flex vertical gap={4} data-testid="representative-item" data-opinion-id={item.opinionId} style={{ borderInlineStart: '3px solid #d6e4ff', paddingInlineStart: 10 }}>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} italic>
        {item.text.trim() ? `“${item.text.trim()}”` : representativeText.noText}
      </Typography.Paragraph>
      <Flex wrap gap={6} align="center">
        <Tag color={stanceColors[item.stance]} style={{ marginInlineEnd: 0 }}>
          {stanceLabels[item.stance]}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {representativeText.receivedAt}: {item.receivingUnit.name} · {channelLabels[item.channel]} · {representativeText.pickedBy}: {item.pickedBy.name}
          {origin}
        </Typography.Text>
        {actions}
      </Flex>
      {item.note && (
        <Typography.Text style={{ fontSize: 12 }}>
          <Typography.Text strong style={{ fontSize: 12 }}>
            Ghi chú:
          </Typography.Text>{' '}
          {item.note}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A list of representative opinions under document and section headings; `actions` adds buttons to each. */
export function RepresentativeList({ items, actions, testId }: { items: readonly RepresentativeOpinion[]; actions?: (item: RepresentativeOpinion) => ReactNode; testId?: string }) {
  return (
    <Flex vertical gap={12} data-testid={testId}>
      {groupByDocumentAndSection(items).map((group) => (
        <Flex vertical gap={8} key={group.key}>
          <Typography.Text strong>{group.title}</Typography.Text>
          {group.sections.map((section) => (
            <Flex vertical gap={8} key={section.key} style={{ paddingInlineStart: 8 }}>
              <Typography.Text type="secondary" strong style={{ fontSize: 13 }}>
                {section.title}
              </Typography.Text>
              {section.items.map((item) => (
                <QuotedOpinion key={`${item.id}-${item.opinionId}`} item={item} actions={actions?.(item)} />
              ))}
            </Flex>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
