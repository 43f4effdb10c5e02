import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorResult } from '../../components/ErrorResult.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { useAuth } from './authContext.js';

/** Renders the nested routes only for a signed-in user; others go to the login page. */
export function RequireAuth() {
  const { me, status, error, reload, endReason } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'error') return <ErrorResult error={error} onRetry={reload} fullPage />;
  if (!me) {
    const state =
      endReason === 'signed_out' ? undefined : { from: location.pathname + location.search, expired: endReason === 'expired' };
    return <Navigate to="/dang-nhap" replace state={state} />;
  }
  return <Outlet />;
}
