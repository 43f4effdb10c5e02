import type { Role } from '../api/types.js';

export const roleLabels: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  unit_admin: 'Quản trị đơn vị',
  editor: 'Biên tập viên',
  viewer: 'Người xem',
};

export const roleColors: Record<Role, string> = {
  system_admin: 'red',
  unit_admin: 'volcano',
  editor: 'blue',
  viewer: 'default',
};

export function roleLabel(role: string): string {
  return (roleLabels as Record<string, string>)[role] ?? role;
}

/** Shown for a grant whose unitId is null. */
export const WHOLE_SYSTEM_LABEL = 'Toàn hệ thống';
