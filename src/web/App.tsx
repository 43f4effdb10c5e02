import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isApiError } from './api/client.js';
import { AppLayout } from './components/AppLayout.js';
import { FullPageSpin } from './components/FullPageSpin.js';
import { antdViVN } from './i18n/antdLocale.js';
import { AuthProvider } from './features/auth/AuthProvider.js';
import { RequireAuth } from './features/auth/RequireAuth.js';
import { RequirePermission } from './features/auth/RequirePermission.js';
import './lib/time.js';
import { LoginPage } from './routes/LoginPage.js';
import { NotFoundPage } from './routes/NotFoundPage.js';
import { UnitsPage } from './routes/UnitsPage.js';

// Less used pages load on demand; the units page (the landing page) is in the main bundle.
const AccountsPage = lazy(async () => ({ default: (await import('./routes/AccountsPage.js')).AccountsPage }));
const AuditPage = lazy(async () => ({ default: (await import('./routes/AuditPage.js')).AuditPage }));
const ProfilePage = lazy(async () => ({ default: (await import('./routes/ProfilePage.js')).ProfilePage }));
const DirectivesPage = lazy(async () => ({ default: (await import('./routes/DirectivesPage.js')).DirectivesPage }));
const DirectivesRegisterPage = lazy(async () => ({ default: (await import('./routes/DirectivesRegisterPage.js')).DirectivesRegisterPage }));
const DirectivesDetailPage = lazy(async () => ({ default: (await import('./routes/DirectivesDetailPage.js')).DirectivesDetailPage }));
const DirectivesCascadePage = lazy(async () => ({ default: (await import('./routes/DirectivesCascadePage.js')).DirectivesCascadePage }));
const ConsultationIntakePage = lazy(async () => ({ default: (await import('./routes/ConsultationIntakePage.js')).ConsultationIntakePage }));
const ConsultationReportPage = lazy(async () => ({ default: (await import('./routes/ConsultationReportPage.js')).ConsultationReportPage }));
const DirectivesDraftPage = lazy(async () => ({ default: (await import('./routes/DirectivesDraftPage.js')).DirectivesDraftPage }));
const PublicConsultationPage = lazy(async () => ({ default: (await import('./routes/PublicConsultationPage.js')).PublicConsultationPage }));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      // Retry only when the server may come back (network, 5xx); never on 4xx.
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});

export function App() {
  return (
    <ConfigProvider locale={antdViVN} theme={{ token: { colorPrimary: '#1554a5', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <Routes>
                <Route path="/dang-nhap" element={<LoginPage />} />
                {/* The public feedback form: no login. */}
                <Route
                  path="/gop-y/:code"
                  element={
                    <Suspense fallback={<FullPageSpin />}>
                      <PublicConsultationPage />
                    </Suspense>
                  }
                />
                <Route element={<RequireAuth />}>
                  <Route element={<AppLayout />}>
                    <Route index element={<Navigate to="/don-vi" replace />} />
                    <Route path="/don-vi" element={<UnitsPage />} />
                    <Route
                      path="/tai-khoan"
                      element={
                        <RequirePermission permission="manageUsers">
                          <AccountsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/nhat-ky"
                      element={
                        <RequirePermission permission="viewAudit">
                          <AuditPage />
                        </RequirePermission>
                      }
                    />
                    <Route path="/van-ban" element={<DirectivesPage />} />
                    <Route path="/van-ban/dang-ky" element={<DirectivesRegisterPage />} />
                    <Route path="/van-ban/:id" element={<DirectivesDetailPage />} />
                    <Route path="/van-ban/:id/chuoi" element={<DirectivesCascadePage />} />
                    <Route path="/du-thao/:id" element={<DirectivesDraftPage />} />
                    <Route path="/gop-y-tong-hop" element={<ConsultationReportPage />} />
                    <Route path="/gop-y-tiep-nhan" element={<ConsultationIntakePage />} />
                    <Route path="/ca-nhan" element={<ProfilePage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Route>
              </Routes>
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
