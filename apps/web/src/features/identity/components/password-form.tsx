import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../lib/domain.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Notice } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { useChangePassword } from '../api.ts';

export function PasswordForm() {
  const { t } = useTranslation('identity');
  const { fieldErrors } = useErrorText();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});

  const tooShort = t('errors:validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
  const serverErrors: FieldErrors = {
    ...fieldErrors(change.error, (issue) =>
      issue.path[0] === 'newPassword' && issue.code === 'too_small' ? tooShort : undefined,
    ),
    // The wrong current password belongs next to that field, not only at the top.
    ...(isApiError(change.error) && change.error.code === 'WRONG_PASSWORD'
      ? { currentPassword: t('errors:WRONG_PASSWORD') }
      : {}),
  };
  const errors = { ...serverErrors, ...localErrors };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!currentPassword) next.currentPassword = t('errors:validation.required');
    if (newPassword.length < PASSWORD_MIN_LENGTH) next.newPassword = tooShort;
    setLocalErrors(next);
    if (Object.keys(next).length > 0) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {change.isSuccess ? <Notice>{t('account.passwordChanged')}</Notice> : null}
      {change.error ? <ErrorMessage error={change.error} /> : null}
      {/* Lets password managers tie the new password to the right account. */}
      <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
      <TextField
        label={t('account.currentPassword')}
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={errors.currentPassword}
      />
      <TextField
        label={t('account.newPassword')}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        hint={t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        error={errors.newPassword}
      />
      <div className="form__actions">
        <Button type="submit" busy={change.isPending}>
          {change.isPending ? t('account.changingPassword') : t('account.changePassword')}
        </Button>
      </div>
    </form>
  );
}
