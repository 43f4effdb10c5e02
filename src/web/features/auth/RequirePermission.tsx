import type { ReactNode } from 'react';
import type { Permissions } from '../../api/types.js';
import { Forbidden } from '../../components/Forbidden.js';
import { useMe } from './authContext.js';

export function RequirePermission({ permission, children }: { permission: keyof Permissions; children: ReactNode }) {
  const me = useMe();
  return me.permissions[permission] ? <>{children}</> : <Forbidden />;
}
