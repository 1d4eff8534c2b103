import { useState } from 'react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { SelectField } from '../../../components/field.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import { RoundForm, RoundTable, useOcopRounds } from '../../../features/ocop/index.ts';
import { OCOP_ROUND_STATUSES } from '../../../features/ocop/text.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_ROUND_ROLES } from './access.ts';

const route = getRouteApi('/ocop/rounds');
const PAGE_SIZE = 25;

function RoundList({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation('ocop');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/ocop/rounds' });
  const page = search.page ?? 1;
  const rounds = useOcopRounds({ status: search.status, page, pageSize: PAGE_SIZE });
  const admin = hasRole(user, 'city_admin');
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader title={t('rounds.title')} intro={admin ? t('rounds.introAdmin') : t('rounds.intro')}>
        {admin && !creating ? (
          <div className="toolbar">
            <Button onClick={() => setCreating(true)}>{t('rounds.create')}</Button>
          </div>
        ) : null}
      </PageHeader>
      {creating ? (
        <div className="card form-card ocop-round-form">
          <RoundForm
            onCreated={(round) =>
              void navigate({ to: '/ocop/rounds/$id', params: { id: round.id }, search: { created: true } })
            }
            onCancel={() => setCreating(false)}
          />
        </div>
      ) : null}
      <div className="filters ocop-round-filters" role="search" aria-label={t('rounds.filters.label')}>
        <SelectField
          label={t('rounds.filters.status')}
          name="status"
          value={search.status ?? ''}
          onChange={(e) => void navigate({ search: { status: OCOP_ROUND_STATUSES.find((s) => s === e.target.value) } })}
        >
          <option value="">{t('rounds.filters.all')}</option>
          {OCOP_ROUND_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`roundStatus.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {rounds.isPending ? (
        <Loading />
      ) : rounds.isError ? (
        <ErrorMessage error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : (
        <div className={rounds.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('rounds.results', { total: formatNumber(rounds.data.total, i18n.language) })}
          </p>
          {rounds.data.items.length === 0 ? (
            <p className="empty">{admin ? t('rounds.emptyAdmin') : t('rounds.empty')}</p>
          ) : (
            <RoundTable rounds={rounds.data.items} />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={rounds.data.total}
            onPageChange={(next) =>
              void navigate({ search: { status: search.status, page: next > 1 ? next : undefined } })
            }
          />
        </div>
      )}
    </>
  );
}

export function RoundsPage() {
  const { t } = useTranslation('ocop');
  useDocumentTitle(t('rounds.title'));
  return (
    <RequireAnyRole roles={OCOP_ROUND_ROLES} message={t('access.rounds')}>
      {(user) => <RoundList user={user} />}
    </RequireAnyRole>
  );
}
