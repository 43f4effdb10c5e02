import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { lazyPage } from '../../manifests/lazyPage.js';
import { useAuth } from './authContext.js';

/** Loaded only when the session cannot be read (antd's Result stays off the login page). */
const ErrorResult = lazyPage(() => import('../../components/AntdErrorResult.js'), 'AntdErrorResult');

/** Renders the nested routes only for a signed-in user; others go to the login page. */
export function RequireAuth() {
  const { me, status, error, reload, endReason } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'error')
    return (
      <Suspense fallback={<FullPageSpin />}>
        <ErrorResult error={error} onRetry={reload} fullPage />
      </Suspense>
    );
  if (!me) {
    const state =
      endReason === 'signed_out' ? undefined : { from: location.pathname + location.search, expired: endReason === 'expired' };
    return <Navigate to="/dang-nhap" replace state={state} />;
  }
  return <Outlet />;
}
