import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../lib/errors.ts';
import { Button } from './button.tsx';

export interface ErrorMessageProps {
  error: unknown;
  onRetry?: () => void;
}

/** The translated text for an API error code, announced to screen readers. */
export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation('common');
  const { errorText } = useErrorText();
  return (
    <div className="alert alert--error" role="alert">
      <p>{errorText(error)}</p>
      {onRetry ? (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      ) : null}
    </div>
  );
}

/** A polite confirmation such as "Changes saved." */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      <p>{children}</p>
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('common');
  return (
    <p className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t('state.loading')}
    </p>
  );
}
