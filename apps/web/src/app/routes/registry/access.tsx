import type { ReactNode } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, Role, SessionUser } from '@hoptac/core';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { hasRole, useMe } from '../../../features/identity/index.ts';
import type { CommuneChoice } from '../../../features/registry/index.ts';

export const OFFICIAL_ROLES: readonly Role[] = ['city_admin', 'commune_officer'];

/** City officials and commune officers: they keep the register. */
export function isOfficial(user: SessionUser | null | undefined): boolean {
  return OFFICIAL_ROLES.some((role) => hasRole(user, role));
}

/**
 * Renders children only for a user with one of the roles; others get a translated refusal
 * that says who the page is for, and visitors a sign-in link.
 */
export function RequireAnyRole({
  roles,
  message,
  children,
}: {
  roles: readonly Role[];
  message: string;
  children: (user: SessionUser) => ReactNode;
}) {
  const { t } = useTranslation('common');
  const me = useMe();
  const href = useLocation({ select: (l) => l.href });

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;
  if (user && roles.some((role) => hasRole(user, role))) return <>{children(user)}</>;

  return (
    <section className="message-page" aria-labelledby="no-access-title">
      <h1 id="no-access-title">{t('noAccess.title')}</h1>
      <p>{message}</p>
      {user ? null : (
        <p>
          <Link to="/login" search={{ redirect: href }} className="btn btn--primary">
            {t('auth.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** Where this user may place an entity: anywhere (city), their communes (officer), or where it is. */
export function communeChoiceFor(user: SessionUser | null | undefined, entity?: EntityDetail): CommuneChoice {
  if (hasRole(user, 'city_admin')) return { kind: 'search' };
  if (hasRole(user, 'commune_officer') && user) {
    const communes = user.communes.map((c) => ({ code: c.code, fullName: c.fullName }));
    // An entity outside the officer's scope (seen through another role) keeps its commune.
    if (!entity || communes.some((c) => c.code === entity.commune.code)) return { kind: 'list', communes };
  }
  if (entity) return { kind: 'fixed', commune: { code: entity.commune.code, fullName: entity.commune.fullName } };
  return { kind: 'list', communes: [] };
}
