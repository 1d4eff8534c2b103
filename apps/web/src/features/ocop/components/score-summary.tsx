import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OCOP_PART_CODES, type RubricSheet, type StarBlocker } from '@hoptac/core/ocop';
import { formatNumber } from '../../../lib/format.ts';
import type { LiveScore } from '../scoring.ts';
import { localTitle } from '../text.ts';
import { StarRating } from './badges.tsx';
import { criterionAnchor } from './criterion-parts.tsx';
import { NextStarPlanView } from './next-star-plan.tsx';

function Blockers({ blockers, assumed }: { blockers: StarBlocker[]; assumed: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  const stars = [...new Set(blockers.map((b) => b.star))].sort((a, b) => b - a);
  return (
    <section className="ocop-blockers" aria-labelledby="ocop-blockers-title">
      <h4 id="ocop-blockers-title">{t('summary.blockersTitle')}</h4>
      {stars.map((star) => (
        <div key={star}>
          <p className="small ocop-blockers__star">{t('summary.blockersFor', { star })}</p>
          <ul className="ocop-blockers__list">
            {blockers
              .filter((b) => b.star === star)
              .map((b) => (
                <li key={b.criterion}>
                  <a href={`#${criterionAnchor(b.criterion)}`}>
                    {b.criterion}. {b.title}
                  </a>{' '}
                  <span className="muted">
                    {t('summary.blockerPoints', { required: n(b.requiredPoints), actual: n(b.actualPoints) })}
                    {assumed.has(b.criterion) ? ` ${t('summary.unansweredMark')}` : ''}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export interface ScoreSummaryProps {
  sheet: RubricSheet;
  live: LiveScore;
  /** Final (submitted) rather than provisional wording. */
  final: boolean;
  /** The heading, when not the self-assessment's. */
  title?: string | undefined;
  /** The next-star plan is the producer's: a council member's sheet leaves it out. */
  showPlan?: boolean;
  /** Save and submit: right under the score, so they stay in sight in the sticky panel. */
  children?: ReactNode;
}

/** Total, parts, star (and why it is below the band), progress and the next-star plan. */
export function ScoreSummary({ sheet, live, final, title, showPlan = true, children }: ScoreSummaryProps) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  const { score } = live;
  const complete = live.missing.length === 0;
  const parts = new Map(sheet.parts.map((p) => [p.code, p]));
  return (
    <section className="ocop-summary" id="ocop-summary" aria-labelledby="ocop-summary-title">
      <h3 id="ocop-summary-title">{title ?? (final ? t('summary.finalTitle') : t('summary.title'))}</h3>
      <div className="ocop-summary__total" role="status">
        <span className="ocop-summary__points">
          {t('summary.total', { total: n(score.total), max: n(score.maxPoints) })}
        </span>{' '}
        <StarRating star={score.star} />
      </div>
      {score.star !== null && score.bandStar !== score.star ? (
        <p className="small ocop-summary__band">{t('summary.bandBelow', { band: score.bandStar, star: score.star })}</p>
      ) : null}
      {score.knockedOut ? (
        <p className="small ocop-note ocop-note--knockout">
          <strong>{t('summary.knockedOut')} </strong>
          {score.knockedOut.reason}
        </p>
      ) : null}
      <dl className="ocop-parts">
        {OCOP_PART_CODES.map((code) => (
          <div key={code} className="ocop-parts__row">
            <dt>
              {t('summary.part', { code, title: parts.get(code) ? localTitle(parts.get(code)!, i18n.language) : '' })}
            </dt>
            <dd>
              {t('summary.partPoints', { points: n(score.parts[code]), max: n(parts.get(code)?.maxPoints ?? 0) })}
            </dd>
          </div>
        ))}
      </dl>
      <div className="ocop-progress">
        <label htmlFor="ocop-progress-bar" className="small">
          {t('summary.progress', { answered: live.answeredCount, total: live.criteriaCount })}
        </label>
        <progress id="ocop-progress-bar" max={live.criteriaCount} value={live.answeredCount} />
      </div>
      {!complete ? <p className="muted small">{t('summary.floorNote')}</p> : null}
      {children}
      {score.blockedBy.length > 0 ? <Blockers blockers={score.blockedBy} assumed={live.assumed} /> : null}
      {showPlan && score.star === 5 ? <p className="small">{t('plan.top')}</p> : null}
      {showPlan && score.nextStar ? <NextStarPlanView plan={score.nextStar} assumed={live.assumed} /> : null}
    </section>
  );
}
