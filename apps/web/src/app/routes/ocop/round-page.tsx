import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopRound, SessionUser } from '@hoptac/core';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import {
  CouncilPanel,
  DossierFilters,
  DossierTable,
  RoundHeader,
  useOcopDossiers,
  useOcopRound,
  type OcopDossierFilterValue,
} from '../../../features/ocop/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { NotFoundPage } from '../not-found.tsx';
import { RequireAnyRole } from '../registry/access.tsx';
import { OCOP_ROUND_ROLES } from './access.ts';
import type { RoundTab } from './search.ts';

const route = getRouteApi('/ocop/rounds/$id');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 25;

function RoundDossiers({ round, user }: { round: OcopRound; user: SessionUser }) {
  const { t, i18n } = useTranslation('ocop');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/ocop/rounds/$id' });
  const page = search.page ?? 1;
  const filters: OcopDossierFilterValue = { q: search.q, status: search.status };
  const dossiers = useOcopDossiers({ round: round.id, ...filters, page, pageSize: PAGE_SIZE });
  const council = round.myCouncilRole !== null;
  // Explicit target: a search committed after a pause must not land on a page opened meanwhile.
  const update = (next: OcopDossierFilterValue & { page?: number }, replace = false) =>
    void navigate({ to: '/ocop/rounds/$id', params: { id: round.id }, search: { ...next }, replace });

  let intro = t('round.dossiersIntro');
  if (hasRole(user, 'commune_officer')) intro = t('round.dossiersIntroOfficer');
  else if (council) intro = t('round.dossiersIntroCouncil');
  else if (!hasRole(user, 'city_admin')) intro = t('round.dossiersIntroProducer');

  return (
    <section aria-labelledby="ocop-round-dossiers">
      <h2 id="ocop-round-dossiers" className="sr-only">
        {t('round.tabs.dossiers')}
      </h2>
      <p className="muted">{intro}</p>
      <DossierFilters value={filters} onChange={(next, replace) => update(next, replace)} />
      {dossiers.isPending ? (
        <Loading />
      ) : dossiers.isError ? (
        <ErrorMessage error={dossiers.error} onRetry={() => void dossiers.refetch()} />
      ) : (
        <div className={dossiers.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('dossiers.results', { total: formatNumber(dossiers.data.total, i18n.language) })}
          </p>
          {dossiers.data.items.length === 0 ? (
            <p className="empty">{filters.q || filters.status ? t('dossiers.noMatch') : t('dossiers.empty')}</p>
          ) : (
            <DossierTable dossiers={dossiers.data.items} showMySheet={council} />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={dossiers.data.total}
            onPageChange={(next) => update({ ...filters, page: next > 1 ? next : undefined })}
          />
        </div>
      )}
    </section>
  );
}

function RoundView({ id, user }: { id: string; user: SessionUser }) {
  const { t } = useTranslation('ocop');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/ocop/rounds/$id' });
  const round = useOcopRound(id);
  useDocumentTitle(round.data?.name ?? t('rounds.title'));
  if (round.isPending) return <Loading />;
  if (round.isError) {
    if (isApiError(round.error) && round.error.code === 'NOT_FOUND') return <NotFoundPage />;
    return <ErrorMessage error={round.error} onRetry={() => void round.refetch()} />;
  }
  const r = round.data;
  const admin = hasRole(user, 'city_admin');
  const showCouncil = admin || r.myCouncilRole !== null;
  const tab: RoundTab = showCouncil && search.tab === 'council' ? 'council' : 'dossiers';
  const tabs: RoundTab[] = showCouncil ? ['dossiers', 'council'] : ['dossiers'];

  return (
    <div className="stack">
      <RoundHeader round={r} admin={admin} />
      {search.created ? <Notice>{t('rounds.created')}</Notice> : null}
      {admin && r.status === 'planned' ? (
        <div className="callout callout--cta" role="note">
          <div>
            <p className="callout__title">{t('round.plannedTitle')}</p>
            <p>{t('round.plannedBody')}</p>
          </div>
        </div>
      ) : null}
      {tabs.length > 1 ? (
        <div className="tabs" role="tablist" aria-label={t('round.tabs.label')}>
          {tabs.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              id={`round-tab-${k}`}
              aria-selected={tab === k}
              aria-controls={`round-panel-${k}`}
              className="tabs__tab"
              onClick={() => void navigate({ search: k === 'dossiers' ? {} : { tab: k }, replace: true })}
            >
              {t(`round.tabs.${k}`)}
            </button>
          ))}
        </div>
      ) : null}
      <div
        className="tab-panel"
        role={tabs.length > 1 ? 'tabpanel' : undefined}
        id={`round-panel-${tab}`}
        aria-labelledby={tabs.length > 1 ? `round-tab-${tab}` : undefined}
      >
        {tab === 'council' ? <CouncilPanel roundId={r.id} admin={admin} /> : <RoundDossiers round={r} user={user} />}
      </div>
    </div>
  );
}

export function RoundPage() {
  const { t } = useTranslation('ocop');
  const { id } = route.useParams();
  if (!UUID.test(id)) return <NotFoundPage />;
  return (
    <RequireAnyRole roles={OCOP_ROUND_ROLES} message={t('access.rounds')}>
      {(user) => (
        <>
          <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
            <Link to="/ocop/rounds">
              <span aria-hidden="true">← </span>
              {t('round.back')}
            </Link>
          </nav>
          <RoundView key={id} id={id} user={user} />
        </>
      )}
    </RequireAnyRole>
  );
}
