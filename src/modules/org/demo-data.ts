import type { Role } from '../../platform/db/schema/org.js';

/** The demo workspace's units: core/unit-tree/demo-units.ts (modules' tests match names against them too). */
export { demoUnitsCsv } from '../../core/unit-tree/demo-units.js';

/** The same password for every demo account (documented in the README and printed at start). */
export const demoPassword = 'LanToa@2026';

export const demoAccounts: { username: string; fullName: string; role: Role; unitCode: string | null; homeUnitCode: string | null }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'system_admin', unitCode: null, homeUnitCode: null },
  { username: 'quantri.laichau', fullName: 'Nguyễn Văn Quản', role: 'unit_admin', unitCode: 'LCU-TU', homeUnitCode: 'LCU-TU' },
  { username: 'bientap.vhttdl', fullName: 'Lò Thị Biên', role: 'editor', unitCode: 'LCU-SVHTTDL', homeUnitCode: 'LCU-SVHTTDL' },
  { username: 'xem.laocai', fullName: 'Trần Thị Xem', role: 'viewer', unitCode: 'LCA-TU', homeUnitCode: 'LCA-TU' },
];
