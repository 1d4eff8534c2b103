import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { isApiError } from '../../../lib/api.ts';

/** Where an OCOP action failed: the same code (ACTION_NOT_ALLOWED …) means something else in each. */
export type OcopErrorScope = 'round' | 'council' | 'dossier' | 'scoring' | 'certificate';

/**
 * The shared error text, except where OCOP words a code its own way: `ocop:errors.<scope>.<code>`
 * for an action of a round, a dossier …, else `ocop:errors.<code>` (the product's wording).
 */
export function OcopErrorMessage({ error, scope }: { error: unknown; scope?: OcopErrorScope }) {
  const { t, i18n } = useTranslation('ocop');
  if (isApiError(error)) {
    const key = [scope ? `errors.${scope}.${error.code}` : null, scope ? null : `errors.${error.code}`].find(
      (k): k is string => k !== null && i18n.exists(`ocop:${k}`),
    );
    if (key) {
      return (
        <div className="alert alert--error" role="alert">
          <p>{t(key)}</p>
        </div>
      );
    }
  }
  return <ErrorMessage error={error} />;
}
