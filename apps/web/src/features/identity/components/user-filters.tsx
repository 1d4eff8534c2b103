import { useTranslation } from 'react-i18next';
import type { Role } from '@hoptac/core';
import { ROLES } from '../../../lib/domain.ts';
import { SelectField, TextField } from '../../../components/field.tsx';
import { useDebouncedSearch } from '../../../lib/use-debounced.ts';

export interface UserFilterValue {
  q?: string | undefined;
  role?: Role | undefined;
}

export function UserFilters({
  value,
  onChange,
}: {
  value: UserFilterValue;
  onChange: (next: UserFilterValue) => void;
}) {
  const { t } = useTranslation('identity');
  const [text, setText] = useDebouncedSearch(value.q ?? '', (q) => onChange({ ...value, q: q || undefined }));

  return (
    <div className="filters" role="search">
      <TextField
        label={t('users.searchLabel')}
        placeholder={t('users.searchPlaceholder')}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label={t('users.roleFilter')}
        value={value.role ?? ''}
        onChange={(e) => onChange({ ...value, role: (e.target.value || undefined) as Role | undefined })}
      >
        <option value="">{t('users.allRoles')}</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
