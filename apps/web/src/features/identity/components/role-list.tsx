import { useTranslation } from 'react-i18next';
import type { Role } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';

/** Role names in the current language, never the raw role codes. */
export function RoleList({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation('identity');
  return (
    <ul className="tag-list">
      {roles.map((role) => (
        <li key={role}>
          <Badge tone={role === 'city_admin' ? 'blue' : 'green'}>{t(`roles.${role}`)}</Badge>
        </li>
      ))}
    </ul>
  );
}
