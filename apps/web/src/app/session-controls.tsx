import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.tsx';
import { useLogout, useMe } from '../features/identity/index.ts';
import { RemindersBell } from '../features/ocop/index.ts';

/** Header corner: who is signed in and a sign-out button, or a sign-in link. */
export function SessionControls() {
  const { t } = useTranslation('common');
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation({ select: (l) => ({ pathname: l.pathname, href: l.href }) });

  if (me.isPending) return <span className="session session--pending" aria-hidden="true" />;

  if (!me.data) {
    const redirect = location.pathname === '/' || location.pathname === '/login' ? undefined : location.href;
    return (
      <div className="session">
        <Link to="/login" search={redirect ? { redirect } : {}} className="btn btn--primary btn--sm">
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }

  return (
    <div className="session">
      <RemindersBell />
      <span className="session__user" title={t('auth.signedInAs', { name: me.data.displayName })}>
        <span className="session__avatar" aria-hidden="true">
          {me.data.displayName.trim().charAt(0).toUpperCase() || '?'}
        </span>
        <span className="session__name" data-testid="current-user-name">
          {me.data.displayName}
        </span>
      </span>
      <Button
        variant="secondary"
        size="sm"
        busy={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSettled: () => void navigate({ to: '/' }),
          })
        }
      >
        {logout.isPending ? t('auth.signingOut') : t('auth.signOut')}
      </Button>
    </div>
  );
}
