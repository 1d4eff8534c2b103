import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { OCOP_CERTIFICATE_NUMBER_PATTERN, VerifyCard, useVerifyOcopCertificate } from '../../../features/ocop/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

const route = getRouteApi('/verify/$number');

function NotFound({ number }: { number: string }) {
  const { t } = useTranslation('ocop');
  return (
    <article className="ocop-verify ocop-verify--unknown" aria-labelledby="ocop-verify-status">
      <div className="ocop-verify__status" role="status">
        <span className="ocop-verify__icon" aria-hidden="true">
          ?
        </span>
        <div>
          <h1 id="ocop-verify-status">{t('verify.notFoundTitle')}</h1>
          <p>{t('verify.notFound', { number })}</p>
        </div>
      </div>
      <p className="ocop-verify__help">{t('verify.notFoundHelp')}</p>
    </article>
  );
}

/**
 * The page behind the certificate's QR code, for anyone with a phone and no account: is this
 * certificate genuine and still in force, and for which product.
 */
export function VerifyPage() {
  const { t } = useTranslation('ocop');
  const { number: raw } = route.useParams();
  const number = raw.trim().toUpperCase();
  const wellFormed = OCOP_CERTIFICATE_NUMBER_PATTERN.test(number);
  const check = useVerifyOcopCertificate(number, { enabled: wellFormed });
  useDocumentTitle(t('verify.title', { number }));

  let body;
  if (!wellFormed) body = <NotFound number={raw} />;
  else if (check.isPending) body = <Loading label={t('verify.checking')} />;
  else if (check.isError)
    body =
      isApiError(check.error) && (check.error.code === 'NOT_FOUND' || check.error.status === 400) ? (
        <NotFound number={number} />
      ) : (
        <ErrorMessage error={check.error} onRetry={() => void check.refetch()} />
      );
  else body = <VerifyCard result={check.data} />;

  return (
    <div className="ocop-verify-page">
      <p className="eyebrow">{t('verify.eyebrow')}</p>
      {body}
      <p className="ocop-verify__note small">{t('verify.note')}</p>
    </div>
  );
}
