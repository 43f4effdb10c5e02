import type { FormRule } from 'antd';

export const MIN_PASSWORD_LENGTH = 10;

export const newPasswordRules: FormRule[] = [
  { required: true, message: 'Hãy nhập mật khẩu mới.' },
  { min: MIN_PASSWORD_LENGTH, message: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.` },
];

/** The "type it again" field must equal the field named `other`. */
export function confirmPasswordRules(other: string): FormRule[] {
  return [
    { required: true, message: 'Hãy nhập lại mật khẩu mới.' },
    ({ getFieldValue }) => ({
      validator: (_rule, value) =>
        !value || getFieldValue(other) === value
          ? Promise.resolve()
          : Promise.reject(new Error('Hai lần nhập mật khẩu không khớp nhau.')),
    }),
  ];
}
