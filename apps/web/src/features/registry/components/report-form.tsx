import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnualReport, EntityDetail, ReportAction, ReportInput } from '@hoptac/core';
import { RATING_TT01_2020, REPORT_ACTIONS } from '../../../lib/domain.ts';
import { Button, type ButtonVariant } from '../../../components/button.tsx';
import { ErrorMessage, Notice } from '../../../components/error-message.tsx';
import { TextAreaField } from '../../../components/field.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { validationIssues } from '../../../lib/api.ts';
import { useReportAction, useSaveReport } from '../api.ts';
import { formatDate } from '../format.ts';
import { LateBadge, RatingBadge, ReportStatusBadge } from './badges.tsx';
import { NumberField, parseWholeNumber } from './inputs.tsx';
import { useIssueWording } from './issue-wording.ts';
import { RatingPointsFieldset } from './rating-points-fieldset.tsx';
import {
  INCOME_FIELDS,
  LINK_FIELDS,
  MONEY_FIELDS,
  NUMBER_FIELDS,
  PEOPLE_FIELDS,
  PERIOD_FIELDS,
  UNIT_OF,
  tallyPoints,
  toDraft,
  type Draft,
  type NumberKey,
} from './report-draft.ts';

const ACTION_VARIANT: Record<ReportAction, ButtonVariant> = {
  submit: 'primary',
  accept: 'primary',
  approve: 'primary',
  return: 'danger',
  unlock: 'secondary',
};

/** Actions that need a written reason (what must be corrected). */
const NEEDS_REASON: ReadonlySet<ReportAction> = new Set(['return', 'unlock']);

export interface ReportFormProps {
  entity: EntityDetail;
  year: number;
  /** The saved report, or null when none exists for the year yet. */
  report: AnnualReport | null;
}

