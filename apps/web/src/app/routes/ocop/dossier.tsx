import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';

export const ocopDossierRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/dossiers/$id',
  component: lazyRouteComponent(() => import('./dossier-page.tsx'), 'DossierPage'),
});
