import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { isApiError } from '../../../lib/api.ts';

/** The shared error text, except where the generic wording speaks of reports (ACTION_NOT_ALLOWED …). */
export function OcopErrorMessage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('ocop');
  if (isApiError(error) && i18n.exists(`ocop:errors.${error.code}`)) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{t(`errors.${error.code}`)}</p>
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
