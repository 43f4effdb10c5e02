import { z } from 'zod';
import { channels, contributorGroups, stances } from '../tables.js';
import { consultationWithDocumentsShape, meetingKinds } from './schemas.js';

/** zod contract of the staff intake page's reads (also their OpenAPI schemas). */

export const RECENT_DEFAULT = 20;
export const RECENT_MAX = 100;
/** Opinions shown per submission in the recent list, and the length their text is cut to. */
export const RECENT_OPINIONS = 3;
export const RECENT_TEXT = 400;

export const staffIntakeFormSchema = z
  .object({
    ...consultationWithDocumentsShape,
  })
  .meta({ id: 'StaffIntakeForm' });

export const recentSubmissionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(RECENT_MAX).default(RECENT_DEFAULT),
  before: z.coerce.number().int().positive().optional().describe('Chỉ các lượt góp ý có id nhỏ hơn (trang tiếp theo: nextBefore của trang trước)'),
});

export const recentSubmissionSchema = z
  .object({
    id: z.number().int(),
    channel: z.enum(channels),
    contributorGroup: z.enum(contributorGroups),
    submittedAt: z.string(),
    recordedAt: z.string(),
    selfSubmitted: z.boolean(),
    opinionCount: z.number().int(),
    /** The account that typed it in (staff, never the contributor). */
    enteredBy: z.string().nullable(),
    meeting: z.object({ kind: z.enum(meetingKinds), title: z.string(), attendees: z.number().int() }).nullable(),
    opinions: z.array(
      z.object({
        documentCode: z.string(),
        sectionRef: z.string().nullable(),
        stance: z.enum(stances),
        text: z.string(),
        truncated: z.boolean(),
      }),
    ),
    contact: z.enum(['stored', 'erased']).nullable().describe('Chỉ cho cán bộ của đơn vị tiếp nhận; người khác luôn nhận null'),
  })
  .meta({ id: 'RecentSubmission' });

export const recentSubmissionsSchema = z
  .object({
    unitId: z.number().int(),
    /** True when the actor is an editor or unit admin of this very unit (not an ancestor): they may reveal contacts. */
    canViewContacts: z.boolean(),
    items: z.array(recentSubmissionSchema),
    nextBefore: z.number().int().nullable(),
  })
  .meta({ id: 'RecentSubmissions' });

export type RecentSubmission = z.infer<typeof recentSubmissionSchema>;
