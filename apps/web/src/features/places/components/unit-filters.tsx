import { useTranslation } from 'react-i18next';
import type { Scheme, UnitLevel } from '@hoptac/core';
import { SelectField, TextField } from '../../../components/field.tsx';
import { useDebouncedSearch } from '../../../lib/use-debounced.ts';

/** The district level exists only on the map before 1 July 2025. */
export function levelsOf(scheme: Scheme): UnitLevel[] {
  return scheme === '2025-01' ? ['province', 'district', 'commune'] : ['province', 'commune'];
}

export interface UnitFiltersProps {
  scheme: Scheme;
  q: string;
  level: UnitLevel | undefined;
  onSearch: (q: string) => void;
  onLevelChange: (level: UnitLevel | undefined) => void;
}

export function UnitFilters({ scheme, q, level, onSearch, onLevelChange }: UnitFiltersProps) {
  const { t } = useTranslation('places');
  const [text, setText] = useDebouncedSearch(q, onSearch);

  return (
    <div className="filters" role="search">
      <TextField
        label={t('search.label')}
        type="search"
        name="q"
        placeholder={t('search.placeholder')}
        hint={t('search.hint')}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label={t('level.label')}
        name="level"
        value={level ?? ''}
        onChange={(e) => onLevelChange((e.target.value || undefined) as UnitLevel | undefined)}
      >
        <option value="">{t('level.all')}</option>
        {levelsOf(scheme).map((l) => (
          <option key={l} value={l}>
            {t(`level.${l}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
