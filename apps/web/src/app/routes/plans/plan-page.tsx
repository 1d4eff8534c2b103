import { useState } from 'react';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Plan, SessionUser } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import { PlanDashboard, PlanForm, TargetEditor, useCommunes, usePlan } from '../../../features/plans/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { NotFoundPage } from '../not-found.tsx';
import { OFFICIAL_ROLES, RequireAnyRole } from '../registry/access.tsx';

const route = getRouteApi('/plans/$id');

/** What the scope picker offers: the city and every commune to the city, their own communes to an officer. */
function useScopeChoices(user: SessionUser) {
  const { t } = useTranslation('plans');
  const communes = useCommunes();
  const names = new Map((communes.data?.items ?? []).map((c) => [c.code, c.fullName]));
  if (hasRole(user, 'city_admin'))
    return [
      { value: '', label: t('scope.city') },
      ...(communes.data?.items ?? []).map((c) => ({ value: `commune:${c.code}`, label: c.fullName })),
    ];
  return [
    { value: '', label: t('scope.mine') },
    ...user.communes.map((c) => ({ value: `commune:${c.code}`, label: names.get(c.code) ?? c.code })),
  ];
}

function PlanView({ plan, user }: { plan: Plan; user: SessionUser }) {
  const { t } = useTranslation('plans');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/plans/$id' });
  const admin = hasRole(user, 'city_admin');
  const [editing, setEditing] = useState(false);
  const tab = search.tab ?? 'dashboard';
  const choices = useScopeChoices(user);
  // A drill-down into a unit not in the picker (a former district) still shows as chosen.
  const scopeChoices =
    search.scope && search.scope !== 'city' && !choices.some((c) => c.value === search.scope)
      ? [...choices, { value: search.scope, label: search.scope }]
      : choices;
  const go = (next: { scope?: string | undefined; tab?: 'dashboard' | 'targets' }) =>
    void navigate({ search: { scope: search.scope, tab: search.tab, ...next } });

  return (
    <>
      <p className="no-print">
        <Link to="/plans">{t('plan.back')}</Link>
      </p>
      <PageHeader title={`${plan.number} — ${plan.title}`} intro={plan.description ?? undefined}>
        <p className="muted small">
          {plan.issuingBody} · {plan.issuedOn} · {plan.periodStart} – {plan.periodEnd} ·{' '}
          {t(`planStatus.${plan.status}`)}
          {plan.publicProgress ? ` · ${t('plan.public')}` : ''}
        </p>
        {admin && !editing ? (
          <div className="toolbar no-print">
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
              {t('plan.edit')}
            </Button>
          </div>
        ) : null}
      </PageHeader>
      {editing ? (
        <div className="card form-card">
          <PlanForm plan={plan} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </div>
      ) : null}
      <div className="tabs no-print" role="tablist" aria-label={t('plan.tabs.label')}>
        {(['dashboard', 'targets'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`plan-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`plan-panel-${name}`}
            className="tabs__tab"
            onClick={() => go({ tab: name })}
          >
            {t(`plan.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`plan-panel-${tab}`} aria-labelledby={`plan-tab-${tab}`}>
        {tab === 'dashboard' ? (
          <PlanDashboard
            planId={plan.id}
            scope={search.scope}
            scopeChoices={scopeChoices}
            onScope={(scope) => go({ scope })}
          />
        ) : (
          <TargetEditor plan={plan} canEdit={admin} />
        )}
      </div>
    </>
  );
}

function PlanLoader({ id, user }: { id: string; user: SessionUser }) {
  const plan = usePlan(id);
  if (plan.isPending) return <Loading />;
  if (plan.isError)
    return isApiError(plan.error) && plan.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />
    );
  return <PlanView plan={plan.data} user={user} />;
}

export function PlanPage() {
  const { t } = useTranslation('plans');
  const { id } = route.useParams();
  useDocumentTitle(t('plan.title'));
  return (
    <RequireAnyRole roles={OFFICIAL_ROLES} message={t('access')}>
      {(user) => <PlanLoader id={id} user={user} />}
    </RequireAnyRole>
  );
}
