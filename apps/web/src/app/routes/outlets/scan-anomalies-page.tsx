import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ScanAnomalyTable, useScanAnomalies } from '../../../features/outlets/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';

const route = getRouteApi('/admin/scan-anomalies');
const PAGE_SIZE = 25;

function AnomalyList() {
  const { t } = useTranslation('outlets');
  const { page = 1 } = route.useSearch();
  const navigate = useNavigate({ from: '/admin/scan-anomalies' });
  const anomalies = useScanAnomalies(page, PAGE_SIZE);
  if (anomalies.isPending) return <Loading />;
  if (anomalies.isError) return <ErrorMessage error={anomalies.error} onRetry={() => void anomalies.refetch()} />;
  return (
    <div className={anomalies.isPlaceholderData ? 'is-stale' : undefined}>
      {anomalies.data.items.length === 0 ? (
        <p className="empty">{t('anomalies.empty')}</p>
      ) : (
        <ScanAnomalyTable anomalies={anomalies.data.items} />
      )}
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={anomalies.data.total}
        onPageChange={(next) => void navigate({ search: next > 1 ? { page: next } : {} })}
      />
    </div>
  );
}

/** For the city: QR codes scanned from places too far apart too quickly (possibly copied labels). */
export function ScanAnomaliesPage() {
  const { t } = useTranslation('outlets');
  useDocumentTitle(t('anomalies.title'));
  return (
    <RequireAnyRole roles={['city_admin']} message={t('anomalies.access')}>
      {() => (
        <>
          <PageHeader title={t('anomalies.title')} intro={t('anomalies.intro')} />
          <AnomalyList />
        </>
      )}
    </RequireAnyRole>
  );
}
