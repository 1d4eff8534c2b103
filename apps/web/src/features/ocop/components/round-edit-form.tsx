import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopRound } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { TextField } from '../../../components/field.tsx';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { useUpdateOcopRound } from '../rounds-api.ts';
import { QD148_TRANSITION_LAST_DAY, vietnamToday } from '../text.ts';
import { useOcopIssueWording } from './issue-wording.ts';
import { OcopErrorMessage } from './ocop-error.tsx';

/** A city admin renames a round or moves its submission deadline (a closed round stays as it was). */
export function RoundEditForm({ round, onDone }: { round: OcopRound; onDone: () => void }) {
  const { t } = useTranslation('ocop');
  const { fieldErrors } = useErrorText();
  const wording = useOcopIssueWording();
  const update = useUpdateOcopRound(round.id);
  const [name, setName] = useState(round.name);
  const [deadline, setDeadline] = useState(round.submissionDeadline);
  const [local, setLocal] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...fieldErrors(update.error, wording), ...local };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (name.trim().length < 3) next.name = t('issue.round_name');
    if (!deadline) next.submissionDeadline = t('issue.deadline_required');
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    const body = {
      ...(name.trim() !== round.name ? { name: name.trim() } : {}),
      ...(deadline !== round.submissionDeadline ? { submissionDeadline: deadline } : {}),
    };
    if (Object.keys(body).length === 0) return onDone();
    update.mutateAsync(body).then(onDone, () => undefined);
  }

  return (
    <form className="form subtle-box ocop-round-edit" onSubmit={onSubmit} noValidate aria-labelledby="ocop-round-edit">
      <h2 id="ocop-round-edit" className="small">
        {t('round.editTitle')}
      </h2>
      {update.error && Object.keys(fieldErrors(update.error)).length === 0 ? (
        <OcopErrorMessage error={update.error} scope="round" />
      ) : null}
      <div className="form__grid">
        <TextField
          label={t('rounds.fields.name')}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('rounds.fields.deadline')}
          type="date"
          min={vietnamToday()}
          max={round.processRegime === 'qd148-transition' ? QD148_TRANSITION_LAST_DAY : undefined}
          value={deadline}
          hint={t('rounds.fields.deadlineHint')}
          error={errors.submissionDeadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </div>
      <div className="form__actions">
        <Button type="submit" busy={update.isPending}>
          {t('round.editSave')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}
