import { Input, type GetProps, type InputRef } from 'antd';
import { useCallback } from 'react';

type SearchProps = GetProps<typeof Input.Search>;

/**
 * antd's Input.Search puts `data-*` attributes on its wrapper; tests and assistive tools want
 * them on the text box itself, so `testId` is set on the inner <input>.
 */
export function SearchInput({ testId, ...props }: SearchProps & { testId?: string }) {
  const attach = useCallback(
    (ref: InputRef | null) => {
      if (ref?.input && testId) ref.input.setAttribute('data-testid', testId);
    },
    [testId],
  );
  return <Input.Search ref={attach} {...props} />;
}
