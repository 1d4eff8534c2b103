import { createRouter } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { accountRoute } from './routes/account/account.tsx';
import { auditRoute } from './routes/admin/audit.tsx';
import { usersRoute } from './routes/admin/users.tsx';
import { loginRoute } from './routes/auth/login.tsx';
import { homeRoute } from './routes/home/home.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { ocopCertificateRoute } from './routes/ocop/certificate.tsx';
import { ocopCertificatesRoute } from './routes/ocop/certificates.tsx';
import { ocopCertifiedImportRoute } from './routes/ocop/certified-import.tsx';
import { ocopDossierScoreRoute } from './routes/ocop/dossier-score.tsx';
import { ocopDossierRoute } from './routes/ocop/dossier.tsx';
import { notificationsRoute, ocopEvidenceRoute } from './routes/ocop/evidence.tsx';
import { ocopNewProductRoute } from './routes/ocop/new-product.tsx';
import { ocopProductRoute } from './routes/ocop/product.tsx';
import { ocopProductsRoute } from './routes/ocop/products.tsx';
import { ocopRoundRoute } from './routes/ocop/round.tsx';
import { ocopRoundsRoute } from './routes/ocop/rounds.tsx';
import { ocopRubricRoute } from './routes/ocop/rubric.tsx';
import { ocopRubricsRoute } from './routes/ocop/rubrics.tsx';
import { ocopScoringRoute } from './routes/ocop/scoring.tsx';
import { planRoute, plansRoute } from './routes/plans/plans.tsx';
import { entityRoute } from './routes/registry/entity.tsx';
import { importRoute } from './routes/registry/import.tsx';
import { myEntityRoute } from './routes/registry/my-entity.tsx';
import { newEntityRoute } from './routes/registry/new-entity.tsx';
import { registerRoute } from './routes/registry/register.tsx';
import { reportsRoute } from './routes/registry/reports.tsx';
import { manageOutletsRoute, newOutletRoute, outletRoute, scanAnomaliesRoute } from './routes/outlets/outlets.tsx';
import { CrashPage, rootRoute } from './routes/root.tsx';
import { unitDetailRoute } from './routes/units/unit-detail.tsx';
import { unitsRoute } from './routes/units/units-list.tsx';

export const routeTree = rootRoute.addChildren([
  ocopEvidenceRoute,
  notificationsRoute,
  homeRoute,
  loginRoute,
  accountRoute,
  unitsRoute,
  unitDetailRoute,
  auditRoute,
  usersRoute,
  registerRoute,
  newEntityRoute,
  reportsRoute,
  importRoute,
  entityRoute,
  myEntityRoute,
  ocopRubricsRoute,
  ocopRubricRoute,
  ocopProductsRoute,
  ocopNewProductRoute,
  ocopProductRoute,
  ocopRoundsRoute,
  ocopRoundRoute,
  ocopDossierRoute,
  ocopDossierScoreRoute,
  ocopScoringRoute,
  ocopCertificatesRoute,
  ocopCertifiedImportRoute,
  ocopCertificateRoute,
  manageOutletsRoute,
  newOutletRoute,
  outletRoute,
  scanAnomaliesRoute,
  plansRoute,
  planRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultNotFoundComponent: NotFoundPage,
    defaultErrorComponent: CrashPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
