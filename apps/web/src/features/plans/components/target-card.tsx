import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardTarget } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { formatFigure, formatPercent, periodLabel } from '../text.ts';
import { RecordsList } from './records-list.tsx';
import { StatusLight } from './status-light.tsx';
import { TargetChart } from './target-chart.tsx';

/** One target on the dashboard: figures, light, chart, the commune league table and the records behind it. */
export function TargetCard({
  planId,
  target,
  onDrill,
}: {
  planId: string;
  target: DashboardTarget;
  /** Opens the dashboard at one unit of the breakdown. */
  onDrill: (level: 'commune' | 'district', code: string) => void;
}) {
  const { t, i18n } = useTranslation('plans');
  const [records, setRecords] = useState<{ unit: string | undefined; name: string | null } | null>(null);
  const unit = target.indicator.unit;
  const fmt = (v: number | null) => formatFigure(v, unit, i18n.language);
  const title = t(`indicator.${target.indicator.id}`, target.indicator.id);
  return (
    <article className="card plan-target" aria-label={title} data-indicator={target.indicator.id}>
      <header className="plan-target__head">
        <h3>{title}</h3>
        <StatusLight status={target.status} />
      </header>
      <p className="muted small">
        {target.scope.name ?? t(`scope.${target.scope.level}`)} · {periodLabel(target)} ·{' '}
        {t(`direction.${target.direction}`)}
      </p>
      <dl className="plan-figures">
        <div>
          <dt>{t('figure.actual')}</dt>
          <dd data-figure="actual">{fmt(target.actual)}</dd>
        </div>
        <div>
          <dt>{t('figure.target')}</dt>
          <dd data-figure="target">{fmt(target.target)}</dd>
        </div>
        <div>
          <dt>{t('figure.percent')}</dt>
          <dd data-figure="percent">{formatPercent(target.percent, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('figure.forecast')}</dt>
          <dd>{fmt(target.forecast)}</dd>
        </div>
      </dl>
      <TargetChart target={target} />
      <div className="toolbar no-print">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => setRecords(records ? null : { unit: undefined, name: null })}
        >
          {records ? t('records.hide') : t('records.show')}
        </Button>
      </div>
      {target.breakdown.length > 0 && target.breakdownLevel ? (
        <details className="plan-league" open={target.breakdown.length <= 12}>
          <summary>{t(`league.title.${target.breakdownLevel}`, { n: target.breakdown.length })}</summary>
          <div className="table-wrap">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t(`league.unit.${target.breakdownLevel}`)}</th>
                  <th scope="col">{t('figure.actual')}</th>
                  <th scope="col">{t('figure.target')}</th>
                  <th scope="col">{t('figure.percent')}</th>
                  <th scope="col">{t('figure.status')}</th>
                  <th scope="col" className="no-print">
                    <span className="sr-only">{t('league.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {target.breakdown.map((u, i) => (
                  <tr key={u.code} data-unit={u.code}>
                    <td>{i + 1}</td>
                    <td>{u.name}</td>
                    <td>{fmt(u.actual)}</td>
                    <td>{fmt(u.target)}</td>
                    <td>{formatPercent(u.percent, i18n.language)}</td>
                    <td>
                      <StatusLight status={u.status} />
                    </td>
                    <td className="no-print">
                      <span className="tag-list">
                        <Button variant="ghost" size="sm" onClick={() => setRecords({ unit: u.code, name: u.name })}>
                          {t('league.records')}
                        </Button>
                        <Button variant="ghost" size="sm" onClick={() => onDrill(target.breakdownLevel!, u.code)}>
                          {t('league.drill')}
                        </Button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {records ? (
        <RecordsList
          planId={planId}
          targetId={target.id}
          unit={records.unit}
          unitName={records.name}
          valueUnit={unit}
        />
      ) : null}
    </article>
  );
}
