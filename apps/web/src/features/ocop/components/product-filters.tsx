import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/field.tsx';
import { useDebouncedSearch } from '../../../lib/use-debounced.ts';
import type { OcopProductFilterValue } from '../api.ts';
import { OCOP_PRODUCT_STATUSES } from '../text.ts';

/** Search box and status filter of the product list; each change goes straight to the URL. */
export function ProductFilters({
  value,
  onChange,
}: {
  value: OcopProductFilterValue;
  onChange: (next: OcopProductFilterValue, replace?: boolean) => void;
}) {
  const { t } = useTranslation('ocop');
  const [text, setText] = useDebouncedSearch(value.q ?? '', (q) => onChange({ ...value, q: q || undefined }, true));
  return (
    <div className="filters" role="search" aria-label={t('products.filters.label')}>
      <TextField
        label={t('products.filters.search')}
        type="search"
        name="q"
        placeholder={t('products.filters.searchPlaceholder')}
        hint={t('products.filters.searchHint')}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label={t('products.filters.status')}
        name="status"
        value={value.status ?? ''}
        onChange={(e) => onChange({ ...value, status: OCOP_PRODUCT_STATUSES.find((s) => s === e.target.value) })}
      >
        <option value="">{t('products.filters.allStatuses')}</option>
        {OCOP_PRODUCT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
