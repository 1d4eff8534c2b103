import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseRegisterSearch } from './search.ts';

export const registerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registry',
  validateSearch: parseRegisterSearch,
  component: lazyRouteComponent(() => import('./register-page.tsx'), 'RegisterPage'),
});
