import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseRubricsSearch } from './search.ts';

export const ocopRubricsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/rubrics',
  validateSearch: parseRubricsSearch,
  component: lazyRouteComponent(() => import('./rubrics-page.tsx'), 'RubricsPage'),
});
