import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseMyEntitySearch } from './search.ts';

export const myEntityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/my-entity',
  validateSearch: parseMyEntitySearch,
  component: lazyRouteComponent(() => import('./my-entity-page.tsx'), 'MyEntityPage'),
});
