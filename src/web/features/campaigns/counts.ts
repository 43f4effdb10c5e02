import type { CampaignListItem } from './campaignTypes.js';

/** "12 nhiệm vụ · 3 đã hoàn thành · 1 quá hạn · 8 chưa xong" */
export function countsText(c: Pick<CampaignListItem, 'tasks' | 'done' | 'overdue'>): string {
  const open = c.tasks - c.done - c.overdue;
  return `${c.tasks} nhiệm vụ · ${c.done} đã hoàn thành · ${c.overdue} quá hạn · ${open} đang làm hoặc chưa bắt đầu`;
}
