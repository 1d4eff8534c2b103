import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopProcessRegime, OcopRound } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { useCreateOcopRound } from '../rounds-api.ts';
import { formatDay, OCOP_PROCESS_REGIMES, QD148_TRANSITION_LAST_DAY, vietnamToday } from '../text.ts';
import { useOcopIssueWording } from './issue-wording.ts';
import { OcopErrorMessage } from './ocop-error.tsx';

/** A city admin sets up a round: it starts planned, invisible to everyone else until opened. */
export function RoundForm({ onCreated, onCancel }: { onCreated: (round: OcopRound) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation('ocop');
  const { fieldErrors } = useErrorText();
  const wording = useOcopIssueWording();
  const create = useCreateOcopRound();
  const today = vietnamToday();
  const year = Number(today.slice(0, 4));
  const [name, setName] = useState(() => t('rounds.fields.nameDefault', { year }));
  const [roundYear, setRoundYear] = useState(String(year));
  const [regime, setRegime] = useState<OcopProcessRegime>('qd26-2026');
  const [deadline, setDeadline] = useState('');
  const [local, setLocal] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...fieldErrors(create.error, wording), ...local };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (name.trim().length < 3) next.name = t('issue.round_name');
    const y = Number(roundYear);
    if (!Number.isInteger(y) || y < 2019 || y > 2100) next.year = t('issue.round_year');
    if (!deadline) next.submissionDeadline = t('issue.deadline_required');
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    create
      .mutateAsync({ name: name.trim(), year: y, processRegime: regime, submissionDeadline: deadline })
      .then(onCreated, () => undefined);
  }

  const transition = regime === 'qd148-transition';
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="ocop-round-form-title">
      <h2 id="ocop-round-form-title">{t('rounds.createTitle')}</h2>
      {create.error && !Object.keys(fieldErrors(create.error)).length ? (
        <OcopErrorMessage error={create.error} scope="round" />
      ) : null}
      <TextField
        label={t('rounds.fields.name')}
        name="name"
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="form__grid">
        <TextField
          label={t('rounds.fields.year')}
          name="year"
          inputMode="numeric"
          value={roundYear}
          error={errors.year}
          onChange={(e) => setRoundYear(e.target.value)}
        />
        <SelectField
          label={t('rounds.fields.regime')}
          name="processRegime"
          value={regime}
          hint={t(`regimeHint.${regime}`, { last: formatDay(QD148_TRANSITION_LAST_DAY, i18n.language) })}
          onChange={(e) => setRegime(OCOP_PROCESS_REGIMES.find((r) => r === e.target.value) ?? 'qd26-2026')}
        >
          {OCOP_PROCESS_REGIMES.map((r) => (
            <option key={r} value={r}>
              {t(`regime.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('rounds.fields.deadline')}
          name="submissionDeadline"
          type="date"
          min={today}
          max={transition ? QD148_TRANSITION_LAST_DAY : undefined}
          value={deadline}
          hint={t('rounds.fields.deadlineHint')}
          error={errors.submissionDeadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </div>
      <p className="muted small">{t('rounds.plannedNote')}</p>
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('rounds.createSubmit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}
