/** @jsxRuntime automatic @jsxImportSource react */
import { OUTLET_TYPES, type PublicOutlet } from '@hoptac/core';
import type { MessageKey, Translate } from './i18n.ts';
import { scriptJson } from './layout.tsx';
import { OutletList } from './outlet-list.tsx';

export type OutletsView = {
  items: PublicOutlet[];
  total: number;
  filters: { type?: string; commune?: string; product?: string };
  /** Communes that have open outlets, for the filter. */
  communes: { code: string; name: string }[];
  productName: string | null;
};

export const TILE_ATTRIBUTION = '© OpenStreetMap contributors';

/** Outlets: filters, a map for browsers that run scripts, and the full list for everyone. */
export function OutletsPage(props: { view: OutletsView | null; tileUrl: string; t: Translate }) {
  const { view, t } = props;
  if (!view)
    return (
      <>
        <h1>{t('outlets.title')}</h1>
        <p>{t('outlets.unavailable')}</p>
      </>
    );
  const located = view.items.filter((o) => o.lat !== null && o.lng !== null);
  return (
    <>
      <h1>{view.productName ? t('outlets.forProduct', { name: view.productName }) : t('outlets.title')}</h1>
      <form action="/outlets" method="get" className="panel">
        {view.filters.product ? <input type="hidden" name="product" value={view.filters.product} /> : null}
        <fieldset>
          <legend>{t('search.filters')}</legend>
          <label>
            {t('outlets.type')}{' '}
            <select name="type" defaultValue={view.filters.type ?? ''}>
              <option value="">{t('search.any')}</option>
              {OUTLET_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`outletType.${type}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('facet.commune')}{' '}
            <select name="commune" defaultValue={view.filters.commune ?? ''}>
              <option value="">{t('search.any')}</option>
              {view.communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <button type="submit">{t('search.apply')}</button>
      </form>
      <section aria-labelledby="map-title">
        <h2 id="map-title">{t('outlets.map')}</h2>
        <p className="muted">{t('outlets.mapNote')}</p>
        <div
          id="map"
          data-tiles={props.tileUrl}
          data-attribution={TILE_ATTRIBUTION}
          role="region"
          aria-label={t('outlets.mapRegion')}
          hidden
        />
        <script
          id="outlets-data"
          type="application/json"
          dangerouslySetInnerHTML={{
            __html: scriptJson(
              located.map((o) => ({ id: o.id, name: o.name, lat: o.lat, lng: o.lng, address: o.address })),
            ),
          }}
        />
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">
          {t('outlets.list')} · {t('outlets.count', { count: view.total })}
        </h2>
        {view.items.length === 0 ? <p>{t('outlets.none')}</p> : <OutletList outlets={view.items} t={t} />}
      </section>
    </>
  );
}

export function NotFoundPage({ t }: { t: Translate }) {
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <a href="/catalog">{t('notFound.back')}</a>
      </p>
    </>
  );
}
