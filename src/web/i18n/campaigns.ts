/** Vietnamese labels and colours of the campaign pages (the server's shared labels live in src/shared). */
import { campaignChannelLabels, campaignChannels, type ChannelCode } from '../../shared/campaign-channels.js';

/** The parts of a plan the proposal marks in the text, with their colour. */
export const campaignPartLabels: Record<string, string> = {
  milestone: 'Mốc',
  phase: 'Đợt / giai đoạn',
  theme: 'Nội dung tuyên truyền',
  channel: 'Hình thức',
  assignment: 'Phân công',
};

export const campaignPartColors: Record<string, string> = {
  milestone: '#ffd8bf',
  phase: '#91caff',
  theme: '#b7eb8f',
  channel: '#ffe58f',
  assignment: '#ffadd2',
};

export function campaignPartLabel(field: string): string {
  const [part, index] = field.split('.');
  const label = campaignPartLabels[part ?? ''] ?? field;
  return index !== undefined ? `${label} ${Number(index) + 1}` : label;
}

export const channelOptions = campaignChannels.map((value) => ({ value, label: campaignChannelLabels[value] }));

export function channelLabel(code: string | null | undefined, text?: string | null): string {
  if (code && code in campaignChannelLabels) return campaignChannelLabels[code as ChannelCode];
  return text || 'Hình thức khác';
}

export const boundKindLabels = { none: 'Không ghi', date: 'Ngày', milestone: 'Theo mốc' } as const;
export const deadlineKindLabels = {
  none: 'Không có hạn',
  date: 'Đến ngày',
  milestone: 'Theo mốc',
  phase_end: 'Hết đợt',
  recurring: 'Định kỳ',
} as const;
export const edgeLabels = { start: 'khi bắt đầu', end: 'khi kết thúc' } as const;
export const recurrenceLabels = { week: 'Hằng tuần', month: 'Hằng tháng', phase: 'Trong suốt đợt' } as const;