/** One year's report: figures with units, TT01 rating points, warnings, errors and workflow actions. */
export function ReportForm({ entity, year, report }: ReportFormProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const { fieldErrors } = useErrorText();
  const wording = useIssueWording();
  const save = useSaveReport(entity.id, year);
  const act = useReportAction(entity.id, year);
  const [draft, setDraft] = useState<Draft>(() => toDraft(report, entity, lang));
  const [dirty, setDirty] = useState(false);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState<ReportAction | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [syncedAt, setSyncedAt] = useState(report?.updatedAt);

  // A new report starts editable for those who may edit the entity.
  const editable = report ? report.canEdit : entity.canEdit;
  const allowed = report?.allowedActions ?? [];
  const actions = REPORT_ACTIONS.filter((a) => allowed.includes(a));

  // The report changed on the server (a step taken, or someone else's work fetched in the
  // background): a read-only report shows the figures as saved, not those of an earlier visit;
  // an editable one takes them only when nothing has been typed (our own save keeps the text).
  if (report && report.updatedAt !== syncedAt) {
    setSyncedAt(report.updatedAt);
    if (!editable || !dirty) setDraft(toDraft(report, entity, lang));
  }

  const errors: FieldErrors = { ...fieldErrors(save.error, wording), ...localErrors };
  const pointIssues = new Map(
    validationIssues(save.error)
      .filter((i) => i.path[0] === 'ratingPoints' && i.path[1])
      .map((i) => [i.path[1] ?? '', wording(i) ?? t('issue.points_invalid')]),
  );
  const warningOf = (field: string) => {
    const w = report?.warnings.find((x) => x.field === field);
    if (!w) return undefined;
    const params = Object.fromEntries(Object.entries(w.params ?? {}).map(([k, v]) => [k, n(v)]));
    return i18n.exists(`registry:reportWarning.${w.code}`)
      ? t(`reportWarning.${w.code}`, params)
      : t('reportWarning.generic');
  };

  const setNumber = (key: NumberKey, value: string) => {
    setDirty(true);
    setNotice(null);
    setDraft((d) => ({ ...d, numbers: { ...d.numbers, [key]: value } }));
  };
  const setPoints = (code: string, value: string) => {
    setDirty(true);
    setNotice(null);
    setDraft((d) => ({ ...d, points: { ...d.points, [code]: value } }));
  };

  // Points: per criterion, per group, and the total.
  const { pointValues, groupSums } = tallyPoints(draft.points);
  const months = parseWholeNumber(draft.numbers.monthsOperating) ?? 0;
  const suspended = parseWholeNumber(draft.numbers.suspendedMonths) ?? 0;

  function buildBody(): { body: ReportInput | null; errors: FieldErrors } {
    const next: FieldErrors = {};
    const values = {} as Record<NumberKey, number>;
    for (const key of NUMBER_FIELDS) {
      const v = parseWholeNumber(draft.numbers[key], key === 'profit');
      if (v === null) next[key] = t('issue.figure_required');
      else if (Number.isNaN(v)) next[key] = t('issue.whole_number');
      else values[key] = v;
    }
    for (const key of PERIOD_FIELDS) {
      if (!next[key] && (values[key] < 0 || values[key] > 12)) next[key] = t('issue.months_range');
    }
    if (!next.revenueFromMembers && !next.revenue && values.revenueFromMembers > values.revenue)
      next.revenueFromMembers = t('issue.exceeds_revenue');
    if (!next.memberWorkers && !next.workers && values.memberWorkers > values.workers)
      next.memberWorkers = t('issue.exceeds_workers');
    if (!next.indivisibleAssets && !next.totalCapital && values.indivisibleAssets > values.totalCapital)
      next.indivisibleAssets = t('issue.exceeds_total_capital');
    const points: Record<string, number> = {};
    let pointsBad = false;
    for (const group of RATING_TT01_2020.groups) {
      for (const c of group.criteria) {
        const v = pointValues[c.code];
        if (v === null || v === undefined) continue;
        if (Number.isNaN(v) || v < 0 || (c.maxPoints !== null && v > c.maxPoints)) pointsBad = true;
        else points[c.code] = v;
      }
    }
    RATING_TT01_2020.groups.forEach((g, i) => {
      if ((groupSums[i] ?? 0) > g.maxPoints) pointsBad = true;
    });
    if (pointsBad) next.ratingPoints = t('issue.points_invalid');
    if (Object.keys(next).length > 0) return { body: null, errors: next };
    return {
      errors: next,
      body: {
        ...values,
        productsServices: draft.productsServices.trim() || null,
        valueChainDescription: draft.valueChainDescription.trim() || null,
        ratingPoints: Object.keys(points).length > 0 ? points : null,
      },
    };
  }

  /** Saves the figures; resolves false when the form has errors. */
  async function saveDraft(): Promise<boolean> {
    const { body, errors: next } = buildBody();
    setLocalErrors(next);
    if (!body) return false;
    try {
      await save.mutateAsync(body);
      setDirty(false);
      return true;
    } catch {
      return false;
    }
  }

  const onSave = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    act.reset();
    if (await saveDraft()) setNotice(t('reportForm.saved'));
  };

  const runAction = async (action: ReportAction) => {
    setNotice(null);
    if (NEEDS_REASON.has(action) && reason.trim().length < 3) {
      setReasonError(t('reportForm.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    // Submitting sends what is on screen: unsaved changes are saved first.
    if (action === 'submit' && (dirty || !report)) {
      if (!(await saveDraft())) return;
    }
    act.mutate(
      { action, reason: NEEDS_REASON.has(action) ? reason.trim() : undefined },
      {
        onSuccess: () => {
          setPending(null);
          setReason('');
          setNotice(t(`reportForm.done.${action}`));
        },
      },
    );
  };

  const numberField = (key: NumberKey) => (
    <NumberField
      key={key}
      label={t(`figures.${key}`)}
      unit={t(`units.${UNIT_OF[key]}`)}
      name={key}
      value={draft.numbers[key]}
      onChange={(v) => setNumber(key, v)}
      allowNegative={key === 'profit'}
      error={errors[key]}
      warning={warningOf(key)}
      hint={i18n.exists(`registry:figureHints.${key}`) ? t(`figureHints.${key}`) : undefined}
      readOnly={!editable}
    />
  );

  return (
    <div className="stack report">
      <header className="report__head">
        <div className="report__title">
          <h3 id="report-title">{t('reportForm.title', { year })}</h3>
          <div className="tag-list">
            <ReportStatusBadge status={report?.status ?? 'missing'} />
            {report?.late ? <LateBadge /> : null}
          </div>
        </div>
        {report ? (
          <dl className="report__facts">
            {report.submittedAt ? (
              <div>
                <dt>{t('reportForm.submittedAt')}</dt>
                <dd>{formatDate(report.submittedAt, lang)}</dd>
              </div>
            ) : null}
            {report.acceptedAt ? (
              <div>
                <dt>{t('reportForm.acceptedAt')}</dt>
                <dd>{formatDate(report.acceptedAt, lang)}</dd>
              </div>
            ) : null}
            {report.approvedAt ? (
              <div>
                <dt>{t('reportForm.approvedAt')}</dt>
                <dd>{formatDate(report.approvedAt, lang)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('fields.rating')}</dt>
              <dd>
                <RatingBadge rating={report.rating} />
                {report.ratingTotal !== null ? (
                  <span className="muted"> {t('reportForm.points', { total: n(report.ratingTotal) })}</span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>{t('fields.scaleClass')}</dt>
              <dd>{report.scaleClass ? t(`scale.${report.scaleClass}`) : '—'}</dd>
            </div>
          </dl>
        ) : null}
      </header>

      {report?.status === 'returned' && report.returnReason ? (
        <div className="callout callout--warn" role="note">
          <p className="callout__title">{t('reportForm.returnedTitle')}</p>
          <p>{report.returnReason}</p>
        </div>
      ) : null}
      {!report && editable ? <p className="note">{t('reportForm.newNote', { year })}</p> : null}
      {report && !editable ? <p className="muted small">{t(`reportForm.locked.${report.status}`)}</p> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      {save.error ? <ErrorMessage error={save.error} /> : null}
      {act.error ? <ErrorMessage error={act.error} /> : null}
      {Object.keys(localErrors).length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>{t('form.fixErrors')}</p>
        </div>
      ) : null}

      <form className="form" onSubmit={(e) => void onSave(e)} noValidate aria-labelledby="report-title">
        <fieldset className="report-group">
          <legend>{t('reportForm.groups.finance')}</legend>
          <div className="form__grid">{MONEY_FIELDS.map(numberField)}</div>
        </fieldset>
        <fieldset className="report-group">
          <legend>{t('reportForm.groups.income')}</legend>
          <div className="form__grid">{INCOME_FIELDS.map(numberField)}</div>
        </fieldset>
        <fieldset className="report-group">
          <legend>{t('reportForm.groups.people')}</legend>
          <div className="form__grid form__grid--3">{PEOPLE_FIELDS.map(numberField)}</div>
        </fieldset>
        <fieldset className="report-group">
          <legend>{t('reportForm.groups.products')}</legend>
          <TextAreaField
            label={t('figures.productsServices')}
            name="productsServices"
            maxLength={2000}
            value={draft.productsServices}
            readOnly={!editable}
            onChange={(e) => {
              setDirty(true);
              setDraft((d) => ({ ...d, productsServices: e.target.value }));
            }}
            error={errors.productsServices}
          />
          <div className="form__grid">{LINK_FIELDS.map(numberField)}</div>
          <TextAreaField
            label={t('figures.valueChainDescription')}
            name="valueChainDescription"
            maxLength={2000}
            value={draft.valueChainDescription}
            readOnly={!editable}
            onChange={(e) => {
              setDirty(true);
              setDraft((d) => ({ ...d, valueChainDescription: e.target.value }));
            }}
            error={errors.valueChainDescription}
          />
        </fieldset>
        <fieldset className="report-group">
          <legend>{t('reportForm.groups.period')}</legend>
          <p className="field__hint">{t('reportForm.periodHint')}</p>
          <div className="form__grid">{PERIOD_FIELDS.map(numberField)}</div>
        </fieldset>

        <RatingPointsFieldset
          points={draft.points}
          onChange={setPoints}
          editable={editable}
          error={errors.ratingPoints}
          pointIssues={pointIssues}
          months={months}
          suspended={suspended}
          saved={report}
        />

        {editable ? (
          <div className="form__actions">
            <Button
              type="submit"
              variant={!report || actions.includes('submit') ? 'secondary' : 'primary'}
              busy={save.isPending}
            >
              {save.isPending ? t('common:actions.saving') : t('reportForm.saveDraft')}
            </Button>
            {!report ? (
              <Button busy={act.isPending} onClick={() => void runAction('submit')}>
                {t('reportActions.submit')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </form>

      {actions.length > 0 ? (
        <section className="report-actions" aria-labelledby="report-actions-title">
          <h4 id="report-actions-title">{t('reportForm.actionsTitle')}</h4>
          {pending && NEEDS_REASON.has(pending) ? (
            <div className="form">
              <TextAreaField
                label={t(`reportForm.reasonLabel.${pending}`)}
                name="reason"
                rows={3}
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={reasonError}
              />
              <div className="form__actions">
                <Button variant={ACTION_VARIANT[pending]} busy={act.isPending} onClick={() => void runAction(pending)}>
                  {t(`reportActions.confirm.${pending}`)}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => {
                    setPending(null);
                    setReasonError(undefined);
                  }}
                >
                  {t('form.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="form__actions">
              {actions.map((action) => (
                <Button
                  key={action}
                  variant={ACTION_VARIANT[action]}
                  busy={act.isPending && act.variables?.action === action}
                  onClick={() => {
                    act.reset();
                    if (NEEDS_REASON.has(action)) setPending(action);
                    else void runAction(action);
                  }}
                >
                  {t(`reportActions.${action}`)}
                </Button>
              ))}
            </div>
          )}
          {actions.includes('submit') ? <p className="field__hint">{t('reportForm.submitHint')}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
