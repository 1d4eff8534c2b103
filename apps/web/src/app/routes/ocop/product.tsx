import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseProductSearch } from './search.ts';

export const ocopProductRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/products/$id',
  validateSearch: parseProductSearch,
  component: lazyRouteComponent(() => import('./product-page.tsx'), 'ProductPage'),
});
