/**
 * Who did it, as people say it: the account holder's name, or the channel for actors that are not
 * accounts (`cli:<os user>` → the command line, `public:web` → the public form, `system:*` → the
 * system's own scheduled work). Pure; the audit page shows it instead of technical user names.
 */
export interface AuditActorRow {
  actorUsername: string | null;
  /** The account holder's full name, when the row's account still exists. */
  actorFullName: string | null;
}

const systemActors: Readonly<Record<string, string>> = {
  'public:web': 'Người dân qua biểu mẫu công khai',
  'system:retention': 'Hệ thống (tự động xóa thông tin liên hệ hết hạn lưu giữ)',
};

export function auditActorLabel(row: AuditActorRow): string {
  if (row.actorFullName) return row.actorFullName;
  const username = row.actorUsername;
  if (!username) return 'Hệ thống';
  const known = systemActors[username];
  if (known) return known;
  if (username.startsWith('cli:')) return 'Dòng lệnh (quản trị)';
  if (username.startsWith('public:')) return 'Người dân qua biểu mẫu công khai';
  if (username.startsWith('system:')) return 'Hệ thống (tự động)';
  // An account since deleted: its user name is all that is left.
  return username;
}
