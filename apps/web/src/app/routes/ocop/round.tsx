import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseRoundSearch } from './search.ts';

export const ocopRoundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/rounds/$id',
  validateSearch: parseRoundSearch,
  component: lazyRouteComponent(() => import('./round-page.tsx'), 'RoundPage'),
});
