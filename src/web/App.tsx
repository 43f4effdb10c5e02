import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isApiError } from './api/client.js';
import { ErrorAnnouncer } from './components/ErrorAnnouncer.js';
import { FullPageSpin } from './components/FullPageSpin.js';
import { AuthProvider } from './features/auth/AuthProvider.js';
import { sessionQuery } from './features/auth/session.js';
import { RequireAuth } from './features/auth/RequireAuth.js';
import { RequirePermission } from './features/auth/RequirePermission.js';
import './lib/time.js';
import { LoginPage } from './routes/LoginPage.js';
import { landingPath, pageAt, publicPages, signedInPages } from './manifests/index.js';
import { lazyPage, preloadPage } from './manifests/lazyPage.js';
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

/** The signed-in shell (menu, header) loads with the first signed-in page, not on the login page or the public form. */
const SignedInLayout = lazyPage(() => import('./components/SignedInLayout.js'), 'SignedInLayout');
const NotFoundPage = lazyPage(() => import('./routes/NotFoundPage.js'), 'NotFoundPage');

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

/**
 * On a first visit, before the first render (which takes longer than a request on a slow phone): the
 * session, and the opened page's code and first data — at once for a public page; for a signed-in
 * page (and the signed-in shell) as soon as the session says someone is signed in, so that a visitor
 * sent to the login page does not download them.
 */
function preloadFirstPage(pathname: string, search: URLSearchParams): void {
  const session = queryClient.prefetchQuery(sessionQuery);
  const found = pageAt(pathname);
  if (!found) return;
  const { page, params } = found;
  // The data first, the code in the next task: the few small data requests then take a connection
  // (6 per server) before the page's dozens of scripts queue for them.
  const preload = (...code: (typeof page.Page)[]) => {
    page.prefetch?.(params, queryClient, search);
    setTimeout(() => code.forEach(preloadPage), 0);
  };
  if (page.public) return preload(page.Page);
  void session.then(() => {
    if (queryClient.getQueryData(sessionQuery.queryKey)) preload(page.Page, SignedInLayout);
  });
}
preloadFirstPage(window.location.pathname, new URLSearchParams(window.location.search));

export function App() {
  return (
    // No antd here: the signed-in shell (SignedInLayout) brings antd's theme and locale with it.
    <>
      <ErrorAnnouncer />
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
                <Route
                  element={
                    <Suspense fallback={<FullPageSpin />}>
                      <SignedInLayout />
                    </Suspense>
                  }
                >
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
    </>
  );
}
