import { Card, Flex, Typography } from 'antd';
import type { Campaign } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';

interface Span {
  key: string;
  title: string;
  start: number;
  end: number;
  kind: 'phase' | 'milestone';
}

/** The spans a timeline draws: phases with both bounds resolved, and every milestone. */
function spansOf(campaign: Campaign): Span[] {
  const phases = campaign.phases.flatMap((p) =>
    p.startsAt || p.endsAt
      ? [{ key: `p${p.id}`, title: p.title, start: Date.parse(p.startsAt ?? p.endsAt ?? ''), end: Date.parse(p.endsAt ?? p.startsAt ?? ''), kind: 'phase' as const }]
      : [],
  );
  const milestones = campaign.milestones.map((m) => ({ key: `m${m.id}`, title: m.title, start: Date.parse(m.startsAt), end: Date.parse(m.endsAt), kind: 'milestone' as const }));
  return [...phases, ...milestones];
}

const when = (start: number, end: number) =>
  start === end ? formatDateTime(new Date(start).toISOString()) : `${formatDateTime(new Date(start).toISOString())} – ${formatDateTime(new Date(end).toISOString())}`;

/**
 * Phases and milestones on one time line, with today marked. Each span is a bar placed by its
 * instants; its title and dates are written beside it (no information is in the picture alone).
 */
export function CampaignTimeline({ campaign, now = Date.now() }: { campaign: Campaign; now?: number }) {
  const spans = spansOf(campaign);
  if (spans.length === 0) return null;
  const min = Math.min(...spans.map((s) => s.start), now);
  const max = Math.max(...spans.map((s) => s.end), now);
  const width = Math.max(max - min, 1);
  const at = (t: number) => `${(((t - min) / width) * 100).toFixed(2)}%`;
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>Các đợt và mốc thời gian</h2>} size="small" data-testid="campaign-timeline">
      <div style={{ position: 'relative', paddingTop: 4 }}>
        <div
          aria-hidden
          data-testid="timeline-today"
          style={{ position: 'absolute', top: 0, bottom: 0, left: at(now), width: 2, background: '#cf1322', zIndex: 1 }}
        />
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {spans.map((s) => (
            <li key={s.key} style={{ marginBottom: 10 }}>
              <Flex vertical gap={2}>
                <Typography.Text strong={s.kind === 'milestone'} style={{ overflowWrap: 'anywhere' }}>
                  {s.kind === 'milestone' ? 'Mốc: ' : ''}
                  {s.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {when(s.start, s.end)}
                </Typography.Text>
                <div aria-hidden style={{ position: 'relative', height: 10, background: '#f5f5f5', borderRadius: 4 }}>
                  <div
                    style={{
                      position: 'absolute', left: at(s.start), width: `max(4px, calc(${at(s.end)} - ${at(s.start)}))`, top: 0, bottom: 0, borderRadius: 4,
                      background: s.kind === 'milestone' ? '#d46b08' : '#1677ff',
                    }}
                  />
                </div>
              </Flex>
            </li>
          ))}
        </ol>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          Vạch đỏ: hôm nay, {formatDateTime(new Date(now).toISOString())}
        </Typography.Text>
      </div>
    </Card>
  );
}
