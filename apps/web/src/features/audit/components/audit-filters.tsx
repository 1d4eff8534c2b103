import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { TextField } from '../../../components/field.tsx';
import type { AuditFilterValue } from '../api.ts';

const FIELDS = ['action', 'entityType', 'actorEmail', 'from', 'to'] as const;
type FilterField = (typeof FIELDS)[number];
type Draft = Record<FilterField, string>;

function toDraft(value: AuditFilterValue): Draft {
  return {
    action: value.action ?? '',
    entityType: value.entityType ?? '',
    actorEmail: value.actorEmail ?? '',
    from: value.from ?? '',
    to: value.to ?? '',
  };
}

function fromDraft(draft: Draft): AuditFilterValue {
  const out: AuditFilterValue = {};
  for (const field of FIELDS) {
    const v = draft[field].trim();
    if (v) out[field] = v;
  }
  return out;
}

export interface AuditFiltersProps {
  value: AuditFilterValue;
  onApply: (next: AuditFilterValue) => void;
}

/** Filters are applied on submit: five fields typed one by one should not fire five queries. */
export function AuditFilters({ value, onApply }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const applied = JSON.stringify(toDraft(value));
  const [draft, setDraft] = useState<Draft>(() => toDraft(value));
  const [seen, setSeen] = useState(applied);
  const [rangeError, setRangeError] = useState<string | undefined>();
  // The URL changed from outside (back button, clear): show what is applied.
  if (applied !== seen) {
    setSeen(applied);
    setDraft(toDraft(value));
  }

  const set = (field: FilterField) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError(t('errors:validation.dateRange'));
      return;
    }
    setRangeError(undefined);
    onApply(fromDraft(draft));
  };

  const hasFilters = FIELDS.some((f) => value[f]);

  return (
    <form className="filters filters--wide" role="search" onSubmit={submit} noValidate aria-label={t('filters.legend')}>
      <TextField
        label={t('filters.action')}
        name="action"
        placeholder={t('filters.actionPlaceholder')}
        value={draft.action}
        onChange={set('action')}
      />
      <TextField
        label={t('filters.entityType')}
        name="entityType"
        placeholder={t('filters.entityTypePlaceholder')}
        value={draft.entityType}
        onChange={set('entityType')}
      />
      <TextField
        label={t('filters.actorEmail')}
        name="actorEmail"
        type="email"
        value={draft.actorEmail}
        onChange={set('actorEmail')}
      />
      <TextField label={t('filters.from')} name="from" type="date" value={draft.from} onChange={set('from')} />
      <TextField
        label={t('filters.to')}
        name="to"
        type="date"
        value={draft.to}
        onChange={set('to')}
        error={rangeError}
      />
      <div className="filters__actions">
        <Button type="submit">{t('common:actions.filter')}</Button>
        {hasFilters ? (
          <Button
            variant="ghost"
            onClick={() => {
              setRangeError(undefined);
              onApply({});
            }}
          >
            {t('common:actions.clearFilters')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
