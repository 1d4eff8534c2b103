import { useState } from 'react';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '@hoptac/core';
import { ROLES } from '../../../lib/domain.ts';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import {
  CreateUserForm,
  UserFilters,
  UsersTable,
  useSetUserActive,
  useUsers,
} from '../../../features/identity/index.ts';
import { CommunePicker } from '../../../features/places/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireRole } from '../../require-role.tsx';
import { rootRoute } from '../root.tsx';

const PAGE_SIZE = 20;

interface UsersSearch {
  q?: string;
  role?: Role;
  page?: number;
}

function parseUsersSearch(raw: Record<string, unknown>): UsersSearch {
  const out: UsersSearch = {};
  const q = typeof raw.q === 'number' ? String(raw.q) : raw.q;
  if (typeof q === 'string' && q.trim()) out.q = q.trim().slice(0, 120);
  const role = ROLES.find((r) => r === raw.role);
  if (role) out.role = role;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1 && page <= 100_000) out.page = page;
  return out;
}

function UserList() {
  const { t, i18n } = useTranslation('identity');
  const search = usersRoute.useSearch();
  const navigate = useNavigate({ from: usersRoute.fullPath });
  const page = search.page ?? 1;
  const users = useUsers({ q: search.q, role: search.role, page, pageSize: PAGE_SIZE });
  const setActive = useSetUserActive();
  const [toggled, setToggled] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="users-list-title">
      <h2 id="users-list-title" className="sr-only">
        {t('users.caption')}
      </h2>
      <UserFilters
        value={{ q: search.q, role: search.role }}
        onChange={(next) => void navigate({ search: { q: next.q, role: next.role }, replace: true })}
      />
      {toggled ? <Notice>{t('users.toggled', { email: toggled })}</Notice> : null}
      {setActive.error ? <ErrorMessage error={setActive.error} /> : null}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorMessage error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <div className={users.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('users.results', { total: formatNumber(users.data.total, i18n.language) })}
          </p>
          {users.data.items.length === 0 ? (
            <p className="empty">{t('users.empty')}</p>
          ) : (
            <UsersTable
              users={users.data.items}
              pendingId={setActive.isPending ? setActive.variables.id : null}
              onSetActive={(user, active) => {
                setToggled(null);
                setActive.mutate({ id: user.id, active }, { onSuccess: (u) => setToggled(u.email) });
              }}
            />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={users.data.total}
            onPageChange={(next) =>
              void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
            }
          />
        </div>
      )}
    </section>
  );
}

function UsersPage() {
  const { t } = useTranslation('identity');
  useDocumentTitle(t('users.title'));
  return (
    <RequireRole role="city_admin">
      <PageHeader title={t('users.title')} intro={t('users.intro')} />
      <div className="stack">
        <UserList />
        <section className="card" aria-labelledby="create-user-title">
          <h2 id="create-user-title">{t('users.createTitle')}</h2>
          <CreateUserForm renderCommunePicker={(props) => <CommunePicker {...props} />} />
        </section>
      </div>
    </RequireRole>
  );
}

export const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  validateSearch: parseUsersSearch,
  component: UsersPage,
});
