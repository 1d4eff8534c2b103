import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hoptac/core';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import { CertificateView, OCOP_CERTIFICATE_NUMBER_PATTERN, useOcopCertificate } from '../../../features/ocop/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { NotFoundPage } from '../not-found.tsx';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_CERTIFICATE_ROLES } from './access.ts';

const route = getRouteApi('/ocop/certificates/$number');

function CertificateDetail({ number, user }: { number: string; user: SessionUser }) {
  const { t } = useTranslation('ocop');
  const search = route.useSearch();
  const certificate = useOcopCertificate(number);
  useDocumentTitle(t('certificate.title', { number }));
  if (certificate.isPending) return <Loading />;
  if (certificate.isError) {
    if (isApiError(certificate.error) && certificate.error.code === 'NOT_FOUND') return <NotFoundPage />;
    return <ErrorMessage error={certificate.error} onRetry={() => void certificate.refetch()} />;
  }
  return (
    <CertificateView
      certificate={certificate.data}
      admin={hasRole(user, 'city_admin')}
      issued={search.issued === true}
    />
  );
}

export function CertificatePage() {
  const { t } = useTranslation('ocop');
  const { number } = route.useParams();
  if (!OCOP_CERTIFICATE_NUMBER_PATTERN.test(number)) return <NotFoundPage />;
  return (
    <RequireAnyRole roles={OCOP_CERTIFICATE_ROLES} message={t('access.certificates')}>
      {(user) => (
        <>
          <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
            <Link to="/ocop/certificates">
              <span aria-hidden="true">← </span>
              {t('certificate.back')}
            </Link>
          </nav>
          <CertificateDetail key={number} number={number} user={user} />
        </>
      )}
    </RequireAnyRole>
  );
}
