import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricAnswers, RubricCriterion, RubricSheet } from '@hoptac/core/ocop';
import { validationIssues } from '../../../lib/api.ts';
import { formatNumber } from '../../../lib/format.ts';
import type { LiveScore } from '../scoring.ts';
import { localTitle } from '../text.ts';
import { StarRating } from './badges.tsx';
import { CriterionFieldset } from './criterion-fieldset.tsx';
import { parentBefore } from './criterion-parts.tsx';

/**
 * Per-criterion messages from a refused save or submit. The criterion's code follows the answers'
 * segment of the issue path: ['answers', code] (a save), ['selfAssessment', code] (a product's
 * submit), ['sheet', 'answers', code] (a council member's submit).
 */
export function useCriterionErrors(...errors: unknown[]): Map<string, string> {
  const { t, i18n } = useTranslation('ocop');
  const out = new Map<string, string>();
  for (const issue of errors.flatMap((e) => validationIssues(e))) {
    const at = issue.path.findIndex((p) => p === 'answers' || p === 'selfAssessment');
    const code = at >= 0 ? issue.path[at + 1] : undefined;
    if (!code || out.has(code)) continue;
    out.set(code, i18n.exists(`ocop:issue.${issue.code}`) ? t(`issue.${issue.code}`) : t('issue.answer_invalid'));
  }
  return out;
}

export interface AnswerWorkspaceProps {
  sheet: RubricSheet;
  live: LiveScore;
  answers: RubricAnswers;
  onChange: (code: string, value: number | null) => void;
  readOnly: boolean;
  errors: Map<string, string>;
  /** Under each criterion (a council member's remark). */
  criterionExtra?: ((criterion: RubricCriterion) => ReactNode) | undefined;
  /** Under the last part (a council member's knock-out). */
  footer?: ReactNode;
  /** The result beside the answers (below them on phones): ScoreSummary and the actions. */
  summary: ReactNode;
  summaryLabel: string;
}

/**
 * A scoring sheet to answer: every part, group and criterion as radio groups, the live result
 * beside them and, on phones, a thin bar keeping the total in sight. The producer's
 * self-assessment and a council member's score sheet are both this.
 */
export function AnswerWorkspace({
  sheet,
  live,
  answers,
  onChange,
  readOnly,
  errors,
  criterionExtra,
  footer,
  summary,
  summaryLabel,
}: AnswerWorkspaceProps) {
  const { t, i18n } = useTranslation('ocop');
  const lang = i18n.language;
  return (
    <>
      <div className="ocop-workspace">
        <div className="ocop-answers">
          {sheet.parts.map((part) => (
            <section key={part.code} className="card ocop-part" aria-labelledby={`answer-part-${part.code}`}>
              <h3 className="ocop-part__title" id={`answer-part-${part.code}`}>
                <span>{t('guide.part', { code: part.code, title: localTitle(part, lang) })}</span>{' '}
                <span className="ocop-max">
                  {t('summary.partPoints', {
                    points: formatNumber(live.score.parts[part.code], lang),
                    max: formatNumber(part.maxPoints, lang),
                  })}
                </span>
              </h3>
              {part.groups.map((group) => (
                <div key={group.code} className="ocop-group">
                  <h4 className="ocop-group__title">
                    <span>
                      {group.code}. {localTitle(group, lang)}
                    </span>{' '}
                    <span className="ocop-max">{t('guide.points', { points: group.maxPoints })}</span>
                  </h4>
                  {group.criteria.map((c, index) => {
                    const parent = parentBefore(group, index);
                    return (
                      <div key={c.code}>
                        {parent ? (
                          <p className="ocop-parent">
                            {parent.code}. {localTitle(parent, lang)}
                          </p>
                        ) : null}
                        <CriterionFieldset
                          criterion={c}
                          value={Object.hasOwn(answers, c.code) ? answers[c.code] : undefined}
                          onChange={onChange}
                          readOnly={readOnly}
                          error={errors.get(c.code)}
                        />
                        {criterionExtra?.(c)}
                      </div>
                    );
                  })}
                </div>
              ))}
            </section>
          ))}
          {footer}
        </div>

        <aside className="ocop-summary-wrap" aria-label={summaryLabel}>
          {summary}
        </aside>
      </div>

      <div className="ocop-minibar" aria-hidden="true">
        <span>{t('summary.total', { total: formatNumber(live.score.total, lang), max: live.score.maxPoints })}</span>
        <StarRating star={live.score.star} />
        <span>{t('summary.progressShort', { answered: live.answeredCount, total: live.criteriaCount })}</span>
      </div>
    </>
  );
}
