import { describe, expect, it } from 'vitest';
import { auditActorLabel } from './actor-label.js';

describe('auditActorLabel', () => {
  it('names an account by its holder, the command line and the public form by their channel', () => {
    expect(auditActorLabel({ actorUsername: 'quantri.p', actorFullName: 'Nguyễn Thị Quản' })).toBe('Nguyễn Thị Quản');
    expect(auditActorLabel({ actorUsername: 'cli:operator', actorFullName: null })).toBe('Dòng lệnh (quản trị)');
    expect(auditActorLabel({ actorUsername: 'cli:root', actorFullName: null })).toBe('Dòng lệnh (quản trị)');
    expect(auditActorLabel({ actorUsername: 'public:web', actorFullName: null })).toBe('Người dân qua biểu mẫu công khai');
    expect(auditActorLabel({ actorUsername: 'system:retention', actorFullName: null })).toBe('Hệ thống (tự động xóa thông tin liên hệ hết hạn lưu giữ)');
    expect(auditActorLabel({ actorUsername: 'system:other', actorFullName: null })).toBe('Hệ thống (tự động)');
    expect(auditActorLabel({ actorUsername: null, actorFullName: null })).toBe('Hệ thống');
  });

  it('keeps the user name of an account since deleted (all that is left of it)', () => {
    expect(auditActorLabel({ actorUsername: 'da.xoa', actorFullName: null })).toBe('da.xoa');
  });
});
