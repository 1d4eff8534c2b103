import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';

export const newEntityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registry/new',
  component: lazyRouteComponent(() => import('./new-entity-page.tsx'), 'NewEntityPage'),
});
