import { useTranslation } from 'react-i18next';
import type { DashboardTarget } from '@hoptac/core';
import { formatFigure } from '../text.ts';

const W = 320;
const H = 56;

/**
 * One indicator as a bar: what is achieved, the forecast to the period's end behind it, and the
 * target as a vertical line. Plain SVG: a figure for a meeting, not a charting library.
 */
export function TargetChart({ target }: { target: DashboardTarget }) {
  const { t, i18n } = useTranslation('plans');
  const values = [target.actual ?? 0, target.forecast ?? 0, target.target ?? 0, target.baseline ?? 0];
  const max = Math.max(...values, 1) * 1.1;
  const x = (v: number) => (v / max) * (W - 8) + 4;
  const unit = target.indicator.unit;
  const label = t('chart.label', {
    actual: formatFigure(target.actual, unit, i18n.language),
    target: formatFigure(target.target, unit, i18n.language),
    forecast: formatFigure(target.forecast, unit, i18n.language),
  });
  return (
    <svg className="plan-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect x={4} y={14} width={W - 8} height={20} className="plan-chart__track" rx={3} />
      {target.forecast !== null ? (
        <rect
          x={4}
          y={14}
          width={Math.max(0, x(target.forecast) - 4)}
          height={20}
          className="plan-chart__forecast"
          rx={3}
        />
      ) : null}
      <rect
        x={4}
        y={14}
        width={Math.max(0, x(target.actual ?? 0) - 4)}
        height={20}
        className={`plan-chart__actual plan-chart__actual--${target.status}`}
        rx={3}
      />
      {target.target !== null ? (
        <>
          <line x1={x(target.target)} x2={x(target.target)} y1={6} y2={42} className="plan-chart__target" />
          <text x={Math.min(x(target.target), W - 60)} y={54} className="plan-chart__text">
            {t('chart.target')}
          </text>
        </>
      ) : null}
    </svg>
  );
}
