import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopRound } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { formatDay, OCOP_DOSSIER_STATUSES } from '../text.ts';
import { RoundStatusBadge } from './badges.tsx';

/** "3 tiếp nhận · 1 chuyển hội đồng": the round's dossiers by status, leaving out the empty ones. */
export function DossierCounts({ counts }: { counts: OcopRound['dossiers'] }) {
  const { t, i18n } = useTranslation('ocop');
  const parts = OCOP_DOSSIER_STATUSES.filter((s) => counts[s] > 0).map((s) =>
    t(`rounds.count.${s}`, { n: formatNumber(counts[s], i18n.language) }),
  );
  if (parts.length === 0) return <span className="muted">{t('rounds.noDossiers')}</span>;
  return <span>{parts.join(' · ')}</span>;
}

export function RoundTable({ rounds }: { rounds: OcopRound[] }) {
  const { t, i18n } = useTranslation('ocop');
  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact">
        <caption className="sr-only">{t('rounds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rounds.columns.name')}</th>
            <th scope="col">{t('rounds.columns.regime')}</th>
            <th scope="col">{t('rounds.columns.status')}</th>
            <th scope="col">{t('rounds.columns.deadline')}</th>
            <th scope="col">{t('rounds.columns.dossiers')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.id}>
              <td data-label={t('rounds.columns.name')}>
                <Link to="/ocop/rounds/$id" params={{ id: r.id }} className="cell-title">
                  {r.name}
                </Link>
                {r.myCouncilRole ? (
                  <span className="cell-sub">{t('rounds.mySeat', { role: t(`councilRole.${r.myCouncilRole}`) })}</span>
                ) : null}
              </td>
              <td data-label={t('rounds.columns.regime')}>{t(`regime.${r.processRegime}`)}</td>
              <td data-label={t('rounds.columns.status')}>
                <span className="tag-list">
                  <RoundStatusBadge status={r.status} />
                  {r.acceptingSubmissions ? <Badge tone="green">{t('rounds.accepting')}</Badge> : null}
                </span>
              </td>
              <td data-label={t('rounds.columns.deadline')}>{formatDay(r.submissionDeadline, i18n.language)}</td>
              <td data-label={t('rounds.columns.dossiers')}>
                <DossierCounts counts={r.dossiers} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
