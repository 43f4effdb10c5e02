import { Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { lazyPage } from '../../manifests/lazyPage.js';
import { brandBlue } from '../../theme.js';
import { contestText } from '../../i18n/contests.js';
import '../../components/plain/plain.css';
import './contests.css';

/** Loaded only when the contest cannot be shown (antd's Result stays off the phone pages). */
const ErrorResult = lazyPage(() => import('../../components/AntdErrorResult.js'), 'AntdErrorResult');

/** The frame of the public contest pages: plain HTML (no antd), phone-sized first. */
export function ContestShell({ code, title, children }: { code: string; title?: string; children: ReactNode }) {
  return (
    <div className="lt-plain lt-contest">
      <title>{`${title ?? contestText.brand} — Lan Tỏa`}</title>
      <header style={{ background: brandBlue }} className="lt-contest-header">
        <Link to={`/thi/${encodeURIComponent(code)}`} className="lt-contest-brand">
          {title ?? contestText.brand}
        </Link>
      </header>
      <main className="lt-contest-main">{children}</main>
    </div>
  );
}

/** A failed load of a public page: the error's Vietnamese text and a retry. */
export function ContestError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <ErrorResult page error={error} title={contestText.notFound} onRetry={onRetry} />
    </Suspense>
  );
}
