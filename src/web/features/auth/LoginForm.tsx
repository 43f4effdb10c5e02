import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Me } from '../../api/types.js';
import { Alert, Button, controlProps, Field, focusFirstError } from '../../components/plain/Field.js';
import { errorText } from '../../i18n/errors.js';
import { logIn } from './session.js';

interface LoginValues {
  username: string;
  password: string;
}

type LoginErrors = Partial<Record<keyof LoginValues, string>>;

/** What the login form asks before it sends anything. */
export function loginErrors(values: LoginValues): LoginErrors {
  const errors: LoginErrors = {};
  if (values.username.trim() === '') errors.username = 'Hãy nhập tên đăng nhập.';
  if (values.password === '') errors.password = 'Hãy nhập mật khẩu.';
  return errors;
}

/**
 * Username and password, as plain HTML (no antd: the login page is the first a phone loads). A submit
 * with a field left empty shows the field's error, announced by ErrorAnnouncer, and puts the focus in
 * the first; once submitted, the errors follow what is typed.
 */
export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const [values, setValues] = useState<LoginValues>({ username: '', password: '' });
  const [tried, setTried] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: (v: LoginValues) => logIn(v.username.trim(), v.password),
    onSuccess: (session) => onSuccess(session.user),
    onError: (e) => {
      setError(errorText(e));
      setValues((v) => ({ ...v, password: '' }));
    },
  });
  const errors = tried ? loginErrors(values) : {};
  useEffect(() => {
    if (focusTick > 0) focusFirstError(formRef.current);
  }, [focusTick]);

  const change = (name: keyof LoginValues) => (e: { target: { value: string } }) => {
    setError(null);
    setValues((v) => ({ ...v, [name]: e.target.value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (Object.keys(loginErrors(values)).length > 0) return setFocusTick((n) => n + 1);
    mutation.mutate(values);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate autoComplete="on">
      {error && (
        <div className="lt-field">
          <Alert type="error" testId="login-error">
            {error}
          </Alert>
        </div>
      )}
      <Field id="username" label="Tên đăng nhập" error={errors.username}>
        <span className="lt-affix">
          <UserOutlined className="lt-prefix" />
          <input {...controlProps('username', errors.username)} name="username" className="lt-input lt-input-large" value={values.username} onChange={change('username')} autoComplete="username" autoFocus />
        </span>
      </Field>
      <Field id="password" label="Mật khẩu" error={errors.password}>
        <span className="lt-affix">
          <LockOutlined className="lt-prefix" />
          <input {...controlProps('password', errors.password)} name="password" type={showPassword ? 'text' : 'password'} className="lt-input lt-input-large" value={values.password} onChange={change('password')} autoComplete="current-password" />
          <span className="lt-suffix">
            <Button variant="text" aria-pressed={showPassword} aria-controls="password" onClick={() => setShowPassword((s) => !s)}>
              {showPassword ? 'Ẩn' : 'Hiện'}
            </Button>
          </span>
        </span>
      </Field>
      <Button variant="primary" type="submit" block size="large" loading={mutation.isPending}>
        Đăng nhập
      </Button>
    </form>
  );
}
