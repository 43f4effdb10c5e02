import { App as AntApp } from 'antd';
import { AntdProvider } from './AntdProvider.js';
import { AppLayout } from './AppLayout.js';

/**
 * The signed-in shell, loaded on demand: antd's theme and locale (AntdProvider) and antd's App (the
 * `message`, `notification` and `modal` that signed-in pages use through `App.useApp()`) around the
 * menu and header, so that none of them weighs on the login page or the public form.
 */
export function SignedInLayout() {
  return (
    <AntdProvider>
      <AntApp>
        <AppLayout />
      </AntApp>
    </AntdProvider>
  );
}
