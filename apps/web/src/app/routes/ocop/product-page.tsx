import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopProduct } from '@hoptac/core';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import {
  EvidenceChecklistPanel,
  PhotosManager,
  ProductDossier,
  ProductHeader,
  ProductProfile,
  SelfAssessment,
  useOcopProduct,
  useRubric,
} from '../../../features/ocop/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { OCOP_PRODUCT_ROLES } from './access.ts';

const route = getRouteApi('/ocop/products/$id');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The self-assessment on the sheet version the answers were given on (the latest for a new one).
 * The version is always explicit, so the first save (which records it) does not reload the sheet.
 */
function AssessmentSection({ product }: { product: OcopProduct }) {
  const saved = product.selfAssessment;
  const version = saved && saved.rubricId === product.rubricId ? saved.version : product.rubric.version;
  const sheet = useRubric(product.rubricId, version);
  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <ErrorMessage error={sheet.error} onRetry={() => void sheet.refetch()} />;
  return <SelfAssessment key={product.id} product={product} sheet={sheet.data} />;
}

/** Where the producer (their own) or an official (the entity's) completes the documents. */
function lockerOf(product: OcopProduct) {
  if (!product.canEdit) return null;
  return { entityId: product.entity.id };
}

function ProductView({ id }: { id: string }) {
  const { t } = useTranslation('ocop');
  const search = route.useSearch();
  const product = useOcopProduct(id);
  useDocumentTitle(product.data?.name ?? t('products.title'));
  if (product.isPending) return <Loading />;
  if (product.isError) {
    if (isApiError(product.error) && product.error.code === 'NOT_FOUND') return <NotFoundPage />;
    return <ErrorMessage error={product.error} onRetry={() => void product.refetch()} />;
  }
  return (
    <div className="stack">
      <ProductHeader product={product.data} />
      {search.created ? <Notice>{t('create.done')}</Notice> : null}
      <ProductDossier product={product.data} />
      <ProductProfile product={product.data} />
      <PhotosManager productId={product.data.id} editable={product.data.canEdit} />
      {product.data.status === 'draft' ? (
        <EvidenceChecklistPanel of="products" id={product.data.id} locker={lockerOf(product.data)} />
      ) : null}
      <AssessmentSection product={product.data} />
    </div>
  );
}

export function ProductPage() {
  const { t } = useTranslation('ocop');
  const { id } = route.useParams();
  if (!UUID.test(id)) return <NotFoundPage />;
  return (
    <RequireAnyRole roles={OCOP_PRODUCT_ROLES} message={t('access.products')}>
      {() => (
        <>
          <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
            <Link to="/ocop/products">
              <span aria-hidden="true">← </span>
              {t('product.back')}
            </Link>
          </nav>
          <ProductView key={id} id={id} />
        </>
      )}
    </RequireAnyRole>
  );
}
