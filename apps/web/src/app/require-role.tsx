import type { ReactNode } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '@hoptac/core';
import { ErrorMessage, Loading } from '../components/error-message.tsx';
import { hasRole, useMe } from '../features/identity/index.ts';

/** Renders children only for users with the role; everyone else gets a translated refusal. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { t } = useTranslation('common');
  const me = useMe();
  const href = useLocation({ select: (l) => l.href });

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (hasRole(me.data, role)) return <>{children}</>;

  return (
    <section className="message-page" aria-labelledby="no-access-title">
      <h1 id="no-access-title">{t('noAccess.title')}</h1>
      <p>{t('noAccess.body')}</p>
      {me.data ? null : (
        <p>
          <Link to="/login" search={{ redirect: href }} className="btn btn--primary">
            {t('noAccess.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}
