import { useCallback, useMemo, useState } from 'react';
import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopProduct } from '@hoptac/core';
import type { RubricAnswers, RubricSheet } from '@hoptac/core/ocop';
import { Button } from '../../../components/button.tsx';
import { Notice } from '../../../components/error-message.tsx';
import { OcopErrorMessage } from './ocop-error.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useSaveSelfAssessment, useSubmitOcopProduct } from '../api.ts';
import { liveScore } from '../scoring.ts';
import { AnswerWorkspace, useCriterionErrors } from './answer-workspace.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ScoreSummary } from './score-summary.tsx';

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

      <AnswerWorkspace
        sheet={sheet}
        live={live}
        answers={answers}
        onChange={onChange}
        readOnly={!editable}
        errors={errors}
        summaryLabel={t('summary.title')}
        summary={
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
        }
      />

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
