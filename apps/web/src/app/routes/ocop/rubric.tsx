import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';

export const ocopRubricRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/rubrics/$id',
  component: lazyRouteComponent(() => import('./rubric-page.tsx'), 'RubricPage'),
});
