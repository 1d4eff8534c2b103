import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { RoleList } from './role-list.tsx';

export interface UsersTableProps {
  users: UserSummary[];
  /** The id whose activation change is in flight, to disable only that row's button. */
  pendingId?: string | null;
  onSetActive: (user: UserSummary, active: boolean) => void;
}

export function UsersTable({ users, pendingId, onSetActive }: UsersTableProps) {
  const { t, i18n } = useTranslation('identity');
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="sr-only">{t('users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.colUser')}</th>
            <th scope="col">{t('users.colRoles')}</th>
            <th scope="col">{t('users.colCommunes')}</th>
            <th scope="col">{t('users.colStatus')}</th>
            <th scope="col">{t('users.colLastLogin')}</th>
            <th scope="col">{t('users.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'row--muted'}>
              <td data-label={t('users.colUser')}>
                <div>
                  <span className="cell-title">{user.displayName}</span>
                  <span className="cell-sub">{user.email}</span>
                </div>
              </td>
              <td data-label={t('users.colRoles')}>
                <RoleList roles={user.roles} />
              </td>
              <td data-label={t('users.colCommunes')}>
                {user.communes.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="plain-list">
                    {user.communes.map((c) => (
                      <li key={`${c.scheme}:${c.code}`}>{c.fullName}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td data-label={t('users.colStatus')}>
                <Badge tone={user.active ? 'green' : 'red'}>
                  {user.active ? t('users.active') : t('users.inactive')}
                </Badge>
              </td>
              <td data-label={t('users.colLastLogin')}>
                {user.lastLoginAt ? (
                  formatDateTime(user.lastLoginAt, i18n.language)
                ) : (
                  <span className="muted">{t('users.never')}</span>
                )}
              </td>
              <td data-label={t('users.colActions')}>
                <Button
                  size="sm"
                  variant={user.active ? 'danger' : 'secondary'}
                  busy={pendingId === user.id}
                  aria-label={
                    user.active
                      ? t('users.deactivateLabel', { email: user.email })
                      : t('users.activateLabel', { email: user.email })
                  }
                  onClick={() => onSetActive(user, !user.active)}
                >
                  {user.active ? t('users.deactivate') : t('users.activate')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
