import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayjs } from '../../lib/time.js';
import { contactOf, fromVnWallClock, opinionPlace, outsideWindow, toMeetingInput, toStaffInput, vnWallClock } from './intakeValues.js';

// A browser far from Vietnam: the picker's local clock must still be read as Vietnam time.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = zone;
});

const KEY = '6f1c7c52-52a5-4d5e-9d53-5a4f0e0c1e11';

describe('Vietnam wall clock in a date picker', () => {
  it('shows an instant as its Vietnam time and reads a picked time back as +07:00', () => {
    expect(dayjs('2025-11-05T12:00:00').utcOffset()).toBe(-480);
    const shown = vnWallClock('2025-11-05T08:59:59Z');
    expect(shown.format('DD/MM/YYYY HH:mm:ss')).toBe('05/11/2025 15:59:59');
    expect(fromVnWallClock(shown)).toBe('2025-11-05T15:59:59+07:00');
    expect(new Date(fromVnWallClock(dayjs('2025-11-05T16:00:00'))).toISOString()).toBe('2025-11-05T09:00:00.000Z');
  });

  it('offers the days from the opening to today (or the closing), Vietnam days', () => {
    const outside = outsideWindow({ opensAt: '2025-10-14T17:00:00Z', closesAt: '2025-11-15T17:00:00Z' }, '2025-11-20T03:00:00Z');
    expect(outside(dayjs('2025-10-15T00:00:00'))).toBe(false);
    expect(outside(dayjs('2025-10-14T23:00:00'))).toBe(true);
    expect(outside(dayjs('2025-11-16T10:00:00'))).toBe(false);
    expect(outside(dayjs('2025-11-17T00:00:00'))).toBe(true);
    const open = outsideWindow({ opensAt: '2025-10-14T17:00:00Z', closesAt: null }, '2025-11-20T18:00:00Z');
    expect(open(dayjs('2025-11-21T09:00:00'))).toBe(false);
    expect(open(dayjs('2025-11-22T00:00:00'))).toBe(true);
  });
});

describe('form values → request', () => {
  it('sends a letter with trimmed opinions, the picked Vietnam time and the contact only when given', () => {
    const input = toStaffInput(
      {
        channel: 'press',
        submittedAt: dayjs('2025-11-04T09:30:00'),
        contributorGroup: 'nhan_dan',
        opinions: [
          { documentCode: 'BCCT', sectionRef: 'I.1', stance: 'partial', text: '  Cần bổ sung.  ' },
          { documentCode: 'DLD', stance: 'none', text: 'Ý kiến về Điều lệ.' },
        ],
        name: '  ',
        phone: ' 0912 345 678 ',
        consent: true,
      },
      7,
      KEY,
    );
    expect(input).toEqual({
      idempotencyKey: KEY,
      unitId: 7,
      channel: 'press',
      contributorGroup: 'nhan_dan',
      submittedAt: '2025-11-04T09:30:00+07:00',
      opinions: [
        { documentCode: 'BCCT', sectionRef: 'I.1', stance: 'partial', text: 'Cần bổ sung.' },
        { documentCode: 'DLD', sectionRef: null, stance: 'none', text: 'Ý kiến về Điều lệ.' },
      ],
      contact: { name: null, phone: '0912 345 678', idNumber: null, consent: true },
    });
    expect(contactOf({ name: ' ', phone: '', idNumber: undefined })).toBeNull();
  });

  it('sends a meeting with its kind, title, time and attendees', () => {
    expect(
      toMeetingInput(
        { kind: 'toa_dam', title: ' Tọa đàm cựu chiến binh ', heldAt: dayjs('2025-11-03T14:00:00'), attendees: 40, contributorGroup: 'dang_vien', opinions: [{ documentCode: 'BCCT', stance: 'agree', text: '' }] },
        9,
        KEY,
      ),
    ).toEqual({
      idempotencyKey: KEY,
      unitId: 9,
      kind: 'toa_dam',
      title: 'Tọa đàm cựu chiến binh',
      heldAt: '2025-11-03T14:00:00+07:00',
      attendees: 40,
      contributorGroup: 'dang_vien',
      opinions: [{ documentCode: 'BCCT', sectionRef: null, stance: 'agree', text: '' }],
    });
  });

  it('names the place of an opinion', () => {
    expect(opinionPlace('Báo cáo chính trị', 'I.1', 'Toàn văn')).toBe('Báo cáo chính trị, phần I.1');
    expect(opinionPlace('Điều lệ Đảng', null, 'Toàn văn')).toBe('Điều lệ Đảng (toàn văn)');
  });
});
