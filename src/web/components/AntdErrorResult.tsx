import type { ComponentProps } from 'react';
import { AntdProvider } from './AntdProvider.js';
import { ErrorResult } from './ErrorResult.js';

/** ErrorResult with antd's theme, for pages outside the signed-in shell (loaded on demand, see lazyPage). */
export function AntdErrorResult(props: ComponentProps<typeof ErrorResult>) {
  return (
    <AntdProvider>
      <ErrorResult {...props} />
    </AntdProvider>
  );
}
