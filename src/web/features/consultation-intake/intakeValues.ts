import type { Dayjs } from 'dayjs';
import type { ContactInput, ContributorGroup, MeetingInput, StaffSubmissionInput } from '../../api/types.js';
import { dayjs, VN_ZONE } from '../../lib/time.js';
import type { OpinionValues } from '../consultation/OpinionListField.js';

/** Form values of the letters/press/e-mail tab; the names are the request's, so server messages land on them. */
export interface LetterValues {
  channel?: StaffSubmissionInput['channel'];
  submittedAt?: Dayjs | null;
  contributorGroup?: ContributorGroup;
  opinions: OpinionValues[];
  name?: string;
  phone?: string;
  idNumber?: string;
  consent?: boolean;
}

/** Form values of the meetings tab. */
export interface MeetingValues {
  kind?: MeetingInput['kind'];
  title?: string;
  heldAt?: Dayjs | null;
  attendees?: number | null;
  contributorGroup?: ContributorGroup;
  opinions: OpinionValues[];
}

const WALL = 'YYYY-MM-DDTHH:mm:ss';

/**
 * A date picker shows the browser's local time; staff read and type Vietnam time. This gives the
 * picker value whose local wall clock is the Vietnam wall clock of `iso` (now by default).
 */
export function vnWallClock(iso?: string): Dayjs {
  return dayjs(dayjs(iso).tz(VN_ZONE).format(WALL));
}

/** The instant (ISO 8601, +07:00) of the Vietnam wall clock a picker value shows. */
export function fromVnWallClock(value: Dayjs): string {
  return dayjs.tz(value.format(WALL), VN_ZONE).format();
}

/**
 * Days a picker must not offer: after today in Vietnam, before the consultation's opening day, after
 * its closing day (the server checks the exact instants).
 */
export function outsideWindow(window: { opensAt: string; closesAt: string | null }, now?: string): (day: Dayjs) => boolean {
  const today = vnWallClock(now);
  const opens = vnWallClock(window.opensAt);
  const closes = window.closesAt ? vnWallClock(window.closesAt) : null;
  return (day) => day.isAfter(today, 'day') || day.isBefore(opens, 'day') || (closes !== null && day.isAfter(closes, 'day'));
}

/** Contact details as the API takes them, or null when every box is empty. */
export function contactOf(values: { name?: string; phone?: string; idNumber?: string }): ContactInput | null {
  const name = values.name?.trim() || null;
  const phone = values.phone?.trim() || null;
  const idNumber = values.idNumber?.trim() || null;
  return name || phone || idNumber ? { name, phone, idNumber, consent: true } : null;
}

export function hasContact(values: { name?: string; phone?: string; idNumber?: string } | undefined): boolean {
  return values !== undefined && contactOf(values) !== null;
}

function opinionsOf(values: OpinionValues[]): StaffSubmissionInput['opinions'] {
  return values.map((o) => ({ documentCode: o.documentCode ?? '', sectionRef: o.sectionRef ?? null, stance: o.stance ?? ('none' as const), text: o.text?.trim() ?? '' }));
}

export function toStaffInput(values: LetterValues, unitId: number, idempotencyKey: string): StaffSubmissionInput {
  return {
    idempotencyKey,
    unitId,
    channel: values.channel ?? 'letter',
    contributorGroup: values.contributorGroup ?? 'khac',
    submittedAt: values.submittedAt ? fromVnWallClock(values.submittedAt) : null,
    opinions: opinionsOf(values.opinions),
    contact: contactOf(values),
  };
}

export function toMeetingInput(values: MeetingValues, unitId: number, idempotencyKey: string): MeetingInput {
  return {
    idempotencyKey,
    unitId,
    kind: values.kind ?? 'hoi_nghi',
    title: values.title?.trim() ?? '',
    heldAt: values.heldAt ? fromVnWallClock(values.heldAt) : '',
    attendees: values.attendees ?? 0,
    contributorGroup: values.contributorGroup ?? 'khac',
    opinions: opinionsOf(values.opinions),
  };
}

/** "Báo cáo chính trị, phần I.1" — where an opinion points. */
export function opinionPlace(documentTitle: string, sectionRef: string | null, wholeDocument: string): string {
  return sectionRef ? `${documentTitle}, phần ${sectionRef}` : `${documentTitle} (${wholeDocument.toLowerCase()})`;
}

