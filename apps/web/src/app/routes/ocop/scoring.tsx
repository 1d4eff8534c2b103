import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseScoringSearch } from './search.ts';

export const ocopScoringRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/scoring',
  validateSearch: parseScoringSearch,
  component: lazyRouteComponent(() => import('./scoring-page.tsx'), 'ScoringPage'),
});
