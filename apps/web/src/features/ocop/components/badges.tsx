import { useTranslation } from 'react-i18next';
import type { OcopProductStatus } from '@hoptac/core';
import type { OcopMinimumStar, OcopStar, RubricSummary } from '@hoptac/core/ocop';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';

const STATUS_TONE: Record<OcopProductStatus, BadgeTone> = { draft: 'neutral', submitted: 'blue' };

export function ProductStatusBadge({ status }: { status: OcopProductStatus }) {
  const { t } = useTranslation('ocop');
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}

/** Current decision, or one that new assessments no longer use; and "part only" for fragments. */
export function RubricBadges({ rubric }: { rubric: Pick<RubricSummary, 'current' | 'coverage'> }) {
  const { t } = useTranslation('ocop');
  return (
    <>
      {rubric.current ? (
        <Badge tone="green">{t('rubric.current')}</Badge>
      ) : (
        <Badge tone="neutral">{t('rubric.historical')}</Badge>
      )}
      {rubric.coverage === 'fragment' ? <Badge tone="amber">{t('rubric.fragment')}</Badge> : null}
    </>
  );
}

/** Five stars, the grade's filled: "★★★☆☆ 3 sao". */
export function StarRating({ star }: { star: OcopStar | number | null }) {
  const { t } = useTranslation('ocop');
  if (star === null) return <span className="muted">{t('star.none')}</span>;
  return (
    <span className="ocop-stars">
      <span className="ocop-stars__icons" aria-hidden="true">
        {'★'.repeat(star)}
        <span className="ocop-stars__off">{'★'.repeat(5 - star)}</span>
      </span>{' '}
      <span className="ocop-stars__label">{t('star.label', { n: star })}</span>
    </span>
  );
}

/** The sheet's star marker: this level is the least a product must reach on the criterion for those grades. */
export function MinimumMarker({ stars }: { stars: readonly OcopMinimumStar[] }) {
  const { t } = useTranslation('ocop');
  return <Badge tone="amber">{t('level.minimumFor', { stars: stars.map((s) => `${s}★`).join('/') })}</Badge>;
}
