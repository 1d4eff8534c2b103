import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NextStarPlan } from '@hoptac/core/ocop';
import { Badge } from '../../../components/badge.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { sentenceCase } from '../text.ts';
import { criterionAnchor } from './criterion-parts.tsx';

export interface NextStarPlanViewProps {
  plan: NextStarPlan;
  /** Unanswered criteria (counted at their lowest level). */
  assumed: ReadonlySet<string>;
}

/** What to change to reach the next star: the mandatory minimums first, then the fewest raises that close the gap. */
export function NextStarPlanView({ plan, assumed }: NextStarPlanViewProps) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  // A page may show two plans (the producer's own and the council's): each its own heading id.
  const titleId = useId();
  if (plan.targetStar === null) return null;
  return (
    <section className="ocop-plan" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('plan.title', { star: plan.targetStar })}</h4>
      {plan.reachable ? (
        <p className="small">
          {t('plan.summary', { count: plan.changes.length, points: n(plan.pointsAfter), star: plan.starAfter ?? '—' })}
        </p>
      ) : (
        <p className="small ocop-plan__unreachable">{t('plan.outOfReach', { star: plan.targetStar })}</p>
      )}
      <ol className="ocop-plan__list">
        {plan.changes.map((change) => (
          <li key={change.criterion} className="ocop-plan__item">
            <span className="ocop-plan__head">
              {change.mandatory ? <Badge tone="red">{t('plan.mandatory')}</Badge> : null}
              <a href={`#${criterionAnchor(change.criterion)}`}>
                {change.criterion}. {sentenceCase(change.title)}
              </a>
            </span>
            <span className="ocop-plan__points">
              {assumed.has(change.criterion)
                ? t('plan.fromUnanswered', { to: n(change.toPoints) })
                : t('plan.change', { from: n(change.fromPoints), to: n(change.toPoints) })}
            </span>
            <span className="ocop-plan__target">{change.description}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
