import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hoptac/core';
import { RoleList } from './role-list.tsx';

export function ProfileSummary({ user }: { user: SessionUser }) {
  const { t } = useTranslation('identity');
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('account.displayName')}</dt>
        <dd data-testid="profile-display-name">{user.displayName}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('account.roles')}</dt>
        <dd>
          <RoleList roles={user.roles} />
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('account.communes')}</dt>
        <dd>
          {user.communes.length === 0 ? (
            <span className="muted">{t('account.noCommunes')}</span>
          ) : (
            <ul className="plain-list">
              {user.communes.map((commune) => (
                <li key={`${commune.scheme}:${commune.code}`}>
                  {commune.fullName} <span className="muted">({commune.code})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
