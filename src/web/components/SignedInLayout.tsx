import { App as AntApp } from 'antd';
import { AppLayout } from './AppLayout.js';

/**
 * The signed-in shell, loaded on demand: antd's App (the `message`, `notification` and `modal` that
 * signed-in pages use through `App.useApp()`) around the menu and header, so that neither weighs on
 * the login page or the public form.
 */
export function SignedInLayout() {
  return (
    <AntApp>
      <AppLayout />
    </AntApp>
  );
}
