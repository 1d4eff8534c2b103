import { createRoute, redirect, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoginForm, meQueryOptions } from '../../../features/identity/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { rootRoute } from '../root.tsx';

interface LoginSearch {
  redirect?: string;
}

/** Only same-site paths: a crafted link must not send a fresh session to another host. */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/account';
  if (target === '/login' || target.startsWith('/login?')) return '/account';
  return target;
}

function LoginPage() {
  const { t } = useTranslation('identity');
  const { redirect: target } = loginRoute.useSearch();
  const navigate = useNavigate();
  useDocumentTitle(t('login.title'));

  return (
    <div className="auth-page">
      <section className="card auth-card">
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <LoginForm onSuccess={() => void navigate({ href: safeRedirect(target), replace: true })} />
        <p className="auth-card__hint">{t('login.demoHint')}</p>
      </section>
    </div>
  );
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch =>
    typeof search.redirect === 'string' && search.redirect ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    // Already signed in: the sign-in form has nothing to offer.
    const user = await context.queryClient.ensureQueryData(meQueryOptions).catch(() => undefined);
    if (user) throw redirect({ href: safeRedirect(search.redirect), replace: true });
  },
  component: LoginPage,
});
