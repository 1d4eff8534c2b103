import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';

export interface DuplicatePanelProps {
  candidates: DuplicateCandidate[];
  /** false for a code already registered: that cannot be overridden. */
  canOverride: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Look-alikes found on save: the user decides; nothing is ever merged silently. */
export function DuplicatePanel({ candidates, canOverride, busy, onConfirm, onCancel }: DuplicatePanelProps) {
  const { t } = useTranslation('registry');
  return (
    <section className="callout callout--warn" aria-labelledby="duplicate-title" role="alert">
      <h2 id="duplicate-title" className="callout__title">
        {canOverride ? t('duplicates.title') : t('duplicates.codeTitle')}
      </h2>
      <p>{canOverride ? t('duplicates.body') : t('duplicates.codeBody')}</p>
      <ul className="duplicate-list">
        {candidates.map((c) => (
          <li key={c.id}>
            <Link to="/registry/$id" params={{ id: c.id }} target="_blank" rel="noopener" className="cell-title">
              {c.name}
            </Link>
            <span className="cell-sub">
              {c.commune.fullName}
              {c.code ? ` · ${t('duplicates.code', { code: c.code })}` : ''} · {t(`duplicates.reason.${c.reason}`)}
            </span>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        {canOverride ? (
          <Button onClick={onConfirm} busy={busy}>
            {t('duplicates.confirm')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onCancel}>
          {canOverride ? t('duplicates.cancel') : t('duplicates.fix')}
        </Button>
      </div>
    </section>
  );
}
