import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { EntityForm } from '../../../features/registry/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { OFFICIAL_ROLES, RequireAnyRole, communeChoiceFor } from './access.tsx';

export function NewEntityPage() {
  const { t } = useTranslation('registry');
  const navigate = useNavigate();
  useDocumentTitle(t('create.title'));

  return (
    <RequireAnyRole roles={OFFICIAL_ROLES} message={t('access.officials')}>
      {(user) => (
        <>
          <nav className="breadcrumb" aria-label={t('entity.breadcrumb')}>
            <Link to="/registry">
              <span aria-hidden="true">← </span>
              {t('entity.back')}
            </Link>
          </nav>
          <PageHeader title={t('create.title')} intro={t('create.intro')} />
          <div className="card form-card">
            <EntityForm
              communeChoice={communeChoiceFor(user)}
              onSaved={(entity) =>
                void navigate({ to: '/registry/$id', params: { id: entity.id }, search: { created: true } })
              }
              onCancel={() => void navigate({ to: '/registry' })}
            />
          </div>
        </>
      )}
    </RequireAnyRole>
  );
}
