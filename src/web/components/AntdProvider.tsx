import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { antdViVN } from '../i18n/antdLocale.js';
import { appTheme, themeCss } from '../theme.js';

/** Every form, on a failed submit, scrolls to its first error and puts the focus in that field. */
const formConfig = { scrollToFirstError: { block: 'center', focus: true } } as const;

/**
 * antd's locale, the theme's tokens and the form behaviour, around whatever uses antd: the signed-in
 * shell, and the parts of the public pages loaded on demand (an error, the section reader). App
 * itself does not load antd, so that the login page and the public form stay light.
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={antdViVN} theme={appTheme} form={formConfig}>
      <style>{themeCss}</style>
      {children}
    </ConfigProvider>
  );
}
