import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityStatus, EntityType, Rating, Sector } from '@hoptac/core';
import { ENTITY_STATUSES, ENTITY_TYPES, RATINGS, SECTORS } from '../../../lib/domain.ts';
import { Button } from '../../../components/button.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useDebouncedSearch } from '../../../lib/use-debounced.ts';
import { useOldDistricts, type EntityFilterValue } from '../api.ts';

export interface CommuneOption {
  code: string;
  fullName: string;
  count?: number | undefined;
}

export interface EntityFiltersProps {
  value: EntityFilterValue;
  onChange: (next: EntityFilterValue, replace?: boolean) => void;
  /** The communes the caller can filter by (their scope, or those with entities). */
  communes: CommuneOption[];
  /** Officials also filter by rating. */
  official: boolean;
}

/** The public register lists only entities that still operate. */
const PUBLIC_STATUSES: readonly EntityStatus[] = ['active', 'suspended', 'reorganising'];

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'true' : 'false';
}

function fromYesNo(text: string): boolean | undefined {
  return text === '' ? undefined : text === 'true';
}

const FILTER_KEYS = [
  'q',
  'type',
  'status',
  'sector',
  'commune',
  'oldDistrict',
  'highTech',
  'valueChain',
  'rating',
] as const satisfies readonly (keyof EntityFilterValue)[];

/** Search box and filters of the register; every change goes straight to the URL. */
export function EntityFilters({ value, onChange, communes, official }: EntityFiltersProps) {
  const { t, i18n } = useTranslation('registry');
  const districts = useOldDistricts();
  const [text, setText] = useDebouncedSearch(value.q ?? '', (q) => onChange({ ...value, q: q || undefined }, true));
  const set = <K extends keyof EntityFilterValue>(key: K, next: EntityFilterValue[K]) =>
    onChange({ ...value, [key]: next });
  const active = FILTER_KEYS.some((k) => value[k] !== undefined);
  const activeCount = FILTER_KEYS.filter((k) => k !== 'q' && value[k] !== undefined).length;
  // Phones: the selects fold away behind one button; wider screens always show them.
  const [open, setOpen] = useState(false);
  const moreId = useId();

  return (
    <div className="filters filters--registry" role="search" aria-label={t('filters.label')}>
      <div className="filters__search">
        <TextField
          label={t('filters.search')}
          type="search"
          name="q"
          placeholder={t('filters.searchPlaceholder')}
          hint={t('filters.searchHint')}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="filters__toggle btn btn--secondary"
        aria-expanded={open}
        aria-controls={moreId}
        onClick={() => setOpen((o) => !o)}
      >
        {activeCount > 0 ? t('filters.toggleActive', { n: activeCount }) : t('filters.toggle')}
      </button>
      <div id={moreId} className={`filters__more${open ? ' filters__more--open' : ''}`}>
        <SelectField
          label={t('filters.type')}
          name="type"
          value={value.type ?? ''}
          onChange={(e) => set('type', (e.target.value || undefined) as EntityType | undefined)}
        >
          <option value="">{t('filters.allTypes')}</option>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`type.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filters.status')}
          name="status"
          value={value.status ?? ''}
          onChange={(e) => set('status', (e.target.value || undefined) as EntityStatus | undefined)}
        >
          <option value="">{t('filters.allStatuses')}</option>
          {(official ? ENTITY_STATUSES : PUBLIC_STATUSES).map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filters.sector')}
          name="sector"
          value={value.sector ?? ''}
          onChange={(e) => set('sector', (e.target.value || undefined) as Sector | undefined)}
        >
          <option value="">{t('filters.allSectors')}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {t(`sector.${sector}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filters.commune')}
          name="commune"
          value={value.commune ?? ''}
          onChange={(e) => set('commune', e.target.value || undefined)}
        >
          <option value="">{t('filters.allCommunes')}</option>
          {value.commune && !communes.some((c) => c.code === value.commune) ? (
            <option value={value.commune}>{value.commune}</option>
          ) : null}
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.count === undefined ? c.fullName : `${c.fullName} (${formatNumber(c.count, i18n.language)})`}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filters.oldDistrict')}
          name="oldDistrict"
          value={value.oldDistrict ?? ''}
          onChange={(e) => set('oldDistrict', e.target.value || undefined)}
        >
          <option value="">{t('filters.allOldDistricts')}</option>
          {(districts.data ?? []).map((d) => (
            <option key={d.code} value={d.code}>
              {d.fullName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filters.highTech')}
          name="highTech"
          value={yesNo(value.highTech)}
          onChange={(e) => set('highTech', fromYesNo(e.target.value))}
        >
          <option value="">{t('filters.any')}</option>
          <option value="true">{t('filters.yes')}</option>
          <option value="false">{t('filters.no')}</option>
        </SelectField>
        <SelectField
          label={t('filters.valueChain')}
          name="valueChain"
          value={yesNo(value.valueChain)}
          onChange={(e) => set('valueChain', fromYesNo(e.target.value))}
        >
          <option value="">{t('filters.any')}</option>
          <option value="true">{t('filters.yes')}</option>
          <option value="false">{t('filters.no')}</option>
        </SelectField>
        {official ? (
          <SelectField
            label={t('filters.rating')}
            name="rating"
            value={value.rating ?? ''}
            onChange={(e) => set('rating', (e.target.value || undefined) as Rating | undefined)}
          >
            <option value="">{t('filters.allRatings')}</option>
            {RATINGS.map((rating) => (
              <option key={rating} value={rating}>
                {t(`rating.${rating}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {active ? (
        <div className="filters__actions">
          <Button
            variant="ghost"
            // The search box follows the URL, so clearing the filters empties it too.
            onClick={() => onChange(value.sort ? { sort: value.sort } : {})}
          >
            {t('common:actions.clearFilters')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
