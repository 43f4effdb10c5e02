/**
 * Vietnamese labels of campaign plans that the server (API, XLSX, CLI) and the web pages both show.
 * Pure constants, no imports (the web app imports this file too).
 */

/** A task's derived status (src/modules/campaigns/status.ts), never stored. */
export const campaignTaskStatuses = ['done', 'overdue', 'in_progress', 'not_started'] as const;
export type CampaignTaskStatus = (typeof campaignTaskStatuses)[number];

export const campaignTaskStatusLabels: Record<CampaignTaskStatus, string> = {
  done: 'Đã hoàn thành',
  overdue: 'Quá hạn',
  in_progress: 'Đang thực hiện',
  not_started: 'Chưa bắt đầu',
};

/** Column headings of the progress views and exports. */
export const campaignProgressLabels = {
  task: 'Nhiệm vụ',
  unit: 'Đơn vị',
  assigned: 'Số đơn vị được giao',
  done: 'Đã hoàn thành',
  inProgress: 'Đang thực hiện',
  overdue: 'Quá hạn',
  notStarted: 'Chưa bắt đầu',
  unitsActed: 'Số đơn vị đã thực hiện',
  unitsBelow: 'Số đơn vị cấp dưới',
  activities: 'Số hoạt động',
  status: 'Tình trạng',
  deadline: 'Hạn',
  otherChannel: 'Hình thức khác',
  noTheme: 'Không gắn nội dung',
} as const;
