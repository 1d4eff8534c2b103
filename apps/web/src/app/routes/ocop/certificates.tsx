import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseCertificatesSearch } from './search.ts';

export const ocopCertificatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/certificates',
  validateSearch: parseCertificatesSearch,
  component: lazyRouteComponent(() => import('./certificates-page.tsx'), 'CertificatesPage'),
});
