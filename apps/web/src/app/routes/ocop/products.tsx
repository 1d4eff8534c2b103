import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseProductsSearch } from './search.ts';

export const ocopProductsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/products',
  validateSearch: parseProductsSearch,
  component: lazyRouteComponent(() => import('./products-page.tsx'), 'ProductsPage'),
});
