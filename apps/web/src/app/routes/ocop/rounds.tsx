import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseRoundsSearch } from './search.ts';

export const ocopRoundsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/rounds',
  validateSearch: parseRoundsSearch,
  component: lazyRouteComponent(() => import('./rounds-page.tsx'), 'RoundsPage'),
});
