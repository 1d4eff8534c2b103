import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseReportsSearch } from './search.ts';

export const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registry/reports',
  validateSearch: parseReportsSearch,
  component: lazyRouteComponent(() => import('./reports-page.tsx'), 'ReportsPage'),
});
