import { Outlet, createRootRouteWithContext, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { Layout } from '../../components/layout.tsx';
import type { NavItem } from '../../components/nav.tsx';
import { hasRole, useMe } from '../../features/identity/index.ts';
import { SessionControls } from '../session-controls.tsx';
import { NotFoundPage } from './not-found.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

function RootLayout() {
  const { t } = useTranslation('common');
  const { data: user } = useMe();

  const navItems: NavItem[] = [
    { to: '/', label: t('nav.home'), exact: true },
    { to: '/units', label: t('nav.units') },
  ];
  // The register for those who keep it; the public directory for everyone else.
  const official = hasRole(user, 'city_admin') || hasRole(user, 'commune_officer');
  navItems.push({ to: '/registry', label: official ? t('nav.registry') : t('nav.directory') });
  if (hasRole(user, 'entity_member')) navItems.push({ to: '/my-entity', label: t('nav.myEntity') });
  // OCOP: the scoring sheets are public; products are for those who register and check them.
  navItems.push({ to: '/ocop/rubrics', label: t('nav.ocopRubrics') });
  const producer = hasRole(user, 'entity_member');
  const council = hasRole(user, 'council_member');
  if (official || producer) navItems.push({ to: '/ocop/products', label: t('nav.ocopProducts') });
  // Rounds: the city runs them; officers, the council and producers follow theirs.
  if (official || council || producer) navItems.push({ to: '/ocop/rounds', label: t('nav.ocopRounds') });
  if (council) navItems.push({ to: '/ocop/scoring', label: t('nav.ocopScoring') });
  if (official || producer) navItems.push({ to: '/ocop/certificates', label: t('nav.ocopCertificates') });
  if (producer) navItems.push({ to: '/ocop/evidence', label: t('evidence:locker.title') });
  // Plans and their live dashboards: the city and commune officers (their communes).
  if (official) navItems.push({ to: '/plans', label: t('plans:nav') });
  // Outlets: the city keeps them all, an operator their own.
  if (hasRole(user, 'city_admin')) navItems.push({ to: '/manage/outlets', label: t('outlets:nav.outlets') });
  else if (hasRole(user, 'outlet_operator'))
    navItems.push({ to: '/manage/outlets', label: t('outlets:nav.myOutlets') });
  if (user) navItems.push({ to: '/account', label: t('nav.account') });
  if (hasRole(user, 'city_admin')) {
    navItems.push({ to: '/admin/audit', label: t('nav.audit') }, { to: '/admin/users', label: t('nav.users') });
    navItems.push({ to: '/admin/scan-anomalies', label: t('outlets:nav.scanAnomalies') });
  }

  return (
    <Layout navItems={navItems} session={<SessionControls />}>
      <Outlet />
    </Layout>
  );
}

/** Last resort for a render error: a translated message and a retry, never a blank page. */
export function CrashPage({ reset }: ErrorComponentProps) {
  const { t } = useTranslation('common');
  const router = useRouter();
  return (
    <section className="message-page" role="alert">
      <h1>{t('crash.title')}</h1>
      <p>{t('crash.body')}</p>
      <Button
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        {t('actions.retry')}
      </Button>
    </section>
  );
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: CrashPage,
});
