import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isApiError } from './api/client.js';
import { AppLayout } from './components/AppLayout.js';
import { ErrorAnnouncer } from './components/ErrorAnnouncer.js';
import { FullPageSpin } from './components/FullPageSpin.js';
import { antdViVN } from './i18n/antdLocale.js';
import { AuthProvider } from './features/auth/AuthProvider.js';
import { RequireAuth } from './features/auth/RequireAuth.js';
import { RequirePermission } from './features/auth/RequirePermission.js';
import './lib/time.js';
import { appTheme, themeCss } from './theme.js';
import { LoginPage } from './routes/LoginPage.js';
import { NotFoundPage } from './routes/NotFoundPage.js';
import { landingPath, publicPages, signedInPages } from './manifests/index.js';
import type { WebPage } from './manifests/types.js';

/** A signed-in page, behind its permission when it needs one. */
function pageElement({ Page, permission }: WebPage) {
  return permission ? (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  ) : (
    <Page />
  );
}

/** Every form, on a failed submit, scrolls to its first error and puts the focus in that field. */
const formConfig = { scrollToFirstError: { block: 'center', focus: true } } as const;

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
    <ConfigProvider locale={antdViVN} theme={appTheme} form={formConfig}>
      <style>{themeCss}</style>
      <ErrorAnnouncer />
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <Routes>
                <Route path="/dang-nhap" element={<LoginPage />} />
                {/* Public pages (the feedback form): no login. */}
                {publicPages.map(({ path, Page }) => (
                  <Route
                    key={path}
                    path={path}
                    element={
                      <Suspense fallback={<FullPageSpin />}>
                        <Page />
                      </Suspense>
                    }
                  />
                ))}
                <Route element={<RequireAuth />}>
                  <Route element={<AppLayout />}>
                    <Route index element={<Navigate to={landingPath} replace />} />
                    {signedInPages.map((page) => (
                      <Route key={page.path} path={page.path} element={pageElement(page)} />
                    ))}
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
