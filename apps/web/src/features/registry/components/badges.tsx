import { useTranslation } from 'react-i18next';
import type { EntityStatus, Rating, ReportStatus } from '@hoptac/core';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';

const STATUS_TONE: Record<EntityStatus, BadgeTone> = {
  active: 'green',
  suspended: 'amber',
  reorganising: 'blue',
  dissolved: 'neutral',
  bankrupt: 'red',
  certificate_revoked: 'red',
};

export function StatusBadge({ status }: { status: EntityStatus }) {
  const { t } = useTranslation('registry');
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}

const RATING_TONE: Record<Rating, BadgeTone> = {
  good: 'green',
  fair: 'blue',
  average: 'amber',
  weak: 'red',
  not_rated: 'neutral',
};

export function RatingBadge({ rating, year }: { rating: Rating | null; year?: number | null }) {
  const { t } = useTranslation('registry');
  if (!rating) return <span className="muted">—</span>;
  return (
    <Badge tone={RATING_TONE[rating]}>
      {t(`rating.${rating}`)}
      {year ? ` · ${year}` : ''}
    </Badge>
  );
}

const REPORT_TONE: Record<ReportStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'blue',
  accepted: 'blue',
  approved: 'green',
  returned: 'amber',
};

export function ReportStatusBadge({ status }: { status: ReportStatus | 'missing' }) {
  const { t } = useTranslation('registry');
  if (status === 'missing') return <Badge tone="red">{t('reportStatus.missing')}</Badge>;
  return <Badge tone={REPORT_TONE[status]}>{t(`reportStatus.${status}`)}</Badge>;
}

export function LateBadge() {
  const { t } = useTranslation('registry');
  return <Badge tone="red">{t('reports.late')}</Badge>;
}
