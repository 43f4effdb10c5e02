import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../api/client.js';
import { errorText } from '../i18n/errors.js';

/** Shows an error as a toast; a session expiry is already handled globally (redirect). */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === 'UNAUTHENTICATED') return;
      void message.error({ content: errorText(error), duration: 8 });
    },
    [message],
  );
}
