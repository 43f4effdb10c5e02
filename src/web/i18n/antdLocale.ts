import type { ConfigProviderProps } from 'antd';
import viVNModule from 'antd/locale/vi_VN.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd ships its locales as CommonJS; depending on the bundler's interop the default import is
 * either the locale itself or the module object holding it under `default`.
 */
const imported = viVNModule as unknown as Locale & { default?: Locale };
export const antdViVN: Locale = imported.default ?? imported;
