import { describe, expect, it } from 'vitest';
import { formatDeadlineVi, missingMessage, reminderMessage } from './texts.js';

const period = {
  periodId: 1,
  regimeId: 7,
  regimeName: 'Báo cáo tuần của Đảng ủy',
  schedule: { kind: 'weekly' as const, weekday: 3 as const, time: '16:00' },
  key: '2025-11-12',
  closingDate: '2025-11-12',
  start: new Date('2025-11-05T16:00:00+07:00'),
  end: new Date('2025-11-12T16:00:00+07:00'),
};

describe('reminder texts', () => {
  it('writes a deadline in Vietnam time whatever the server zone: "16:00 Thứ Tư, 12/11/2025"', () => {
    expect(formatDeadlineVi(new Date('2025-11-12T09:00:00Z'))).toBe('16:00 Thứ Tư, 12/11/2025');
    expect(formatDeadlineVi(new Date('2025-11-15T17:30:00Z'))).toBe('00:30 Chủ nhật, 16/11/2025');
  });

  it('names the regime, the period and the deadline, and links to the unit’s report', () => {
    const deadline = new Date('2025-11-11T16:00:00+07:00');
    const message = reminderMessage({ ...period, unitId: 42, unitName: 'Chi bộ Văn phòng', deadline, offsetMinutes: 240 }, new Date('2025-11-11T12:00:00+07:00'));
    expect(message).toMatchObject({ unitEditorsOf: [42], kind: 'reports.reminder', email: true, link: '/bao-cao/che-do/7/ky/2025-11-12/don-vi/42' });
    expect(message.body).toBe(
      'Chi bộ Văn phòng chưa gửi báo cáo "Báo cáo tuần của Đảng ủy" kỳ Tuần 06/11/2025 – 12/11/2025 (chốt 16:00 thứ Tư 12/11/2025). ' +
        'Hạn gửi: 16:00 Thứ Ba, 11/11/2025 (còn khoảng 4 giờ).',
    );
  });

  it('lists the missing units to the recipient', () => {
    const message = missingMessage({ ...period, recipientUnitId: 3, recipientName: 'Đảng ủy Sở', deadline: new Date('2025-11-11T16:00:00+07:00'), missingUnitNames: ['Chi bộ 1', 'Chi bộ 2'] });
    expect(message.unitEditorsOf).toEqual([3]);
    expect(message.body).toMatch(/^Đã quá hạn 16:00 Thứ Ba, 11\/11\/2025, 2 đơn vị chưa gửi báo cáo .* cho Đảng ủy Sở: Chi bộ 1; Chi bộ 2\.$/);
  });
});
