import { z } from 'zod';
import { unitKinds } from '../../platform/db/schema/org.js';
import { campaignChannels } from '../../shared/campaign-channels.js';

/**
 * API contract of the campaign proposal (POST /campaigns/proposal): the structure read from a plan's
 * text (propose/types.ts `CampaignProposal`), with the normalised text its spans point into and the
 * plan's title and citation as the document's header gives them.
 */

/** The most characters of a plan's text the proposal reads (a long plan is ~60,000). */
export const proposalTextMaxChars = 300_000;

const span = z.array(z.number().int()).length(2).optional().describe('[đầu, cuối) trong văn bản đã chuẩn hóa');

export const timeExpressionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('date'), date: z.string() }),
    z.object({ kind: z.literal('milestone'), milestone: z.number().int(), edge: z.enum(['before', 'start', 'end', 'after']) }),
    z.object({ kind: z.literal('text'), text: z.string() }),
  ])
  .meta({ id: 'CampaignTimeExpression' });

const addresseeGroupSchema = z
  .object({ text: z.string(), unitKinds: z.array(z.enum(unitKinds)), nameIncludes: z.array(z.string()).optional() })
  .meta({ id: 'CampaignAddresseeGroup' });

export const campaignProposalSchema = z
  .object({
    text: z.string().describe('Văn bản đã chuẩn hóa mà các vị trí (span) trỏ vào'),
    title: z.string().nullable().describe('Trích yếu của kế hoạch, nếu đọc được'),
    reference: z.string().nullable().describe('Số, ký hiệu, ngày và cơ quan ban hành, nếu đọc được'),
    purpose: z.string().describe('Mục đích, như văn bản ghi (rỗng nếu không có)'),
    requirements: z.string().describe('Yêu cầu, như văn bản ghi (rỗng nếu không có)'),
    milestones: z.array(z.object({ title: z.string(), starts: z.string().nullable(), ends: z.string().nullable(), span })),
    phases: z.array(z.object({ title: z.string(), starts: timeExpressionSchema.nullable(), ends: timeExpressionSchema.nullable(), span })),
    themes: z.array(z.object({ phase: z.number().int().nullable(), title: z.string(), span })),
    channels: z.array(z.object({ channel: z.enum(campaignChannels).nullable(), text: z.string(), span })),
    assignments: z.array(
      z.object({
        units: z.array(z.string()),
        lead: z.string().nullable(),
        coordinating: z.array(z.string()),
        text: z.string(),
        deadline: timeExpressionSchema.nullable(),
        phase: z.number().int().nullable(),
        groups: z.array(addresseeGroupSchema),
        span,
      }),
    ),
  })
  .meta({ id: 'CampaignProposal' });
