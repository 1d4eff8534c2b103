import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';
import { parseCertificateSearch } from './search.ts';

export const ocopCertificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/certificates/$number',
  validateSearch: parseCertificateSearch,
  component: lazyRouteComponent(() => import('./certificate-page.tsx'), 'CertificatePage'),
});
