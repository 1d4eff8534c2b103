import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, EntityStatus } from '@hoptac/core';
import { NEXT_STATUSES } from '../../../lib/domain.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { useChangeStatus, useStatusHistory } from '../api.ts';
import { formatDate, todayInHanoi } from '../format.ts';
import { StatusBadge } from './badges.tsx';
import { useIssueWording } from './issue-wording.ts';

function ChangeStatusForm({ entity, onChanged }: { entity: EntityDetail; onChanged: (status: EntityStatus) => void }) {
  const { t } = useTranslation('registry');
  const { fieldErrors } = useErrorText();
  const wording = useIssueWording();
  const change = useChangeStatus(entity.id);
  const targets = NEXT_STATUSES[entity.status];
  const [status, setStatus] = useState<EntityStatus | ''>('');
  const [effectiveDate, setEffectiveDate] = useState(todayInHanoi());
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors = { ...fieldErrors(change.error, wording), ...localErrors };

  if (targets.length === 0) return <p className="note">{t('statusPanel.final')}</p>;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!status) next.status = t('statusPanel.chooseStatus');
    if (!effectiveDate) next.effectiveDate = t('errors:validation.required');
    else if (effectiveDate > todayInHanoi()) next.effectiveDate = t('issue.future_date');
    if (reason.trim().length < 3) next.reason = t('statusPanel.reasonRequired');
    setLocalErrors(next);
    if (Object.keys(next).length > 0 || !status) return;
    change.mutate(
      { status, effectiveDate, reason: reason.trim() },
      {
        onSuccess: () => {
          onChanged(status);
          setStatus('');
          setReason('');
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="status-form-title">
      <h3 id="status-form-title">{t('statusPanel.changeTitle')}</h3>
      {change.error ? <ErrorMessage error={change.error} /> : null}
      <div className="form__grid">
        <SelectField
          label={t('statusPanel.newStatus')}
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value as EntityStatus | '')}
          error={errors.status}
        >
          <option value="">{t('statusPanel.chooseStatus')}</option>
          {targets.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('statusPanel.effectiveDate')}
          name="effectiveDate"
          type="date"
          max={todayInHanoi()}
          value={effectiveDate}
          onChange={(e) => setEffectiveDate(e.target.value)}
          error={errors.effectiveDate}
        />
      </div>
      <TextAreaField
        label={t('statusPanel.reason')}
        name="reason"
        hint={t('statusPanel.reasonHint')}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
      {status && NEXT_STATUSES[status].length === 0 ? <p className="note">{t('statusPanel.finalWarning')}</p> : null}
      <div className="form__actions">
        <Button type="submit" busy={change.isPending}>
          {change.isPending ? t('common:actions.saving') : t('statusPanel.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The status history as a timeline, newest first, with the change form for officials. */
export function StatusPanel({ entity }: { entity: EntityDetail }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const history = useStatusHistory(entity.id);
  const [changed, setChanged] = useState<EntityStatus | null>(null);

  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('statusPanel.title')}</h2>
        <p className="page-header__meta">
          <span>{t('statusPanel.current')}</span>
          <StatusBadge status={entity.status} />
          {entity.statusSince ? (
            <span>{t('statusPanel.since', { date: formatDate(entity.statusSince, lang) })}</span>
          ) : null}
        </p>
        {history.isPending ? (
          <Loading />
        ) : history.isError ? (
          <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />
        ) : history.data.length === 0 ? (
          <p className="empty">{t('statusPanel.empty')}</p>
        ) : (
          <ol className="timeline">
            {[...history.data]
              .sort(
                (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.recordedAt.localeCompare(a.recordedAt),
              )
              .map((item) => (
                <li key={item.id} className={`timeline__item timeline__item--${item.status}`}>
                  <div className="timeline__head">
                    <time dateTime={item.effectiveDate} className="timeline__date">
                      {formatDate(item.effectiveDate, lang)}
                    </time>
                    <StatusBadge status={item.status} />
                  </div>
                  <p className="timeline__reason">{item.reason}</p>
                  <p className="timeline__meta">
                    {t('statusPanel.recorded', {
                      who: item.recordedBy ?? t('statusPanel.system'),
                      at: formatDateTime(item.recordedAt, lang),
                    })}
                  </p>
                </li>
              ))}
          </ol>
        )}
      </section>
      {entity.canChangeStatus ? (
        <section className="card" aria-label={t('statusPanel.changeTitle')}>
          {changed ? <Notice>{t('statusPanel.changed', { status: t(`status.${changed}`) })}</Notice> : null}
          <ChangeStatusForm entity={entity} onChanged={setChanged} />
        </section>
      ) : null}
    </div>
  );
}
