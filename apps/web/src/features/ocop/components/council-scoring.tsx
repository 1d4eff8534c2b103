import { useCallback, useMemo, useState } from 'react';
import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopDossier, OcopMyScoreSheet } from '@hoptac/core';
import type { RubricAnswers, RubricCriterion, RubricKnockOut, RubricSheet } from '@hoptac/core/ocop';
import { Button } from '../../../components/button.tsx';
import { Notice } from '../../../components/error-message.tsx';
import { Checkbox, SelectField, TextAreaField } from '../../../components/field.tsx';
import { validationIssues } from '../../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { liveScore } from '../scoring.ts';
import { useSaveMyScoreSheet, useSubmitMyScoreSheet } from '../scoring-api.ts';
import { localTitle } from '../text.ts';
import { AnswerWorkspace, useCriterionErrors } from './answer-workspace.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { criterionAnchor } from './criterion-parts.tsx';
import { OcopErrorMessage } from './ocop-error.tsx';
import { ScoreSummary } from './score-summary.tsx';

interface KnockOutDraft {
  on: boolean;
  reason: string;
  /** A criterion code, or '' for the sheet's own rejection clause. */
  criterion: string;
}

const toDraft = (k: OcopMyScoreSheet['knockOut']): KnockOutDraft =>
  k ? { on: true, reason: k.reason, criterion: k.criterion ?? '' } : { on: false, reason: '', criterion: '' };

const toKnockOut = (k: KnockOutDraft): RubricKnockOut | null =>
  k.on && k.reason.trim().length >= 3 ? { reason: k.reason.trim(), criterion: k.criterion || null } : null;

/** A member's remark on one criterion, read by the producer without the member's name. */
function CriterionComment({
  criterion,
  value,
  readOnly,
  onChange,
}: {
  criterion: RubricCriterion;
  value: string;
  readOnly: boolean;
  onChange: (code: string, text: string) => void;
}) {
  const { t } = useTranslation('ocop');
  const [open, setOpen] = useState(value !== '');
  if (readOnly)
    return value ? (
      <p className="ocop-comment ocop-comment--read small">
        <strong>{t('scoring.yourComment')} </strong>
        {value}
      </p>
    ) : null;
  if (!open)
    return (
      <Button
        variant="ghost"
        size="sm"
        className="ocop-comment__add"
        aria-label={t('scoring.addCommentFor', { code: criterion.code })}
        onClick={() => setOpen(true)}
      >
        {t('scoring.addComment')}
      </Button>
    );
  return (
    <div className="ocop-comment">
      <TextAreaField
        label={t('scoring.commentFor', { code: criterion.code })}
        hint={t('scoring.commentHint')}
        rows={2}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(criterion.code, e.target.value)}
      />
    </div>
  );
}

