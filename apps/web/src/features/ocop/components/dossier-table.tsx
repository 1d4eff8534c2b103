import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopDossierListItem } from '@hoptac/core';
import { SelectField, TextField } from '../../../components/field.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useDebouncedSearch } from '../../../lib/use-debounced.ts';
import type { OcopDossierFilterValue } from '../dossiers-api.ts';
import { OCOP_DOSSIER_STATUSES } from '../text.ts';
import { DossierStatusBadge, SheetStatusBadge } from './badges.tsx';

/** "4★ · 77,67 điểm", or a dash while there is no score. */
export function ScoreCell({ star, total }: { star: number | null; total: number | null }) {
  const { t, i18n } = useTranslation('ocop');
  if (total === null) return <span className="muted">—</span>;
  return (
    <span className="ocop-star-cell">
      {star !== null ? t('products.starShort', { n: star }) : t('star.none')}
      <span className="muted"> · {t('products.points', { points: formatNumber(total, i18n.language) })}</span>
    </span>
  );
}

export interface DossierTableProps {
  dossiers: OcopDossierListItem[];
  /** The round under each product, for lists across rounds (the council's). */
  showRound?: boolean;
  /** The council's result column (left out while every dossier listed is still being scored). */
  showResult?: boolean;
  /** The caller's own score sheet, with the way to it (council members). */
  showMySheet?: boolean;
}

export function DossierTable({
  dossiers,
  showRound = false,
  showResult = true,
  showMySheet = false,
}: DossierTableProps) {
  const { t, i18n } = useTranslation('ocop');
  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact">
        <caption className="sr-only">{t('dossiers.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dossiers.columns.product')}</th>
            <th scope="col">{t('dossiers.columns.entity')}</th>
            <th scope="col">{t('dossiers.columns.status')}</th>
            <th scope="col">{t('dossiers.columns.self')}</th>
            {showResult ? <th scope="col">{t('dossiers.columns.result')}</th> : null}
            {showMySheet ? <th scope="col">{t('dossiers.columns.mySheet')}</th> : null}
            <th scope="col">{t('dossiers.columns.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {dossiers.map((d) => (
            <tr key={d.id}>
              <td data-label={t('dossiers.columns.product')}>
                <Link to="/ocop/dossiers/$id" params={{ id: d.id }} className="cell-title">
                  {d.product.name}
                </Link>
                <span className="cell-sub">{d.product.productSet}</span>
                {showRound ? <span className="cell-sub">{d.round.name}</span> : null}
              </td>
              <td data-label={t('dossiers.columns.entity')}>
                {d.entity.name}
                <span className="cell-sub">{d.entity.communeName}</span>
              </td>
              <td data-label={t('dossiers.columns.status')}>
                <DossierStatusBadge status={d.status} />
              </td>
              <td data-label={t('dossiers.columns.self')}>
                <ScoreCell star={d.selfStar} total={d.selfTotal} />
              </td>
              {showResult ? (
                <td data-label={t('dossiers.columns.result')}>
                  <ScoreCell star={d.finalStar} total={d.finalTotal} />
                </td>
              ) : null}
              {showMySheet ? (
                <td data-label={t('dossiers.columns.mySheet')}>
                  {d.mySheet ? (
                    <span className="ocop-sheet-cell">
                      <SheetStatusBadge status={d.mySheet} />
                      {d.status === 'forwarded' ? (
                        <Link
                          to="/ocop/dossiers/$id/score"
                          params={{ id: d.id }}
                          className="btn btn--secondary btn--sm"
                        >
                          {t(`scoring.open.${d.mySheet}`)}
                        </Link>
                      ) : null}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              ) : null}
              <td data-label={t('dossiers.columns.updated')} className="ocop-nowrap">
                {formatDateTime(d.updatedAt, i18n.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Search box and status filter of a dossier list; each change goes straight to the URL. */
export function DossierFilters({
  value,
  onChange,
}: {
  value: OcopDossierFilterValue;
  onChange: (next: OcopDossierFilterValue, replace?: boolean) => void;
}) {
  const { t } = useTranslation('ocop');
  const [text, setText] = useDebouncedSearch(value.q ?? '', (q) => onChange({ ...value, q: q || undefined }, true));
  return (
    <div className="filters" role="search" aria-label={t('dossiers.filters.label')}>
      <TextField
        label={t('dossiers.filters.search')}
        type="search"
        name="q"
        placeholder={t('products.filters.searchPlaceholder')}
        hint={t('products.filters.searchHint')}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label={t('dossiers.filters.status')}
        name="status"
        value={value.status ?? ''}
        onChange={(e) => onChange({ ...value, status: OCOP_DOSSIER_STATUSES.find((s) => s === e.target.value) })}
      >
        <option value="">{t('dossiers.filters.allStatuses')}</option>
        {OCOP_DOSSIER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`dossierStatus.${s}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
