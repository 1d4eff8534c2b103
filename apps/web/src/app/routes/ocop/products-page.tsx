import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ProductFilters, ProductTable, useOcopProducts } from '../../../features/ocop/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_PRODUCT_ROLES } from './access.ts';
import type { ProductsSearch } from './search.ts';

const route = getRouteApi('/ocop/products');
const PAGE_SIZE = 25;

function ProductList() {
  const { t, i18n } = useTranslation('ocop');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/ocop/products' });
  const page = search.page ?? 1;
  const { page: _page, ...filters } = search;
  const products = useOcopProducts({ ...filters, page, pageSize: PAGE_SIZE });
  const update = (next: ProductsSearch, replace = false) => void navigate({ search: next, replace });

  return (
    <>
      <ProductFilters value={filters} onChange={(next, replace) => update(next, replace)} />
      {products.isPending ? (
        <Loading />
      ) : products.isError ? (
        <ErrorMessage error={products.error} onRetry={() => void products.refetch()} />
      ) : (
        <div className={products.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('products.results', { total: formatNumber(products.data.total, i18n.language) })}
          </p>
          {products.data.items.length === 0 ? (
            <p className="empty">{filters.q || filters.status ? t('products.noMatch') : t('products.empty')}</p>
          ) : (
            <ProductTable products={products.data.items} />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={products.data.total}
            onPageChange={(next) => update({ ...filters, page: next > 1 ? next : undefined })}
          />
        </div>
      )}
    </>
  );
}

export function ProductsPage() {
  const { t } = useTranslation('ocop');
  useDocumentTitle(t('products.title'));
  return (
    <RequireAnyRole roles={OCOP_PRODUCT_ROLES} message={t('access.products')}>
      {() => (
        <>
          <PageHeader title={t('products.title')} intro={t('products.intro')}>
            <div className="toolbar">
              <Link to="/ocop/products/new" className="btn btn--primary">
                {t('products.create')}
              </Link>
              <Link to="/ocop/rubrics" className="btn btn--secondary">
                {t('products.rubrics')}
              </Link>
            </div>
          </PageHeader>
          <ProductList />
        </>
      )}
    </RequireAnyRole>
  );
}
