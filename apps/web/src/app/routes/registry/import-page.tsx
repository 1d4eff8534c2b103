import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { ImportPanel } from '../../../features/registry/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { OFFICIAL_ROLES, RequireAnyRole } from './access.tsx';

const route = getRouteApi('/registry/import');

export function ImportPage() {
  const { t } = useTranslation('registry');
  const { job } = route.useSearch();
  const navigate = useNavigate({ from: '/registry/import' });
  useDocumentTitle(t('import.title'));

  return (
    <RequireAnyRole roles={OFFICIAL_ROLES} message={t('access.officials')}>
      {() => (
        <>
          <nav className="breadcrumb" aria-label={t('entity.breadcrumb')}>
            <Link to="/registry">
              <span aria-hidden="true">← </span>
              {t('entity.back')}
            </Link>
          </nav>
          <PageHeader title={t('import.title')} intro={t('import.intro')} />
          <ImportPanel
            jobId={job}
            onStarted={(id) => void navigate({ search: { job: id } })}
            onReset={() => void navigate({ search: {} })}
          />
        </>
      )}
    </RequireAnyRole>
  );
}
