import { useCallback, useMemo, useState } from 'react';
import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopProduct } from '@hoptac/core';
import type { RubricAnswers, RubricSheet } from '@hoptac/core/ocop';
import { Button } from '../../../components/button.tsx';
import { Notice } from '../../../components/error-message.tsx';
import { OcopErrorMessage } from './ocop-error.tsx';
import { validationIssues } from '../../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useSaveSelfAssessment, useSubmitOcopProduct } from '../api.ts';
import { liveScore } from '../scoring.ts';
import { localTitle } from '../text.ts';
import { StarRating } from './badges.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { CriterionFieldset } from './criterion-fieldset.tsx';
import { parentBefore } from './criterion-parts.tsx';
import { ScoreSummary } from './score-summary.tsx';

/** Per-criterion messages from a refused save (['answers', code]) or submit (['selfAssessment', code]). */
function useCriterionErrors(...errors: unknown[]): Map<string, string> {
  const { t, i18n } = useTranslation('ocop');
  const out = new Map<string, string>();
  for (const issue of errors.flatMap((e) => validationIssues(e))) {
    const code = issue.path[1];
    if ((issue.path[0] !== 'answers' && issue.path[0] !== 'selfAssessment') || !code || out.has(code)) continue;
    out.set(code, i18n.exists(`ocop:issue.${issue.code}`) ? t(`issue.${issue.code}`) : t('issue.answer_invalid'));
  }
  return out;
}

export interface SelfAssessmentProps {
  product: OcopProduct;
  /** The sheet at the version the answers were given on. */
  sheet: RubricSheet;
}

/**
 * The producer scores the product on its sheet. Every click rescores in the browser with the
 * same engine the server uses; "save" keeps a half-done sheet, "submit" hands in a complete one.
 */
export function SelfAssessment({ product, sheet }: SelfAssessmentProps) {
  const { t, i18n } = useTranslation('ocop');
  const lang = i18n.language;
  const saved = product.selfAssessment;
  const editable = product.canEdit && product.status === 'draft';
  const save = useSaveSelfAssessment(product.id);
  const submit = useSubmitOcopProduct(product.id);
  const [answers, setAnswers] = useState<RubricAnswers>(() => saved?.answers ?? {});
  const [dirty, setDirty] = useState(false);
  const [syncedAt, setSyncedAt] = useState(saved?.updatedAt);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  // Saved elsewhere (another tab, an official): take the new answers unless some are being typed.
  if (saved?.updatedAt !== syncedAt) {
    setSyncedAt(saved?.updatedAt);
    if (!dirty || !editable) setAnswers(saved?.answers ?? {});
  }

  const live = useMemo(() => liveScore(sheet, answers), [sheet, answers]);
  const errors = useCriterionErrors(save.error, submit.error);

  useBlocker({
    shouldBlockFn: () => !window.confirm(t('assessment.leaveConfirm')),
    disabled: !(dirty && editable),
    enableBeforeUnload: dirty && editable,
  });

  const onChange = useCallback((code: string, value: number | null) => {
    setAnswers((a) => ({ ...a, [code]: value }));
    setDirty(true);
    setNotice(null);
  }, []);

  if (!live) return <p className="note">{t('assessment.cannotScore')}</p>;
  const missing = live.missing.length;

  async function saveDraft(): Promise<boolean> {
    submit.reset();
    try {
      await save.mutateAsync(answers);
      setDirty(false);
      return true;
    } catch {
      return false;
    }
  }

  async function handIn() {
    if (dirty && !(await saveDraft())) {
      setConfirming(false);
      return;
    }
    submit.mutate(undefined, {
      onSuccess: () => setNotice(t('assessment.submitted')),
      onSettled: () => setConfirming(false),
    });
  }

  const submitHintId = 'ocop-submit-hint';
  return (
    <section className="ocop-assessment" aria-labelledby="ocop-assessment-title">
      <h2 id="ocop-assessment-title">{t('assessment.title')}</h2>
      <p className="muted">{editable ? t('assessment.intro') : t('assessment.readOnlyIntro')}</p>
      {product.status === 'submitted' ? (
        <p className="note">
          {t('assessment.lockedSubmitted', {
            date: product.submittedAt ? formatDateTime(product.submittedAt, lang) : '',
          })}
        </p>
      ) : null}
      {lang === 'en' ? <p className="note small">{t('guide.vietnameseLevels')}</p> : null}
      {notice ? <Notice>{notice}</Notice> : null}

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
                          readOnly={!editable}
                          error={errors.get(c.code)}
                        />
                      </div>
                    );
                  })}
                </div>
              ))}
            </section>
          ))}
        </div>

        <aside className="ocop-summary-wrap" aria-label={t('summary.title')}>
          <ScoreSummary sheet={sheet} live={live} final={product.status === 'submitted'}>
            {save.error ? <OcopErrorMessage error={save.error} /> : null}
            {submit.error ? <OcopErrorMessage error={submit.error} /> : null}
            {editable ? (
              <div className="ocop-actions">
                {dirty ? <p className="small ocop-dirty">{t('assessment.unsaved')}</p> : null}
                <div className="form__actions">
                  <Button
                    variant="secondary"
                    busy={save.isPending}
                    onClick={() => void saveDraft().then((ok) => ok && setNotice(t('assessment.saved')))}
                  >
                    {save.isPending ? t('common:actions.saving') : t('assessment.save')}
                  </Button>
                  <Button
                    disabled={missing > 0}
                    aria-describedby={missing > 0 ? submitHintId : undefined}
                    onClick={() => {
                      setNotice(null);
                      setConfirming(true);
                    }}
                  >
                    {t('assessment.submit')}
                  </Button>
                </div>
                {missing > 0 ? (
                  <p className="field__hint" id={submitHintId}>
                    {t('assessment.submitBlocked', { n: missing })}
                  </p>
                ) : null}
              </div>
            ) : null}
          </ScoreSummary>
        </aside>
      </div>

      <div className="ocop-minibar" aria-hidden="true">
        <span>{t('summary.total', { total: formatNumber(live.score.total, lang), max: live.score.maxPoints })}</span>
        <StarRating star={live.score.star} />
        <span>{t('summary.progressShort', { answered: live.answeredCount, total: live.criteriaCount })}</span>
      </div>

      <ConfirmDialog
        open={confirming}
        title={t('assessment.confirmTitle')}
        confirmLabel={t('assessment.confirmSubmit')}
        cancelLabel={t('form.cancel')}
        busy={save.isPending || submit.isPending}
        onConfirm={() => void handIn()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {t('assessment.confirmBody', {
            total: formatNumber(live.score.total, lang),
            star: live.score.star ?? '—',
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
