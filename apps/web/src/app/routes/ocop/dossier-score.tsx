import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';

export const ocopDossierScoreRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/dossiers/$id/score',
  component: lazyRouteComponent(() => import('./dossier-score-page.tsx'), 'DossierScorePage'),
});
