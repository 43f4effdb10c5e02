import { z } from 'zod';
import { campaignTaskStatuses } from '../../shared/campaign-labels.js';

/** zod contract of the campaigns' read endpoints (also their OpenAPI schemas). Instants are ISO strings. */

const id = z.number().int();
const unitRef = z.object({ id, code: z.string(), name: z.string() });
const status = z.enum(campaignTaskStatuses);
const quantities = z.record(z.string(), z.number()).describe('Số lượng theo loại (mã trong campaign_quantity_kinds)');
const instant = z.string().describe('ISO 8601');

export const campaignSummarySchema = z
  .object({
    id, code: z.string(), title: z.string(), ownerUnit: unitRef, parentCampaignId: id.nullable(), sourceReference: z.string().nullable(),
    createdAt: instant, tasks: z.number().int(), done: z.number().int(), overdue: z.number().int(),
  })
  .meta({ id: 'CampaignSummary' });

const timeBound = z.record(z.string(), z.unknown()).nullable().describe('Mốc thời gian như kế hoạch ghi: ngày, thời điểm hoặc gắn với một mốc');

export const campaignSchema = z
  .object({
    id, code: z.string(), title: z.string(), purpose: z.string(), requirements: z.string(), ownerUnitId: id, ownerUnit: unitRef,
    parentCampaignId: id.nullable(), sourceDirectiveId: id.nullable(), sourceReference: z.string().nullable(), createdAt: instant, updatedAt: instant,
    milestones: z.array(z.object({ id, position: z.number().int(), title: z.string(), startsAt: instant, endsAt: instant })),
    phases: z.array(z.object({ id, position: z.number().int(), title: z.string(), starts: timeBound, ends: timeBound, startsAt: instant.nullable(), endsAt: instant.nullable() })),
    themes: z.array(z.object({ id, phaseId: id.nullable(), position: z.number().int(), title: z.string() })),
    channels: z.array(z.object({ id, position: z.number().int(), channel: z.string().nullable(), text: z.string() })),
    assignments: z.array(
      z.object({
        id, code: z.string(), position: z.number().int(), text: z.string(), unitsAsWritten: z.string(), leadUnit: unitRef.nullable(),
        coordinatingUnits: z.array(unitRef), units: z.array(unitRef), phaseId: id.nullable(), deadline: timeBound, dueAt: instant.nullable(),
        themeIds: z.array(id), channels: z.array(z.string()), expectedOutputs: z.array(z.object({ kind: z.string(), quantity: z.number() })),
      }),
    ),
  })
  .meta({ id: 'CampaignDetail' });

const tallySchema = {
  assigned: z.number().int(), done: z.number().int(), inProgress: z.number().int(), overdue: z.number().int(), notStarted: z.number().int(),
  activities: z.number().int(), quantities,
  units: z.number().int().describe('Số đơn vị (được giao và cấp dưới qua kế hoạch thực hiện), mỗi đơn vị một lần'),
  unitsActed: z.number().int().describe('Số đơn vị đã có hoạt động hoặc đã hoàn thành'),
  idleUnits: z.array(unitRef).describe('Các đơn vị chưa làm gì (tối đa 50)'), idleCount: z.number().int(),
};

export const campaignProgressSchema = z
  .object({
    campaign: z.object({ id, code: z.string(), title: z.string(), ownerUnitId: id }),
    unit: unitRef,
    generatedAt: instant,
    totals: z.object(tallySchema),
    tasks: z.array(z.object({ assignmentId: id, code: z.string(), text: z.string(), ...tallySchema })),
    units: z.array(unitRef.extend({ status: status.nullable(), drillable: z.boolean() })),
    grid: z.array(z.object({ unitId: id, tasks: z.array(z.object({ assignmentId: id, taskId: id.nullable(), status: status.nullable(), done: z.number().int(), total: z.number().int() })) })),
    quantityKinds: z.array(z.object({ code: z.string(), label: z.string() })).describe('Các loại số lượng (nhãn tiếng Việt)'),
  })
  .meta({ id: 'CampaignProgress' });

export const campaignMatrixSchema = z
  .object({
    unitId: id,
    themes: z.array(z.object({ id, position: z.number().int(), title: z.string() })),
    channels: z.array(z.string().nullable()),
    cells: z.array(z.object({ themeId: id.nullable(), channel: z.string().nullable(), activities: z.number().int(), quantities })),
  })
  .meta({ id: 'CampaignMatrix' });

export const campaignActivityWeeksSchema = z
  .object({ unitId: id, weeks: z.array(z.object({ week: z.iso.date(), channel: z.string().nullable(), activities: z.number().int() })) })
  .meta({ id: 'CampaignActivityWeeks' });

export const campaignTaskSchema = z
  .object({
    id, code: z.string(), campaignId: id, campaignCode: z.string(), campaignTitle: z.string(), ownerUnitId: id, assignmentId: id,
    assignmentPosition: z.number().int(), text: z.string(), channels: z.array(z.string()), themeIds: z.array(id),
    themes: z.array(z.object({ id, position: z.number().int(), title: z.string() })),
    expectedOutputs: z.array(z.object({ kind: z.string(), quantity: z.number() })), unitId: id, unitCode: z.string(), unitName: z.string(),
    dueAt: instant.nullable(), recurrence: z.string().nullable(), doneAt: instant.nullable(), doneNote: z.string().nullable(), status,
    parentTaskId: id.nullable(), canRecord: z.boolean(),
    parentTask: z.object({ id, code: z.string(), campaignId: id, campaignTitle: z.string(), unitName: z.string(), status }).nullable(),
    rollup: z.object({ units: z.number().int(), unitsActed: z.number().int(), activities: z.number().int(), quantities, idleUnits: z.array(unitRef) }),
    below: z.array(z.object({ id, parentTaskId: id.nullable(), depth: z.number().int(), campaignCode: z.string(), unitId: id, unitName: z.string(), status, activities: z.number().int() })),
    activities: z.array(
      z.object({
        id, occurredOn: z.iso.date(), channel: z.string().nullable(), channelText: z.string().nullable(), themeIds: z.array(id), title: z.string(),
        link: z.string().nullable(), quantities, createdAt: instant,
        files: z.array(z.object({ id, fileName: z.string(), contentType: z.string(), size: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'CampaignTask' });

export const todoTaskSchema = z
  .object({
    taskId: id, campaignId: id, campaignCode: z.string(), campaignTitle: z.string(), assignmentPosition: z.number().int(), text: z.string(),
    unitId: id, unitName: z.string(), dueAt: instant, status,
  })
  .meta({ id: 'CampaignTodoTask' });
