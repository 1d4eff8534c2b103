import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useCommunes, useSplitTarget } from '../api.ts';

type Row = { code: string; value: string };

/** Shares of a city target per commune; for sums and counts the form shows what is left to share. */
export function SplitForm({
  planId,
  target,
  additive,
  shares,
  onDone,
}: {
  planId: string;
  target: Target;
  additive: boolean;
  shares: Target[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('plans');
  const communes = useCommunes();
  const split = useSplitTarget(planId, target.id);
  const [rows, setRows] = useState<Row[]>(() =>
    shares.length
      ? shares.map((s) => ({ code: s.scope.code ?? '', value: String(s.value) }))
      : [{ code: '', value: '' }],
  );
  const sum = rows.reduce((a, r) => a + (Number(r.value) || 0), 0);
  const setRow = (i: number, row: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...row } : r)));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    split
      .mutateAsync({ shares: rows.filter((r) => r.code).map((r) => ({ code: r.code, value: Number(r.value) })) })
      .then(onDone, () => undefined);
  }

  return (
    <form className="form plan-split" onSubmit={onSubmit} noValidate aria-label={t('split.title')}>
      <h4>{t('split.title')}</h4>
      {split.error ? <ErrorMessage error={split.error} /> : null}
      <div className="plan-split-rows">
        {rows.map((r, i) => (
          <div key={i} className="form__grid">
            <label className="field">
              <span className="field__label">{t('split.commune')}</span>
              <select
                className="input"
                name={`share-${i}-code`}
                value={r.code}
                onChange={(e) => setRow(i, { code: e.target.value })}
              >
                <option value="">—</option>
                {(communes.data?.items ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.fullName}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('split.value')}</span>
              <input
                className="input"
                name={`share-${i}-value`}
                inputMode="decimal"
                value={r.value}
                onChange={(e) => setRow(i, { value: e.target.value })}
              />
            </label>
          </div>
        ))}
      </div>
      {additive ? (
        <p className={`small${Math.abs(sum - target.value) < 0.005 ? '' : ' field__error'}`} role="status">
          {t('split.sum', { sum: formatNumber(sum, i18n.language), total: formatNumber(target.value, i18n.language) })}
        </p>
      ) : (
        <p className="muted small">{t('split.average')}</p>
      )}
      <div className="form__actions">
        <Button variant="secondary" size="sm" onClick={() => setRows((rs) => [...rs, { code: '', value: '' }])}>
          {t('split.addRow')}
        </Button>
        <Button type="submit" size="sm" busy={split.isPending}>
          {t('split.save')}
        </Button>
      </div>
    </form>
  );
}
