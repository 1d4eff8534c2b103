import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { useMarkNotificationRead, useNotifications } from '../evidence-api.ts';
import { formatDay } from '../text.ts';

const PAGE_SIZE = 20;

/** The translated sentence of a notification: its kind with its values, dates in the reader's format. */
function useNotificationText() {
  const { t, i18n } = useTranslation('evidence');
  return (n: Notification) => {
    const validUntil = typeof n.params.validUntil === 'string' ? formatDay(n.params.validUntil, i18n.language) : '';
    return t(`notifications.${n.kind}`, { ...n.params, validUntil });
  };
}

/** The signed-in user's notifications, newest first, each marked read on demand. */
export function RemindersList() {
  const { t, i18n } = useTranslation('evidence');
  const [page, setPage] = useState(1);
  const list = useNotifications({ page, pageSize: PAGE_SIZE });
  const markRead = useMarkNotificationRead();
  const text = useNotificationText();
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <p className="muted">{t('notifications.empty')}</p>;
  return (
    <div className="stack">
      <ul className="reminders-list" aria-label={t('notifications.caption')}>
        {list.data.items.map((n) => (
          <li
            key={n.id}
            className={n.readAt ? 'reminders-list__item' : 'reminders-list__item reminders-list__item--unread'}
          >
            <p>
              {n.readAt ? null : <Badge tone="amber">{t('notifications.unread')}</Badge>} {text(n)}
            </p>
            <p className="small muted">
              <time dateTime={n.createdAt}>{formatDay(n.createdAt, i18n.language)}</time>
              {n.readAt ? null : (
                <>
                  {' · '}
                  <Button variant="ghost" size="sm" busy={markRead.isPending} onClick={() => markRead.mutate(n.id)}>
                    {t('notifications.markRead')}
                  </Button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPageChange={setPage} />
      {markRead.isError ? <ErrorMessage error={markRead.error} /> : null}
    </div>
  );
}

/** The header bell: a link to the notifications page with the unread count. */
export function RemindersBell() {
  const { t } = useTranslation('evidence');
  const list = useNotifications({ page: 1, pageSize: 1 });
  const unread = list.data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className="reminders-bell"
      aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
    >
      <svg
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="reminders-bell__count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
