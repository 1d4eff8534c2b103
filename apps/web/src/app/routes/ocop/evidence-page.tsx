import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ROLES, type SessionUser } from '@hoptac/core';
import { PageHeader } from '../../../components/page-header.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import { EvidenceLocker, RemindersList } from '../../../features/ocop/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_PRODUCT_ROLES } from './access.ts';

const route = getRouteApi('/ocop/evidence');

function LockerFor({ user }: { user: SessionUser }) {
  const { t } = useTranslation('evidence');
  const { entityId } = route.useSearch();
  // A producer's locker is their own whatever the link says; an official opens the entity's.
  const official = hasRole(user, 'city_admin') || hasRole(user, 'commune_officer');
  const target = official ? entityId : undefined;
  if (!target && !user.entityId) return <p className="muted">{t('locker.needsEntity')}</p>;
  return <EvidenceLocker entityId={target} />;
}

/** The evidence locker of the producer's entity (or, for officials, of the entity in ?entityId=). */
export function EvidencePage() {
  const { t } = useTranslation('evidence');
  useDocumentTitle(t('locker.title'));
  return (
    <RequireAnyRole roles={OCOP_PRODUCT_ROLES} message={t('locker.intro')}>
      {(user) => (
        <>
          <PageHeader title={t('locker.title')} intro={t('locker.intro')} />
          <LockerFor user={user} />
        </>
      )}
    </RequireAnyRole>
  );
}

/** Everyone's own notifications (expiry reminders). */
export function NotificationsPage() {
  const { t } = useTranslation('evidence');
  useDocumentTitle(t('notifications.title'));
  return (
    <RequireAnyRole roles={ROLES} message={t('notifications.title')}>
      {() => (
        <>
          <PageHeader title={t('notifications.title')} />
          <RemindersList />
        </>
      )}
    </RequireAnyRole>
  );
}
