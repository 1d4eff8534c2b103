import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, isAdditive, type Direction, type Indicator, type Plan, type Target } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { useErrorText } from '../../../lib/errors.ts';
import { useAddTarget, useDeleteTarget, useIndicators, usePlanTargets } from '../api.ts';
import { formatFigure, periodLabel } from '../text.ts';
import { SplitForm } from './split-form.tsx';
import { TargetValueForm } from './target-value-form.tsx';

/** A city target: indicator, period, value, baseline and direction. */
function TargetForm({ plan, indicators }: { plan: Plan; indicators: Indicator[] }) {
  const { t } = useTranslation('plans');
  const { fieldErrors } = useErrorText();
  const add = useAddTarget(plan.id);
  const [indicatorId, setIndicatorId] = useState(indicators[0]?.id ?? '');
  const [year, setYear] = useState(plan.periodEnd.slice(0, 4));
  const [quarter, setQuarter] = useState('');
  const [value, setValue] = useState('');
  const [baseline, setBaseline] = useState('');
  const [direction, setDirection] = useState<Direction>('at_least');
  const errors = fieldErrors(add.error);
  const indicator = indicators.find((i) => i.id === indicatorId);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!indicator) return;
    add
      .mutateAsync({
        indicatorId,
        indicatorVersion: indicator.version,
        year: Number(year),
        quarter: quarter ? Number(quarter) : null,
        value: Number(value),
        baseline: baseline ? Number(baseline) : null,
        direction,
      })
      .then(
        () => {
          setValue('');
          setBaseline('');
        },
        () => undefined,
      );
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="target-form-title">
      <h3 id="target-form-title">{t('targetForm.title')}</h3>
      {add.error && Object.keys(errors).length === 0 ? <ErrorMessage error={add.error} /> : null}
      <SelectField
        label={t('targetForm.indicator')}
        name="indicatorId"
        value={indicatorId}
        error={errors.indicatorId}
        onChange={(e) => setIndicatorId(e.target.value)}
      >
        {indicators.map((i) => (
          <option key={i.id} value={i.id}>
            {t(`indicator.${i.id}`, i.id)}
          </option>
        ))}
      </SelectField>
      <div className="form__grid">
        <TextField
          label={t('targetForm.year')}
          name="year"
          inputMode="numeric"
          value={year}
          error={errors.year}
          onChange={(e) => setYear(e.target.value)}
        />
        <SelectField
          label={t('targetForm.quarter')}
          name="quarter"
          value={quarter}
          onChange={(e) => setQuarter(e.target.value)}
        >
          <option value="">{t('targetForm.wholeYear')}</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              Q{q}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('targetForm.value')}
          name="value"
          inputMode="decimal"
          value={value}
          error={errors.value}
          hint={indicator ? t(`unit.${indicator.unit}`) : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <TextField
          label={t('targetForm.baseline')}
          name="baseline"
          inputMode="decimal"
          value={baseline}
          error={errors.baseline}
          onChange={(e) => setBaseline(e.target.value)}
        />
        <SelectField
          label={t('targetForm.direction')}
          name="direction"
          value={direction}
          onChange={(e) => setDirection(DIRECTIONS.find((d) => d === e.target.value) ?? 'at_least')}
        >
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`direction.${d}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__actions">
        <Button type="submit" busy={add.isPending}>
          {t('targetForm.add')}
        </Button>
      </div>
    </form>
  );
}

/** The plan's targets with their commune shares; city admins add, split and remove them. */
export function TargetEditor({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const { t, i18n } = useTranslation('plans');
  const targets = usePlanTargets(plan.id);
  const indicators = useIndicators();
  const remove = useDeleteTarget(plan.id);
  const [splitting, setSplitting] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  if (targets.isPending || indicators.isPending) return <Loading />;
  if (targets.isError) return <ErrorMessage error={targets.error} onRetry={() => void targets.refetch()} />;
  if (indicators.isError) return <ErrorMessage error={indicators.error} onRetry={() => void indicators.refetch()} />;
  const byId = new Map(indicators.data.map((i) => [i.id, i]));
  const top = targets.data.items.filter((x) => !x.parentId);
  const sharesOf = (id: string) => targets.data.items.filter((x) => x.parentId === id);
  const fmt = (x: Target) => formatFigure(x.value, byId.get(x.indicatorId)?.unit ?? 'count', i18n.language);

  return (
    <section className="plan-editor" aria-labelledby="plan-targets-title">
      <h2 id="plan-targets-title">{t('targets.title')}</h2>
      {top.length === 0 ? <p className="empty">{t('targets.empty')}</p> : null}
      <ul className="plan-target-list">
        {top.map((x) => {
          const indicator = byId.get(x.indicatorId);
          const shares = sharesOf(x.id);
          return (
            <li key={x.id} className="card" data-target={x.indicatorId}>
              <p>
                <strong>{t(`indicator.${x.indicatorId}`, x.indicatorId)}</strong> —{' '}
                {x.scope.name ?? t(`scope.${x.scope.level}`)} · {periodLabel(x)} · {t(`direction.${x.direction}`)}{' '}
                {fmt(x)}
              </p>
              {shares.length > 0 ? (
                <p className="muted small">
                  {t('targets.shares', { n: shares.length })}:{' '}
                  {shares.map((s) => `${s.scope.name ?? s.scope.code} ${fmt(s)}`).join(' · ')}
                </p>
              ) : null}
              {canEdit ? (
                <div className="toolbar">
                  <Button variant="secondary" size="sm" onClick={() => setEditing(editing === x.id ? null : x.id)}>
                    {t('targets.edit')}
                  </Button>
                  {x.scope.level === 'city' ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => setSplitting(splitting === x.id ? null : x.id)}
                    >
                      {t('targets.split')}
                    </Button>
                  ) : null}
                  <Button variant="ghost" size="sm" busy={remove.isPending} onClick={() => remove.mutate(x.id)}>
                    {t('targets.remove')}
                  </Button>
                </div>
              ) : null}
              {editing === x.id ? (
                <TargetValueForm planId={plan.id} target={x} onDone={() => setEditing(null)} />
              ) : null}
              {splitting === x.id && indicator ? (
                <SplitForm
                  planId={plan.id}
                  target={x}
                  additive={isAdditive(indicator.aggregation)}
                  shares={shares}
                  onDone={() => setSplitting(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {canEdit ? <TargetForm plan={plan} indicators={indicators.data} /> : null}
    </section>
  );
}
