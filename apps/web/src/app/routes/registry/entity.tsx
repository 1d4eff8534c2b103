import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseEntitySearch } from './search.ts';

export const entityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registry/$id',
  validateSearch: parseEntitySearch,
  component: lazyRouteComponent(() => import('./entity-page.tsx'), 'EntityPage'),
});
