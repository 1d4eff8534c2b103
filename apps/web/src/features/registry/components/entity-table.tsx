import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EntityListItem } from '@hoptac/core';
import { formatNumber } from '../../../lib/format.ts';
import { RatingBadge, StatusBadge } from './badges.tsx';

export interface EntityTableProps {
  entities: EntityListItem[];
  /** Officials see the rating and member columns; the public register has fewer columns. */
  official: boolean;
}

export function EntityTable({ entities, official }: EntityTableProps) {
  const { t, i18n } = useTranslation('registry');
  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact entity-table">
        <caption className="sr-only">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.type')}</th>
            <th scope="col">{t('table.commune')}</th>
            <th scope="col">{t('table.oldDistrict')}</th>
            <th scope="col">{t('table.status')}</th>
            {official ? <th scope="col">{t('table.rating')}</th> : null}
            {official ? (
              <th scope="col" className="num">
                {t('table.members')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {entities.map((entity) => (
            <tr key={entity.id}>
              <td data-label={t('table.name')}>
                <div>
                  <Link to="/registry/$id" params={{ id: entity.id }} className="cell-title">
                    {entity.name}
                  </Link>
                  {official && entity.code ? <span className="cell-sub code-plain">{entity.code}</span> : null}
                </div>
              </td>
              <td data-label={t('table.type')}>{t(`type.${entity.type}`)}</td>
              <td data-label={t('table.commune')}>{entity.commune.fullName}</td>
              <td data-label={t('table.oldDistrict')} className={entity.oldDistrict ? undefined : 'cell-empty'}>
                {entity.oldDistrict ? entity.oldDistrict.fullName : <span className="muted">—</span>}
              </td>
              <td data-label={t('table.status')}>
                <StatusBadge status={entity.status} />
              </td>
              {official ? (
                <td data-label={t('table.rating')} className={entity.rating ? undefined : 'cell-empty'}>
                  <RatingBadge rating={entity.rating} />
                </td>
              ) : null}
              {official ? (
                <td data-label={t('table.members')} className="num">
                  {formatNumber(entity.officialMembers, i18n.language)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
