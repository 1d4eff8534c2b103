/** @jsxRuntime automatic @jsxImportSource react */
import type { PublicOutlet } from '@hoptac/core';
import type { MessageKey, Translate } from './i18n.ts';

/** Outlets as a plain list: the part of "where to buy" that never depends on map tiles or JavaScript. */
export function OutletList({ outlets, t }: { outlets: PublicOutlet[]; t: Translate }) {
  return (
    <ul className="outlets">
      {outlets.map((o) => (
        <li key={o.id} data-outlet={o.id}>
          <h3>{o.name}</h3>
          <div className="muted">
            {t(`outletType.${o.type}` as MessageKey)}
            {o.distanceKm !== null ? ` · ${t('outlets.distance', { km: o.distanceKm })}` : ''}
          </div>
          <div>
            {o.address} · {o.communeName}
          </div>
          {o.openingHours ? (
            <div>
              {t('outlets.hours')}: {o.openingHours}
            </div>
          ) : null}
          {o.contact ? (
            <div>
              {t('outlets.contact')}: {o.contact}
            </div>
          ) : null}
          {o.url ? (
            <div>
              <a href={o.url} rel="noopener">
                {o.url.replace(/^https?:\/\//, '')}
              </a>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
