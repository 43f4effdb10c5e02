import type { ReactNode } from 'react';
import type { Permissions } from '../../api/types.js';
import { lazyPage } from '../../manifests/lazyPage.js';
import { useMe } from './authContext.js';

/** Loaded when needed, under the signed-in layout's Suspense. */
const Forbidden = lazyPage(() => import('../../components/Forbidden.js'), 'Forbidden');

export function RequirePermission({ permission, children }: { permission: keyof Permissions; children: ReactNode }) {
  const me = useMe();
  return me.permissions[permission] ? <>{children}</> : <Forbidden />;
}
