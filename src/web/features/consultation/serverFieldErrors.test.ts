import { describe, expect, it } from 'vitest';
import { splitServerErrors } from './serverFieldErrors.js';

const layout = { fields: ['title', 'attendees', 'phone'], lists: ['opinions'], flatten: ['contact'] };

describe('splitServerErrors', () => {
  it('puts nested opinion messages on their item and flattened contact messages on the plain field', () => {
    const { fields, other } = splitServerErrors(
      [
        { path: ['opinions', 1, 'text'], message: 'Ý kiến 2: "Không tán thành" cần nêu lý do.' },
        { path: ['body', 'contact', 'phone'], message: 'Số điện thoại không hợp lệ.' },
        { path: ['title'], message: 'Hãy nhập tên hội nghị/tọa đàm.' },
      ],
      layout,
    );
    expect(fields).toEqual([
      { name: ['opinions', 1, 'text'], errors: ['Ý kiến 2: "Không tán thành" cần nêu lý do.'] },
      { name: ['phone'], errors: ['Số điện thoại không hợp lệ.'] },
      { name: ['title'], errors: ['Hãy nhập tên hội nghị/tọa đàm.'] },
    ]);
    expect(other).toEqual([]);
  });

  it('keeps for a notice what no field shows: unknown fields, a whole list, the unit chosen outside the form', () => {
    const { fields, other } = splitServerErrors(
      [
        { path: ['unitId'], message: 'Đơn vị tiếp nhận không tham gia đợt lấy ý kiến này.' },
        { path: ['opinions'], message: 'Cần ít nhất một ý kiến.' },
        { path: [], message: 'Thiếu dữ liệu.' },
        { path: ['unitId'], message: 'Đơn vị tiếp nhận không tham gia đợt lấy ý kiến này.' },
      ],
      layout,
    );
    expect(fields).toEqual([]);
    expect(other).toEqual(['Đơn vị tiếp nhận không tham gia đợt lấy ý kiến này.', 'Cần ít nhất một ý kiến.', 'Thiếu dữ liệu.']);
  });

  it('merges several messages on one field and ignores details that are not a list of messages', () => {
    const { fields } = splitServerErrors(
      [
        { path: ['attendees'], message: 'Số người dự ít nhất là 1.' },
        { path: ['attendees'], message: 'Phải là số nguyên.' },
        { path: ['attendees'], message: '' },
        'rác',
      ],
      layout,
    );
    expect(fields).toEqual([{ name: ['attendees'], errors: ['Số người dự ít nhất là 1.', 'Phải là số nguyên.'] }]);
    expect(splitServerErrors({ reason: 'x' }, layout)).toEqual({ fields: [], other: [] });
  });
});
