import { useRef, type KeyboardEvent } from 'react';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { hasRole, useMe } from '../../../features/identity/index.ts';
import {
  CommuneCounts,
  EntityFilters,
  EntityMap,
  EntityTable,
  exportHref,
  useCommuneCounts,
  useEntities,
  type CommuneOption,
} from '../../../features/registry/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { isOfficial } from './access.tsx';
import {
  REGISTER_SORTS as SORTS,
  REGISTER_VIEWS as VIEWS,
  oneOf,
  type RegisterSearch,
  type RegisterView as View,
} from './search.ts';

const route = getRouteApi('/registry');
const PAGE_SIZE: Record<View, number> = { list: 25, communes: 25, map: 100 };

function ViewTabs({ value, onChange }: { value: View; onChange: (view: View) => void }) {
  const { t } = useTranslation('registry');
  const refs = useRef<Partial<Record<View, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = VIEWS.indexOf(value);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % VIEWS.length;
    if (event.key === 'ArrowLeft') next = (index - 1 + VIEWS.length) % VIEWS.length;
    const view = next === null ? undefined : VIEWS[next];
    if (!view) return;
    event.preventDefault();
    onChange(view);
    refs.current[view]?.focus();
  };
  return (
    <div className="tabs tabs--views" role="tablist" aria-label={t('views.label')} onKeyDown={onKeyDown}>
      {VIEWS.map((view) => (
        <button
          key={view}
          ref={(el) => {
            refs.current[view] = el;
          }}
          type="button"
          role="tab"
          id={`register-tab-${view}`}
          className="tabs__tab"
          aria-selected={view === value}
          aria-controls="register-panel"
          tabIndex={view === value ? 0 : -1}
          onClick={() => {
            if (view !== value) onChange(view);
          }}
        >
          {t(`views.${view}`)}
        </button>
      ))}
    </div>
  );
}

export function RegisterPage() {
  const { t, i18n } = useTranslation('registry');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/registry' });
  const { data: user } = useMe();
  const official = isOfficial(user);
  useDocumentTitle(official ? t('register.title') : t('register.publicTitle'));

  const view = search.view ?? 'list';
  const page = search.page ?? 1;
  const { page: _page, view: _view, ...filters } = search;
  const entities = useEntities({ ...filters, page, pageSize: PAGE_SIZE[view] });
  const counts = useCommuneCounts();

  const countOf = new Map((counts.data ?? []).map((c) => [c.commune.code, c.count]));
  const communes: CommuneOption[] =
    hasRole(user, 'commune_officer') && !hasRole(user, 'city_admin') && user
      ? user.communes.map((c) => ({ code: c.code, fullName: c.fullName, count: countOf.get(c.code) ?? 0 }))
      : (counts.data ?? [])
          .map((c) => ({ code: c.commune.code, fullName: c.commune.fullName, count: c.count }))
          .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));

  const update = (patch: Partial<RegisterSearch>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }), replace });

  return (
    <>
      <PageHeader
        title={official ? t('register.title') : t('register.publicTitle')}
        intro={official ? t('register.intro') : t('register.publicIntro')}
      >
        {official ? (
          <div className="toolbar">
            <Link to="/registry/new" className="btn btn--primary">
              {t('register.create')}
            </Link>
            <Link to="/registry/import" className="btn btn--secondary">
              {t('register.import')}
            </Link>
            <Link to="/registry/reports" className="btn btn--secondary">
              {t('register.reports')}
            </Link>
            <span className="toolbar__group" role="group" aria-label={t('register.exportLabel')}>
              <a className="btn btn--ghost" href={exportHref('xlsx', filters)} download>
                {t('register.exportXlsx')}
              </a>
              <a className="btn btn--ghost" href={exportHref('csv', filters)} download>
                {t('register.exportCsv')}
              </a>
            </span>
          </div>
        ) : null}
      </PageHeader>

      <EntityFilters
        value={filters}
        communes={communes}
        official={official}
        // The filters replace the previous ones as a whole: a key left out (as by "clear filters") is
        // dropped, where merging into the URL would keep it.
        onChange={(next, replace) =>
          void navigate({ search: (prev) => ({ view: prev.view, ...next, sort: next.sort ?? prev.sort }), replace })
        }
      />

      <ViewTabs value={view} onChange={(next) => update({ view: next === 'list' ? undefined : next })} />
      <div className="tab-panel" role="tabpanel" id="register-panel" aria-labelledby={`register-tab-${view}`}>
        {view === 'communes' ? (
          counts.isPending ? (
            <Loading />
          ) : counts.isError ? (
            <ErrorMessage error={counts.error} onRetry={() => void counts.refetch()} />
          ) : (
            <section className="card" aria-labelledby="by-commune-title">
              <h2 id="by-commune-title">{t('byCommune.title')}</h2>
              <p className="muted small">{t('byCommune.intro')}</p>
              <CommuneCounts counts={counts.data} />
            </section>
          )
        ) : entities.isPending ? (
          <Loading />
        ) : entities.isError ? (
          <ErrorMessage error={entities.error} onRetry={() => void entities.refetch()} />
        ) : (
          <div className={entities.isPlaceholderData ? 'is-stale' : undefined}>
            <div className="results-bar">
              <p className="results-summary" role="status">
                {t('register.results', { total: formatNumber(entities.data.total, i18n.language) })}
              </p>
              {view === 'list' ? (
                <div className="sort-control">
                  <label htmlFor="register-sort">{t('register.sort')}</label>
                  <select
                    id="register-sort"
                    name="sort"
                    className="input select input--sm"
                    value={search.sort ?? 'name'}
                    onChange={(e) => {
                      const sort = oneOf(SORTS, e.target.value);
                      update({ sort: sort === 'name' ? undefined : sort });
                    }}
                  >
                    {SORTS.map((s) => (
                      <option key={s} value={s}>
                        {t(`register.sortBy.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </div>
            {entities.data.items.length === 0 ? (
              <p className="empty">{t('register.empty')}</p>
            ) : view === 'map' ? (
              <EntityMap entities={entities.data.items} counts={counts.data ?? []} />
            ) : (
              <EntityTable entities={entities.data.items} official={official} />
            )}
            <Pagination
              page={page}
              pageSize={PAGE_SIZE[view]}
              total={entities.data.total}
              onPageChange={(next) => update({ page: next > 1 ? next : undefined })}
            />
          </div>
        )}
      </div>
    </>
  );
}
