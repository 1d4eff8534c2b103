import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopProductListItem } from '@hoptac/core';
import { formatNumber } from '../../../lib/format.ts';
import { shortSheetTitle } from '../text.ts';
import { ProductStatusBadge } from './badges.tsx';

export function ProductTable({ products }: { products: OcopProductListItem[] }) {
  const { t, i18n } = useTranslation('ocop');
  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact">
        <caption className="sr-only">{t('products.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('products.columns.name')}</th>
            <th scope="col">{t('products.columns.entity')}</th>
            <th scope="col">{t('products.columns.commune')}</th>
            <th scope="col">{t('products.columns.sheet')}</th>
            <th scope="col">{t('products.columns.status')}</th>
            <th scope="col">{t('products.columns.selfStar')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.id}>
              <td data-label={t('products.columns.name')}>
                <Link to="/ocop/products/$id" params={{ id: p.id }} className="cell-title">
                  {p.name}
                </Link>
              </td>
              <td data-label={t('products.columns.entity')}>{p.entity.name}</td>
              <td data-label={t('products.columns.commune')}>{p.entity.communeName}</td>
              <td data-label={t('products.columns.sheet')}>{shortSheetTitle(p.rubricTitle)}</td>
              <td data-label={t('products.columns.status')}>
                <ProductStatusBadge status={p.status} />
              </td>
              <td data-label={t('products.columns.selfStar')}>
                {p.selfStar !== null ? (
                  <span className="ocop-star-cell">
                    {t('products.starShort', { n: p.selfStar })}
                    {p.selfTotal !== null ? (
                      <span className="muted">
                        {' '}
                        · {t('products.points', { points: formatNumber(p.selfTotal, i18n.language) })}
                      </span>
                    ) : null}
                  </span>
                ) : (
                  <span className="muted">{t('products.notScored')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
