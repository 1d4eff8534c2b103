import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopProduct } from '@hoptac/core';
import { formatNumber } from '../../../lib/format.ts';
import { shortSheetTitle } from '../text.ts';
import { ProductStatusBadge, StarRating } from './badges.tsx';

/** Name, entity, status, sheet and (when complete) the self-assessed star. */
export function ProductHeader({ product: p }: { product: OcopProduct }) {
  const { t, i18n } = useTranslation('ocop');
  const result = p.selfAssessment?.result ?? null;
  return (
    <header className="page-header entity-header">
      <p className="eyebrow">{t('product.eyebrow')}</p>
      <h1>{p.name}</h1>
      <p className="page-header__meta">
        <ProductStatusBadge status={p.status} />
        <Link to="/registry/$id" params={{ id: p.entity.id }}>
          {p.entity.name}
        </Link>
        <span>{p.entity.communeName}</span>
      </p>
      <p className="page-header__meta">
        <span>
          {t('product.sheet')}{' '}
          <Link to="/ocop/rubrics/$id" params={{ id: p.rubricId }}>
            {shortSheetTitle(p.rubric.title)}
          </Link>
        </span>
        {result ? (
          <span>
            {t('product.selfResult')} <StarRating star={result.star} />{' '}
            <span className="muted">
              ({t('products.points', { points: formatNumber(result.total, i18n.language) })})
            </span>
          </span>
        ) : null}
      </p>
    </header>
  );
}
