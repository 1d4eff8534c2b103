import { useState } from 'react';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import { PlanForm, usePlans } from '../../../features/plans/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { OFFICIAL_ROLES, RequireAnyRole } from '../registry/access.tsx';

const route = getRouteApi('/plans');
const PAGE_SIZE = 25;

function PlanList({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation('plans');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/plans' });
  const page = search.page ?? 1;
  const plans = usePlans({ page, pageSize: PAGE_SIZE });
  const admin = hasRole(user, 'city_admin');
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader title={t('list.title')} intro={t('list.intro')}>
        {admin && !creating ? (
          <div className="toolbar">
            <Button onClick={() => setCreating(true)}>{t('list.create')}</Button>
          </div>
        ) : null}
      </PageHeader>
      {creating ? (
        <div className="card form-card">
          <PlanForm
            onDone={(plan) => void navigate({ to: '/plans/$id', params: { id: plan.id }, search: { tab: 'targets' } })}
            onCancel={() => setCreating(false)}
          />
        </div>
      ) : null}
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <>
          <p className="results-summary" role="status">
            {t('list.results', { total: formatNumber(plans.data.total, i18n.language) })}
          </p>
          {plans.data.items.length === 0 ? (
            <p className="empty">{t('list.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--stack table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t('planFields.number')}</th>
                    <th scope="col">{t('planFields.title')}</th>
                    <th scope="col">{t('list.period')}</th>
                    <th scope="col">{t('planFields.status')}</th>
                    <th scope="col">{t('list.targets')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plans.data.items.map((p) => (
                    <tr key={p.id}>
                      <td data-label={t('planFields.number')}>{p.number}</td>
                      <td data-label={t('planFields.title')}>
                        <Link to="/plans/$id" params={{ id: p.id }} className="cell-title">
                          {p.title}
                        </Link>
                        <span className="cell-sub">{p.issuingBody}</span>
                      </td>
                      <td data-label={t('list.period')}>
                        {p.periodStart} – {p.periodEnd}
                      </td>
                      <td data-label={t('planFields.status')}>
                        <Badge tone={p.status === 'active' ? 'green' : 'neutral'}>{t(`planStatus.${p.status}`)}</Badge>
                      </td>
                      <td data-label={t('list.targets')}>{formatNumber(p.targetCount, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={plans.data.total}
            onPageChange={(next) => void navigate({ search: { page: next > 1 ? next : undefined } })}
          />
        </>
      )}
    </>
  );
}

export function PlansPage() {
  const { t } = useTranslation('plans');
  useDocumentTitle(t('list.title'));
  return (
    <RequireAnyRole roles={OFFICIAL_ROLES} message={t('access')}>
      {(user) => <PlanList user={user} />}
    </RequireAnyRole>
  );
}