/** The member's knock-out: the sheet's rejection clause or a criterion's note, with the reason. */
function KnockOutCard({
  sheet,
  value,
  readOnly,
  error,
  onChange,
}: {
  sheet: RubricSheet;
  value: KnockOutDraft;
  readOnly: boolean;
  error: string | undefined;
  onChange: (next: KnockOutDraft) => void;
}) {
  const { t, i18n } = useTranslation('ocop');
  const grounds = sheet.parts
    .flatMap((p) => p.groups.flatMap((g) => g.criteria))
    .filter((c) => c.disqualifiesIf || c.haltsEvaluationIf);
  if (readOnly && !value.on) return null;
  return (
    <section className="card stack ocop-knockout" aria-labelledby="ocop-knockout-title">
      <h3 id="ocop-knockout-title">{t('scoring.knockOutTitle')}</h3>
      <p className="muted small">{t('scoring.knockOutIntro')}</p>
      {sheet.disqualifiers.length > 0 ? (
        <details className="ocop-details small">
          <summary>{t('guide.disqualifiers')}</summary>
          <ul>
            {sheet.disqualifiers.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <Checkbox
        label={t('scoring.knockOutOn')}
        checked={value.on}
        disabled={readOnly}
        onChange={(e) => onChange({ ...value, on: e.target.checked })}
      />
      {value.on ? (
        <>
          <SelectField
            label={t('scoring.knockOutGround')}
            value={value.criterion}
            disabled={readOnly}
            onChange={(e) => onChange({ ...value, criterion: e.target.value })}
          >
            <option value="">{t('scoring.knockOutSheet')}</option>
            {grounds.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}. {localTitle(c, i18n.language)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('scoring.knockOutReason')}
            hint={t('scoring.knockOutReasonHint')}
            rows={3}
            value={value.reason}
            readOnly={readOnly}
            error={error}
            onChange={(e) => onChange({ ...value, reason: e.target.value })}
          />
        </>
      ) : null}
    </section>
  );
}

export interface CouncilScoringProps {
  dossier: OcopDossier;
  /** The sheet version pinned on the dossier. */
  sheet: RubricSheet;
  mine: OcopMyScoreSheet;
}

/**
 * A council member scores a dossier on its pinned sheet, blind: the same radio groups and live
 * total as the producer's self-assessment, a remark per criterion, an optional knock-out; "save"
 * keeps a draft, "submit" hands in the final sheet.
 */
export function CouncilScoring({ dossier, sheet, mine }: CouncilScoringProps) {
  const { t, i18n } = useTranslation('ocop');
  const lang = i18n.language;
  const save = useSaveMyScoreSheet(dossier.id);
  const submit = useSubmitMyScoreSheet(dossier.id);
  const editable = mine.status !== 'submitted' && dossier.status === 'forwarded';
  const [answers, setAnswers] = useState<RubricAnswers>(() => mine.answers);
  const [comments, setComments] = useState<Record<string, string>>(() => mine.comments);
  const [knockOut, setKnockOut] = useState<KnockOutDraft>(() => toDraft(mine.knockOut));
  const [dirty, setDirty] = useState(false);
  const [syncedAt, setSyncedAt] = useState(mine.updatedAt);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [knockOutError, setKnockOutError] = useState<string | undefined>();

  // Saved in another tab: take it unless something is being typed here.
  if (mine.updatedAt !== syncedAt) {
    setSyncedAt(mine.updatedAt);
    if (!dirty || !editable) {
      setAnswers(mine.answers);
      setComments(mine.comments);
      setKnockOut(toDraft(mine.knockOut));
    }
  }

  const recorded = useMemo(() => toKnockOut(knockOut), [knockOut]);
  const live = useMemo(() => liveScore(sheet, answers, { knockOut: recorded }), [sheet, answers, recorded]);
  const errors = useCriterionErrors(save.error, submit.error);
  const serverKnockOutError = validationIssues(save.error).some((i) => i.path[0] === 'knockOut')
    ? t('issue.knock_out_reason')
    : undefined;

  useBlocker({
    shouldBlockFn: () => !window.confirm(t('scoring.leaveConfirm')),
    disabled: !(dirty && editable),
    enableBeforeUnload: dirty && editable,
  });

  const onChange = useCallback((code: string, value: number | null) => {
    setAnswers((a) => ({ ...a, [code]: value }));
    setDirty(true);
    setNotice(null);
  }, []);
  const onComment = useCallback((code: string, text: string) => {
    setComments((c) => ({ ...c, [code]: text }));
    setDirty(true);
    setNotice(null);
  }, []);

  if (!live) return <p className="note">{t('assessment.cannotScore')}</p>;
  const missing = live.missing.length;

  async function saveDraft(): Promise<boolean> {
    submit.reset();
    if (knockOut.on && !recorded) {
      setKnockOutError(t('issue.knock_out_reason'));
      return false;
    }
    setKnockOutError(undefined);
    const kept = Object.fromEntries(
      Object.entries(comments)
        .map(([code, text]) => [code, text.trim()] as const)
        .filter(([, text]) => text.length > 0),
    );
    try {
      await save.mutateAsync({ answers, knockOut: recorded, comments: kept });
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
      onSuccess: () => setNotice(t('scoring.submitted')),
      onSettled: () => setConfirming(false),
    });
  }

  const submitHintId = 'ocop-sheet-submit-hint';
  return (
    <section className="ocop-assessment ocop-scoring" aria-labelledby="ocop-scoring-title">
      <h2 id="ocop-scoring-title">{t('scoring.sheetTitle')}</h2>
      <p className="muted">{editable ? t('scoring.intro') : t('scoring.readOnlyIntro')}</p>
      {mine.status === 'submitted' && mine.submittedAt ? (
        <p className="note">{t('scoring.lockedSubmitted', { date: formatDateTime(mine.submittedAt, lang) })}</p>
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
        criterionExtra={(c) => (
          <CriterionComment criterion={c} value={comments[c.code] ?? ''} readOnly={!editable} onChange={onComment} />
        )}
        footer={
          <KnockOutCard
            sheet={sheet}
            value={knockOut}
            readOnly={!editable}
            error={knockOutError ?? serverKnockOutError}
            onChange={(next) => {
              setKnockOut(next);
              setKnockOutError(undefined);
              setDirty(true);
              setNotice(null);
            }}
          />
        }
        summaryLabel={t('scoring.summaryTitle')}
        summary={
          <ScoreSummary
            sheet={sheet}
            live={live}
            final={!editable}
            title={editable ? t('scoring.summaryTitle') : t('scoring.summaryFinal')}
            showPlan={false}
          >
            {save.error ? <OcopErrorMessage error={save.error} scope="scoring" /> : null}
            {submit.error ? <OcopErrorMessage error={submit.error} scope="scoring" /> : null}
            {dossier.selfTotal !== null ? (
              <p className="small muted ocop-self-reference">
                {t('scoring.selfReference', {
                  total: formatNumber(dossier.selfTotal, lang),
                  star: dossier.selfStar ?? '—',
                })}
              </p>
            ) : null}
            {editable ? (
              <div className="ocop-actions">
                {dirty ? <p className="small ocop-dirty">{t('assessment.unsaved')}</p> : null}
                <div className="form__actions">
                  <Button
                    variant="secondary"
                    busy={save.isPending}
                    onClick={() => void saveDraft().then((ok) => ok && setNotice(t('scoring.saved')))}
                  >
                    {save.isPending ? t('common:actions.saving') : t('scoring.save')}
                  </Button>
                  <Button
                    disabled={missing > 0}
                    aria-describedby={missing > 0 ? submitHintId : undefined}
                    onClick={() => {
                      setNotice(null);
                      setConfirming(true);
                    }}
                  >
                    {t('scoring.submit')}
                  </Button>
                </div>
                {missing > 0 ? (
                  <p className="field__hint" id={submitHintId}>
                    {t('scoring.submitBlocked', { n: missing })}{' '}
                    <a href={`#${criterionAnchor(live.missing[0] ?? '')}`}>{t('scoring.firstMissing')}</a>
                  </p>
                ) : null}
              </div>
            ) : null}
          </ScoreSummary>
        }
      />

      <ConfirmDialog
        open={confirming}
        title={t('scoring.confirmTitle')}
        confirmLabel={t('scoring.confirmSubmit')}
        cancelLabel={t('form.cancel')}
        busy={save.isPending || submit.isPending}
        onConfirm={() => void handIn()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {t(recorded ? 'scoring.confirmBodyKnockOut' : 'scoring.confirmBody', {
            total: formatNumber(live.score.total, lang),
            star: live.score.star ?? '—',
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
