import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopCertificate, OcopDossier } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { TextField } from '../../../components/field.tsx';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useRecordOcopDecision } from '../certificates-api.ts';
import { vietnamToday } from '../text.ts';
import { useOcopIssueWording } from './issue-wording.ts';
import { OcopErrorMessage } from './ocop-error.tsx';

/**
 * A city admin records the recognition decision on a confirmed 3–5★ dossier (the province's for
 * 3★/4★, the ministry's for a product proposed as 5★); the certificate is issued with it.
 */
export function DecisionForm({
  dossier,
  onIssued,
}: {
  dossier: OcopDossier;
  onIssued: (certificate: OcopCertificate) => void;
}) {
  const { t, i18n } = useTranslation('ocop');
  const { fieldErrors } = useErrorText();
  const wording = useOcopIssueWording();
  const decide = useRecordOcopDecision(dossier.id);
  const today = vietnamToday();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(today);
  const [local, setLocal] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...fieldErrors(decide.error, wording), ...local };
  const national = dossier.outcome === 'proposed_national';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (number.trim().length < 3) next.number = t('issue.decision_number');
    if (!date) next.date = t('issue.decision_date');
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    // The form leaves the page once the dossier is certified: callbacks of mutate() would not run.
    decide.mutateAsync({ number: number.trim(), date }).then(onIssued, () => undefined);
  }

  return (
    <section className="card ocop-decision" aria-labelledby="ocop-decision-title">
      <form className="form" onSubmit={onSubmit} noValidate>
        <h2 id="ocop-decision-title">{t('decision.title')}</h2>
        <p className="muted">
          {t(national ? 'decision.introNational' : 'decision.intro', {
            star: dossier.finalStar ?? '—',
            total: formatNumber(dossier.finalTotal ?? 0, i18n.language),
          })}
        </p>
        {decide.error && Object.keys(fieldErrors(decide.error)).length === 0 ? (
          <OcopErrorMessage error={decide.error} scope="certificate" />
        ) : null}
        <div className="form__grid">
          <TextField
            label={t('decision.number')}
            name="decisionNumber"
            placeholder={national ? t('decision.numberPlaceholderNational') : t('decision.numberPlaceholder')}
            value={number}
            error={errors.number}
            onChange={(e) => setNumber(e.target.value)}
          />
          <TextField
            label={t('decision.date')}
            name="decisionDate"
            type="date"
            max={today}
            value={date}
            hint={t('decision.dateHint')}
            error={errors.date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" busy={decide.isPending}>
            {t('decision.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
