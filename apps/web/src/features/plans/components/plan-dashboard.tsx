import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { dashboardExportUrl, useDashboard } from '../api.ts';
import { TargetCard } from './target-card.tsx';
import '../plans.css';

/**
 * The live dashboard of a plan at a scope (undefined: the caller's default, the city for the
 * city, their communes for an officer). Printing it gives the monthly meeting's report.
 */
export function PlanDashboard({
  planId,
  scope,
  scopeChoices,
  onScope,
}: {
  planId: string;
  scope: string | undefined;
  /** What the scope picker offers: value → label. */
  scopeChoices: { value: string; label: string }[];
  onScope: (scope: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation('plans');
  const board = useDashboard(planId, scope);
  // The printed report carries every league table, including the ones folded on screen.
  useEffect(() => {
    const unfold = () => document.querySelectorAll<HTMLDetailsElement>('.plan-league').forEach((d) => (d.open = true));
    window.addEventListener('beforeprint', unfold);
    return () => window.removeEventListener('beforeprint', unfold);
  }, []);
  if (board.isPending) return <Loading />;
  if (board.isError) return <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />;
  const { targets, asOf } = board.data;
  return (
    <section
      className={`plan-dashboard${board.isPlaceholderData ? ' is-stale' : ''}`}
      aria-labelledby="plan-dashboard-title"
    >
      <div className="plan-dashboard__bar">
        <h2 id="plan-dashboard-title">{t('dashboard.title')}</h2>
        <p className="muted small">
          {t('dashboard.asOf', { date: new Date(asOf).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'vi-VN') })}
        </p>
        <div className="toolbar no-print">
          <label className="plan-scope">
            <span>{t('dashboard.scope')}</span>{' '}
            <select className="input" value={scope ?? ''} onChange={(e) => onScope(e.target.value || undefined)}>
              {scopeChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <a className="btn btn--secondary btn--sm" href={dashboardExportUrl(planId, scope)} download>
            {t('dashboard.export')}
          </a>
          <Button variant="secondary" size="sm" onClick={() => window.print()}>
            {t('dashboard.print')}
          </Button>
        </div>
      </div>
      {targets.length === 0 ? (
        <p className="empty">{t('dashboard.empty')}</p>
      ) : (
        <div className="plan-targets">
          {targets.map((target) => (
            <TargetCard
              key={target.id}
              planId={planId}
              target={target}
              onDrill={(level, code) => onScope(`${level}:${code}`)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
