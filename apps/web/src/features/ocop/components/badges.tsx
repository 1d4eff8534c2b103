import { useTranslation } from 'react-i18next';
import type {
  OcopCertificateStatus,
  OcopDossierOutcome,
  OcopDossierStatus,
  OcopProductStatus,
  OcopRoundStatus,
} from '@hoptac/core';
import type { OcopMinimumStar, OcopStar, RubricSummary } from '@hoptac/core/ocop';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';

const STATUS_TONE: Record<OcopProductStatus, BadgeTone> = { draft: 'neutral', submitted: 'blue' };

export function ProductStatusBadge({ status }: { status: OcopProductStatus }) {
  const { t } = useTranslation('ocop');
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}

const ROUND_TONE: Record<OcopRoundStatus, BadgeTone> = { planned: 'neutral', open: 'green', closed: 'blue' };

export function RoundStatusBadge({ status }: { status: OcopRoundStatus }) {
  const { t } = useTranslation('ocop');
  return <Badge tone={ROUND_TONE[status]}>{t(`roundStatus.${status}`)}</Badge>;
}

const DOSSIER_TONE: Record<OcopDossierStatus, BadgeTone> = {
  received: 'amber',
  returned: 'red',
  forwarded: 'blue',
  confirmed: 'green',
  certified: 'green',
};

export function DossierStatusBadge({ status }: { status: OcopDossierStatus }) {
  const { t } = useTranslation('ocop');
  return <Badge tone={DOSSIER_TONE[status]}>{t(`dossierStatus.${status}`)}</Badge>;
}

const OUTCOME_TONE: Record<OcopDossierOutcome, BadgeTone> = {
  awaiting_decision: 'amber',
  proposed_national: 'blue',
  not_certified: 'neutral',
};

export function OutcomeBadge({ outcome }: { outcome: OcopDossierOutcome }) {
  const { t } = useTranslation('ocop');
  return <Badge tone={OUTCOME_TONE[outcome]}>{t(`outcome.${outcome}`)}</Badge>;
}

const CERTIFICATE_TONE: Record<OcopCertificateStatus, BadgeTone> = { valid: 'green', expired: 'amber', revoked: 'red' };

export function CertificateStatusBadge({ status }: { status: OcopCertificateStatus }) {
  const { t } = useTranslation('ocop');
  return <Badge tone={CERTIFICATE_TONE[status]}>{t(`certificateStatus.${status}`)}</Badge>;
}

const SHEET_TONE = { new: 'amber', draft: 'blue', submitted: 'green' } as const;

/** A council member's own sheet on a dossier: not started, a draft, or submitted. */
export function SheetStatusBadge({ status }: { status: 'new' | 'draft' | 'submitted' }) {
  const { t } = useTranslation('ocop');
  return <Badge tone={SHEET_TONE[status]}>{t(`sheetStatus.${status}`)}</Badge>;
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
