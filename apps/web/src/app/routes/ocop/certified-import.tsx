import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';

export const ocopCertifiedImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/certificates/import',
  component: lazyRouteComponent(() => import('./certified-import-page.tsx'), 'CertifiedImportPage'),
});
