import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';

export const ocopNewProductRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/products/new',
  component: lazyRouteComponent(() => import('./new-product-page.tsx'), 'NewProductPage'),
});
