import { Radio, type RadioGroupProps } from 'antd';
import { useImperativeHandle, useRef, type Ref } from 'react';

/**
 * antd's Radio.Group as a form control that can take the focus: a failed submit focuses the first
 * field in error (App's form config), which calls its ref's `focus()`; a plain Radio.Group's ref is a
 * div that ignores it. This one focuses the chosen radio, or the first.
 */
export function FocusableRadioGroup({ ref, ...props }: RadioGroupProps & { ref?: Ref<{ focus: () => void }> }) {
  const group = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => group.current?.querySelector<HTMLInputElement>('input:checked, input')?.focus() }), []);
  return <Radio.Group ref={group} {...props} />;
}
