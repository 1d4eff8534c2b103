import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { useLogin } from '../api.ts';

export function LoginForm({ onSuccess }: { onSuccess: (user: SessionUser) => void }) {
  const { t } = useTranslation('identity');
  const { fieldErrors } = useErrorText();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});

  const serverErrors = fieldErrors(login.error, (issue) =>
    issue.path[0] === 'email' && issue.code === 'invalid_format' ? t('errors:validation.email') : undefined,
  );
  const errors = { ...serverErrors, ...localErrors };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const required = t('errors:validation.required');
    const next: FieldErrors = {};
    if (!email.trim()) next.email = required;
    if (!password) next.password = required;
    setLocalErrors(next);
    if (Object.keys(next).length > 0) return;
    login.mutate({ email: email.trim(), password }, { onSuccess });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {login.error ? <ErrorMessage error={login.error} /> : null}
      <TextField
        label={t('login.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <TextField
        label={t('login.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" busy={login.isPending} className="btn--block">
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
