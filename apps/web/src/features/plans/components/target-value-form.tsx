import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { useErrorText } from '../../../lib/errors.ts';
import { useUpdateTarget } from '../api.ts';

/** Changes a target's value and baseline; the indicator, scope and period stay (a different one is a new target). */
export function TargetValueForm({ planId, target, onDone }: { planId: string; target: Target; onDone: () => void }) {
  const { t } = useTranslation('plans');
  const { fieldErrors } = useErrorText();
  const update = useUpdateTarget(planId, target.id);
  const [value, setValue] = useState(String(target.value));
  const [baseline, setBaseline] = useState(target.baseline === null ? '' : String(target.baseline));
  const errors = fieldErrors(update.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update
      .mutateAsync({ value: Number(value), baseline: baseline ? Number(baseline) : null })
      .then(onDone, () => undefined);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('targets.editTitle')}>
      {update.error && Object.keys(errors).length === 0 ? <ErrorMessage error={update.error} /> : null}
      <div className="form__grid">
        <TextField
          label={t('targetForm.value')}
          name="value"
          inputMode="decimal"
          value={value}
          error={errors.value}
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
      </div>
      <div className="form__actions">
        <Button type="submit" size="sm" busy={update.isPending}>
          {t('planForm.save')}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t('planForm.cancel')}
        </Button>
      </div>
    </form>
  );
}
