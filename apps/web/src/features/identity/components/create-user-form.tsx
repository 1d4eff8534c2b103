import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@hoptac/core';
import { PASSWORD_MIN_LENGTH, ROLES } from '../../../lib/domain.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Notice } from '../../../components/error-message.tsx';
import { Checkbox, Fieldset, TextField } from '../../../components/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { useCreateUser } from '../api.ts';

/** A commune chosen for the new user's scope. */
export interface CommuneChoice {
  code: string;
  fullName: string;
}

export interface CommunePickerSlotProps {
  value: CommuneChoice[];
  onChange: (next: CommuneChoice[]) => void;
  error?: string | undefined;
  hint?: string;
}

export interface CreateUserFormProps {
  /** The commune search comes from the places feature; the page plugs it in here. */
  renderCommunePicker: (props: CommunePickerSlotProps) => ReactNode;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

export function CreateUserForm({ renderCommunePicker }: CreateUserFormProps) {
  const { t } = useTranslation('identity');
  const { fieldErrors } = useErrorText();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [communes, setCommunes] = useState<CommuneChoice[]>([]);
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);

  const words = {
    required: t('errors:validation.required'),
    email: t('errors:validation.email'),
    roles: t('errors:validation.rolesRequired'),
    communes: t('errors:validation.communesRequired'),
    password: t('errors:validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH }),
  };

  const serverErrors: FieldErrors = {
    ...fieldErrors(create.error, (issue) => {
      const field = issue.path[0];
      if (field === 'email' && issue.code !== 'invalid_type') return words.email;
      if (field === 'roles') return words.roles;
      if (field === 'communeCodes') return words.communes;
      if (field === 'password' && issue.code === 'too_small') return words.password;
      return undefined;
    }),
    ...(isApiError(create.error) && create.error.code === 'EMAIL_TAKEN' ? { email: t('errors:EMAIL_TAKEN') } : {}),
  };
  const errors = { ...serverErrors, ...localErrors };

  const toggleRole = (role: Role, checked: boolean) =>
    setRoles((current) =>
      checked ? ROLES.filter((r) => r === role || current.includes(r)) : current.filter((r) => r !== role),
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreatedEmail(null);
    const next: FieldErrors = {};
    if (!email.trim()) next.email = words.required;
    else if (!EMAIL_SHAPE.test(email.trim())) next.email = words.email;
    if (!displayName.trim()) next.displayName = words.required;
    if (roles.length === 0) next.roles = words.roles;
    if (roles.includes('commune_officer') && communes.length === 0) next.communeCodes = words.communes;
    if (password.length < PASSWORD_MIN_LENGTH) next.password = words.password;
    setLocalErrors(next);
    if (Object.keys(next).length > 0) return;

    create.mutate(
      {
        email: email.trim(),
        displayName: displayName.trim(),
        roles,
        communeCodes: communes.map((c) => c.code),
        password,
      },
      {
        onSuccess: (user) => {
          setCreatedEmail(user.email);
          setEmail('');
          setDisplayName('');
          setRoles([]);
          setCommunes([]);
          setPassword('');
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {createdEmail ? <Notice>{t('users.created', { email: createdEmail })}</Notice> : null}
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <div className="form__grid">
        <TextField
          label={t('users.email')}
          type="email"
          name="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('users.displayName')}
          name="displayName"
          autoComplete="off"
          maxLength={120}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName}
        />
      </div>
      <Fieldset legend={t('users.roles')} error={errors.roles}>
        <div className="checkbox-grid">
          {ROLES.map((role) => (
            <Checkbox
              key={role}
              name="roles"
              value={role}
              label={t(`roles.${role}`)}
              checked={roles.includes(role)}
              onChange={(e) => toggleRole(role, e.target.checked)}
            />
          ))}
        </div>
      </Fieldset>
      {renderCommunePicker({
        value: communes,
        onChange: setCommunes,
        error: errors.communeCodes,
        hint: t('users.communesHint'),
      })}
      <TextField
        label={t('users.password')}
        type="password"
        name="password"
        autoComplete="new-password"
        hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? t('users.creating') : t('users.create')}
        </Button>
      </div>
    </form>
  );
}
