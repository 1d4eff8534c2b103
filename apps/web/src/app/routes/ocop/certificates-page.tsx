import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import { CertificateFilters, CertificateTable, useOcopCertificates } from '../../../features/ocop/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_CERTIFICATE_ROLES } from './access.ts';

const route = getRouteApi('/ocop/certificates');
const PAGE_SIZE = 25;

function CertificateList() {
  const { t, i18n } = useTranslation('ocop');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/ocop/certificates' });
  const page = search.page ?? 1;
  const { page: _page, ...filters } = search;
  const certificates = useOcopCertificates({ ...filters, page, pageSize: PAGE_SIZE });
  return (
    <>
      <CertificateFilters value={filters} onChange={(next) => void navigate({ search: next })} />
      {certificates.isPending ? (
        <Loading />
      ) : certificates.isError ? (
        <ErrorMessage error={certificates.error} onRetry={() => void certificates.refetch()} />
      ) : (
        <div className={certificates.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('certificates.results', { total: formatNumber(certificates.data.total, i18n.language) })}
          </p>
          {certificates.data.items.length === 0 ? (
            <p className="empty">
              {filters.status || filters.star ? t('certificates.noMatch') : t('certificates.empty')}
            </p>
          ) : (
            <CertificateTable certificates={certificates.data.items} />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={certificates.data.total}
            onPageChange={(next) => void navigate({ search: { ...filters, page: next > 1 ? next : undefined } })}
          />
        </div>
      )}
    </>
  );
}

export function CertificatesPage() {
  const { t } = useTranslation('ocop');
  useDocumentTitle(t('certificates.title'));
  return (
    <RequireAnyRole roles={OCOP_CERTIFICATE_ROLES} message={t('access.certificates')}>
      {(user) => (
        <>
          <PageHeader title={t('certificates.title')} intro={t('certificates.intro')}>
            {hasRole(user, 'city_admin') ? (
              <div className="toolbar">
                <Link to="/ocop/certificates/import" className="btn btn--secondary">
                  {t('certifiedImport.link')}
                </Link>
              </div>
            ) : null}
          </PageHeader>
          <CertificateList />
        </>
      )}
    </RequireAnyRole>
  );
}
