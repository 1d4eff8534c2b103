import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseImportSearch } from './search.ts';

export const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registry/import',
  validateSearch: parseImportSearch,
  component: lazyRouteComponent(() => import('./import-page.tsx'), 'ImportPage'),
});
