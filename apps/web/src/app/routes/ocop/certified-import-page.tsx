import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { CertifiedImportPanel } from '../../../features/ocop/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';

/** City admins bring in the products certified before Hoptac, from the XLSX template. */
export function CertifiedImportPage() {
  const { t } = useTranslation('ocop');
  useDocumentTitle(t('certifiedImport.title'));
  return (
    <RequireAnyRole roles={['city_admin']} message={t('access.certifiedImport')}>
      {() => (
        <>
          <PageHeader title={t('certifiedImport.title')} intro={t('certifiedImport.intro')} />
          <CertifiedImportPanel />
        </>
      )}
    </RequireAnyRole>
  );
}
