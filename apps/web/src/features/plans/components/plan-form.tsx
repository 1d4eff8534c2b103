import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_STATUSES, type Plan, type PlanStatus } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { useErrorText } from '../../../lib/errors.ts';
import { useCreatePlan, useUpdatePlan } from '../api.ts';

type Draft = {
  number: string;
  title: string;
  issuingBody: string;
  issuedOn: string;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  description: string;
  publicProgress: boolean;
};

const thisYear = new Date().getFullYear();
const EMPTY: Draft = {
  number: '',
  title: '',
  issuingBody: 'UBND Thành phố Hà Nội',
  issuedOn: '',
  periodStart: `${thisYear}-01-01`,
  periodEnd: `${thisYear}-12-31`,
  status: 'draft',
  description: '',
  publicProgress: false,
};

function toDraft(p: Plan): Draft {
  const { number, title, issuingBody, issuedOn, periodStart, periodEnd, status, publicProgress } = p;
  return {
    number,
    title,
    issuingBody,
    issuedOn,
    periodStart,
    periodEnd,
    status,
    publicProgress,
    description: p.description ?? '',
  };
}

/** Creates a plan, or edits one (`plan` given). City admins only; the server checks it too. */
export function PlanForm({
  plan,
  onDone,
  onCancel,
}: {
  plan?: Plan;
  onDone: (plan: Plan) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('plans');
  const { fieldErrors } = useErrorText();
  const create = useCreatePlan();
  const update = useUpdatePlan(plan?.id ?? '');
  const mutation = plan ? update : create;
  const [draft, setDraft] = useState<Draft>(() => (plan ? toDraft(plan) : EMPTY));
  const errors = fieldErrors(mutation.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const field = (key: 'number' | 'title' | 'issuingBody') => (
    <TextField
      label={t(`planFields.${key}`)}
      name={key}
      value={draft[key]}
      error={errors[key]}
      onChange={(e) => set(key, e.target.value)}
    />
  );
  const date = (key: 'issuedOn' | 'periodStart' | 'periodEnd') => (
    <TextField
      label={t(`planFields.${key}`)}
      name={key}
      type="date"
      value={draft[key]}
      error={errors[key]}
      onChange={(e) => set(key, e.target.value)}
    />
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = { ...draft, description: draft.description.trim() || null };
    mutation.mutateAsync(body).then(onDone, () => undefined);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="plan-form-title">
      <h2 id="plan-form-title">{plan ? t('planForm.editTitle') : t('planForm.createTitle')}</h2>
      {mutation.error && Object.keys(errors).length === 0 ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form__grid">
        {field('number')}
        {field('issuingBody')}
      </div>
      {field('title')}
      <div className="form__grid">
        {date('issuedOn')}
        {date('periodStart')}
        {date('periodEnd')}
        <SelectField
          label={t('planFields.status')}
          name="status"
          value={draft.status}
          onChange={(e) => set('status', PLAN_STATUSES.find((s) => s === e.target.value) ?? 'draft')}
        >
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`planStatus.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label={t('planFields.description')}
        name="description"
        value={draft.description}
        error={errors.description}
        onChange={(e) => set('description', e.target.value)}
      />
      <Checkbox
        label={t('planFields.publicProgress')}
        name="publicProgress"
        checked={draft.publicProgress}
        onChange={(e) => set('publicProgress', e.target.checked)}
      />
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {plan ? t('planForm.save') : t('planForm.create')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('planForm.cancel')}
        </Button>
      </div>
    </form>
  );
}
