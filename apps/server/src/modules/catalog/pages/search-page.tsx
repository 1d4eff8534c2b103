/** @jsxRuntime automatic @jsxImportSource react */
import {
  CATALOG_FACETS,
  type CatalogFacet,
  type CatalogSearchQuery,
  type CatalogSearchResult,
  type PublicLanguage,
} from '@hoptac/core';
import type { MessageKey, Translate } from './i18n.ts';
import { ProductCard } from './product-card.tsx';

/** The query parameter each facet filters with. */
const PARAM: Record<CatalogFacet, keyof CatalogSearchQuery> = {
  stars: 'stars',
  group: 'group',
  subgroup: 'subgroup',
  commune: 'commune',
  formerDistrict: 'formerDistrict',
  certificateValidity: 'valid',
  entityType: 'entityType',
};

function facetLabel(facet: CatalogFacet, value: string, label: string, t: Translate): string {
  if (facet === 'stars') return t('stars', { count: value });
  if (facet === 'certificateValidity') return t(`validity.${value}` as MessageKey);
  if (facet === 'entityType') return t(`entityType.${value}` as MessageKey);
  return label;
}

/** The query string of this search with some parameters changed (undefined removes one). */
function searchHref(
  query: CatalogSearchQuery,
  change: Partial<Record<keyof CatalogSearchQuery, string | number | undefined>>,
) {
  const params = new URLSearchParams();
  const merged = { ...query, ...change };
  for (const [k, v] of Object.entries(merged))
    if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && k !== 'pageSize') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `/catalog?${qs}` : '/catalog';
}

export function SearchPage(props: {
  query: CatalogSearchQuery;
  result: CatalogSearchResult;
  t: Translate;
  lang: PublicLanguage;
}) {
  const { query, result, t, lang } = props;
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  const active = CATALOG_FACETS.some((f) => query[PARAM[f]] !== undefined);
  return (
    <>
      <h1>{t('search.title')}</h1>
      <form className="searchbox" role="search" action="/catalog" method="get" data-suggest="/api/public/suggest">
        <label htmlFor="q" className="skip">
          {t('search.label')}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          aria-label={t('search.label')}
          aria-autocomplete="list"
          aria-controls="q-suggest"
        />
        {CATALOG_FACETS.map((f) => {
          const v = query[PARAM[f]];
          return v === undefined ? null : <input key={f} type="hidden" name={PARAM[f]} value={String(v)} />;
        })}
        <button type="submit">{t('search.submit')}</button>
        <ul id="q-suggest" className="suggest" role="listbox" aria-label={t('search.suggestions')} hidden />
      </form>
      <div className="layout">
        <aside>
          <details className="filters" open={active || undefined} data-filters>
            <summary>{t('search.filters')}</summary>
            <form action="/catalog" method="get">
              {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
              {CATALOG_FACETS.map((f) => {
                const values = result.facets[f];
                const chosen = query[PARAM[f]];
                if (values.length === 0 && chosen === undefined) return null;
                return (
                  <fieldset key={f}>
                    <legend>{t(`facet.${f}` as MessageKey)}</legend>
                    <select
                      name={PARAM[f]}
                      defaultValue={chosen === undefined ? '' : String(chosen)}
                      aria-label={t(`facet.${f}` as MessageKey)}
                    >
                      <option value="">{t('search.any')}</option>
                      {values.map((v) => (
                        <option key={v.value} value={v.value}>
                          {`${facetLabel(f, v.value, v.label, t)} (${v.count})`}
                        </option>
                      ))}
                    </select>
                  </fieldset>
                );
              })}
              <button type="submit">{t('search.apply')}</button>{' '}
              {active ? (
                <a
                  className="button secondary"
                  href={searchHref(query, Object.fromEntries(CATALOG_FACETS.map((f) => [PARAM[f], undefined])))}
                >
                  {t('search.clear')}
                </a>
              ) : null}
            </form>
          </details>
        </aside>
        <section aria-labelledby="results">
          <h2 id="results">{t('search.results', { count: result.total })}</h2>
          {result.total === 0 ? (
            <div className="panel">
              <p>{t('search.none')}</p>
              {result.didYouMean.length > 0 ? (
                <p>
                  {t('search.didYouMean')}{' '}
                  {result.didYouMean.map((name, i) => (
                    <span key={name}>
                      {i > 0 ? ', ' : ''}
                      <a href={searchHref(query, { q: name, page: 1 })}>{name}</a>
                    </span>
                  ))}
                </p>
              ) : null}
            </div>
          ) : (
            <ul className="cards">
              {result.items.map((p) => (
                <ProductCard key={p.id} p={p} t={t} lang={lang} />
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label={t('search.page', { page: query.page, pages })}>
              {query.page > 1 ? <a href={searchHref(query, { page: query.page - 1 })}>{t('search.prev')}</a> : null}
              <span>{t('search.page', { page: query.page, pages })}</span>
              {query.page < pages ? <a href={searchHref(query, { page: query.page + 1 })}>{t('search.next')}</a> : null}
            </nav>
          ) : null}
        </section>
      </div>
    </>
  );
}
