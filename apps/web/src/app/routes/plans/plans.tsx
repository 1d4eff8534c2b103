import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parsePlanSearch, parsePlansSearch } from './search.ts';

export const plansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plans',
  validateSearch: parsePlansSearch,
  component: lazyRouteComponent(() => import('./plans-page.tsx'), 'PlansPage'),
});

export const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plans/$id',
  validateSearch: parsePlanSearch,
  component: lazyRouteComponent(() => import('./plan-page.tsx'), 'PlanPage'),
});
