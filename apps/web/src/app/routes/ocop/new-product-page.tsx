import type { SessionUser } from '@hoptac/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import { ProductForm, type EntityChoice } from '../../../features/ocop/index.ts';
import { useEntity } from '../../../features/registry/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_PRODUCT_ROLES } from './access.ts';

/** The form, once it is known whose product it can be: the member's own entity, or any the official may pick. */
function NewProductForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation('ocop');
  const navigate = useNavigate();
  const official = hasRole(user, 'city_admin') || hasRole(user, 'commune_officer');
  const ownId = official ? null : user.entityId;
  const own = useEntity(ownId ?? '', { enabled: ownId !== null });

  let choice: EntityChoice;
  if (hasRole(user, 'city_admin')) choice = { kind: 'search' };
  else if (official) choice = { kind: 'search', communeCodes: user.communes.map((c) => c.code) };
  else if (!ownId) return <p className="note">{t('create.noEntity')}</p>;
  else if (own.isPending) return <Loading />;
  else if (own.isError) return <ErrorMessage error={own.error} onRetry={() => void own.refetch()} />;
  else
    choice = {
      kind: 'fixed',
      entity: { id: own.data.id, name: own.data.name, communeName: own.data.commune.fullName },
    };

  return (
    <ProductForm
      entityChoice={choice}
      onSaved={(product) =>
        void navigate({ to: '/ocop/products/$id', params: { id: product.id }, search: { created: true } })
      }
      onCancel={() => void navigate({ to: '/ocop/products' })}
    />
  );
}

export function NewProductPage() {
  const { t } = useTranslation('ocop');
  useDocumentTitle(t('create.title'));
  return (
    <RequireAnyRole roles={OCOP_PRODUCT_ROLES} message={t('access.products')}>
      {(user) => (
        <>
          <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
            <Link to="/ocop/products">
              <span aria-hidden="true">← </span>
              {t('product.back')}
            </Link>
          </nav>
          <PageHeader title={t('create.title')} intro={t('create.intro')} />
          <div className="card form-card">
            <NewProductForm user={user} />
          </div>
        </>
      )}
    </RequireAnyRole>
  );
}
