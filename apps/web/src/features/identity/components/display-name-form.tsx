import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Notice } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { useErrorText } from '../../../lib/errors.ts';
import { useUpdateProfile } from '../api.ts';

export function DisplayNameForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation('identity');
  const { fieldErrors } = useErrorText();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [localError, setLocalError] = useState<string | undefined>();

  const error = localError ?? fieldErrors(update.error).displayName;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = displayName.trim();
    if (!value) {
      setLocalError(t('errors:validation.required'));
      return;
    }
    setLocalError(undefined);
    update.mutate({ displayName: value });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {update.isSuccess ? <Notice>{t('account.nameSaved')}</Notice> : null}
      {update.error ? <ErrorMessage error={update.error} /> : null}
      <TextField
        label={t('account.displayName')}
        name="displayName"
        autoComplete="name"
        maxLength={120}
        value={displayName}
        onChange={(e) => {
          setDisplayName(e.target.value);
          if (update.isSuccess) update.reset();
        }}
        error={error}
      />
      <div className="form__actions">
        <Button type="submit" busy={update.isPending}>
          {update.isPending ? t('common:actions.saving') : t('common:actions.save')}
        </Button>
      </div>
    </form>
  );
}
