import { Navigate, createRoute, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import {
  DisplayNameForm,
  PasswordForm,
  ProfileSummary,
  meQueryOptions,
  useMe,
} from '../../../features/identity/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { rootRoute } from '../root.tsx';

function AccountPage() {
  const { t } = useTranslation('identity');
  const me = useMe();
  useDocumentTitle(t('account.title'));

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  // The session ended while the page was open.
  if (!me.data) return <Navigate to="/login" search={{ redirect: '/account' }} replace />;
  const user = me.data;

  return (
    <>
      <PageHeader title={t('account.title')} />
      <div className="grid-2">
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{t('account.profile')}</h2>
          <ProfileSummary user={user} />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="name-title">
            <h2 id="name-title">{t('account.nameTitle')}</h2>
            {/* Remount on a new user so the field starts from that user's name. */}
            <DisplayNameForm key={user.id} user={user} />
          </section>
          <section className="card" aria-labelledby="password-title">
            <h2 id="password-title">{t('account.passwordTitle')}</h2>
            <PasswordForm key={user.id} />
          </section>
        </div>
      </div>
    </>
  );
}

export const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  beforeLoad: async ({ context, location }) => {
    const user = await context.queryClient.ensureQueryData(meQueryOptions).catch(() => undefined);
    // undefined = the check itself failed; the page then shows the error with a retry.
    if (user === null) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: AccountPage,
});
