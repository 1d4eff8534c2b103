import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CommuneCount, EntityListItem, EntityType } from '@hoptac/core';
import { ENTITY_TYPES } from '../../../lib/domain.ts';
import { formatNumber } from '../../../lib/format.ts';

/** Hanoi's bounding box; there are no map tiles offline, so the frame is a plain graticule. */
const BOUNDS = { south: 20.56, north: 21.39, west: 105.28, east: 106.02 };
/** Kilometres per degree of longitude shrink with latitude: keep the map's proportions true at 21° N. */
const WIDTH = 600;
const HEIGHT = Math.round(
  (WIDTH * (BOUNDS.north - BOUNDS.south)) / ((BOUNDS.east - BOUNDS.west) * Math.cos((21 * Math.PI) / 180)),
);
const PAD = 34;
/** Room on the left for the latitude labels. */
const PAD_LEFT = 56;

function x(lng: number): number {
  return PAD_LEFT + ((lng - BOUNDS.west) / (BOUNDS.east - BOUNDS.west)) * WIDTH;
}
function y(lat: number): number {
  return PAD + ((BOUNDS.north - lat) / (BOUNDS.north - BOUNDS.south)) * HEIGHT;
}

function inside(lat: number, lng: number): boolean {
  return lat >= BOUNDS.south && lat <= BOUNDS.north && lng >= BOUNDS.west && lng <= BOUNDS.east;
}

/** Landmarks that let a reader place the dots without a base map. */
const LANDMARKS = [
  { key: 'hoanKiem', lat: 21.0287, lng: 105.8524 },
  { key: 'noiBai', lat: 21.2187, lng: 105.8042 },
] as const;

const LAT_LINES = [20.6, 20.7, 20.8, 20.9, 21.0, 21.1, 21.2, 21.3];
const LNG_LINES = [105.3, 105.4, 105.5, 105.6, 105.7, 105.8, 105.9, 106.0];

export interface EntityMapProps {
  entities: EntityListItem[];
  counts: CommuneCount[];
}

/** The current page's located entities as dots; each dot links to the entity. */
export function EntityMap({ entities, counts }: EntityMapProps) {
  const { t, i18n } = useTranslation('registry');
  const n = (v: number) => formatNumber(v, i18n.language);
  const degrees = (v: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: 1 }).format(v);
  const located = entities.filter(
    (e): e is EntityListItem & { lat: number; lng: number } => e.lat !== null && e.lng !== null && inside(e.lat, e.lng),
  );
  const unlocated = entities.length - located.length;
  const typesShown = ENTITY_TYPES.filter((type) => located.some((e) => e.type === type));

  // Communes of this page, with the page's count and the commune's total in the register.
  const totals = new Map(counts.map((c) => [c.commune.code, c.count]));
  const pageCommunes = new Map<string, { name: string; onPage: number }>();
  for (const e of located) {
    const entry = pageCommunes.get(e.commune.code) ?? { name: e.commune.fullName, onPage: 0 };
    entry.onPage += 1;
    pageCommunes.set(e.commune.code, entry);
  }
  const communeRows = [...pageCommunes.entries()].sort((a, b) => b[1].onPage - a[1].onPage);

  return (
    <div className="map-layout">
      <figure className="map card">
        <svg
          className="map__svg"
          viewBox={`0 0 ${WIDTH + PAD_LEFT + PAD} ${HEIGHT + PAD * 2}`}
          role="group"
          aria-labelledby="entity-map-caption"
        >
          <rect x={PAD_LEFT} y={PAD} width={WIDTH} height={HEIGHT} className="map__frame" />
          {LAT_LINES.map((lat) => (
            <g key={`lat-${lat}`} className="map__grid">
              <line x1={PAD_LEFT} x2={PAD_LEFT + WIDTH} y1={y(lat)} y2={y(lat)} />
              <text x={PAD_LEFT - 6} y={y(lat) + 6} textAnchor="end">
                {degrees(lat)}
              </text>
            </g>
          ))}
          {LNG_LINES.map((lng) => (
            <g key={`lng-${lng}`} className="map__grid">
              <line x1={x(lng)} x2={x(lng)} y1={PAD} y2={PAD + HEIGHT} />
              <text x={x(lng)} y={PAD - 8} textAnchor="middle">
                {degrees(lng)}
              </text>
            </g>
          ))}
          {LANDMARKS.map((mark) => (
            <g key={mark.key} className="map__landmark" aria-hidden="true">
              <rect
                x={x(mark.lng) - 5}
                y={y(mark.lat) - 5}
                width={10}
                height={10}
                transform={`rotate(45 ${x(mark.lng)} ${y(mark.lat)})`}
              />
              <text x={x(mark.lng) + 12} y={y(mark.lat) + 6}>
                {t(`map.landmark.${mark.key}`)}
              </text>
            </g>
          ))}
          {located.map((entity) => (
            <Link
              key={entity.id}
              to="/registry/$id"
              params={{ id: entity.id }}
              className={`map__dot map__dot--${entity.type}`}
              aria-label={t('map.dotLabel', {
                name: entity.name,
                type: t(`type.${entity.type}`),
                commune: entity.commune.fullName,
              })}
            >
              <circle cx={x(entity.lng)} cy={y(entity.lat)} r={10} />
              <title>{`${entity.name} — ${entity.commune.fullName}`}</title>
            </Link>
          ))}
        </svg>
        <figcaption id="entity-map-caption" className="map__caption">
          {t('map.caption', { shown: n(located.length) })}
          {unlocated > 0 ? ` ${t('map.unlocated', { unlocated: n(unlocated) })}` : ''}
        </figcaption>
      </figure>
      <aside className="map-side card" aria-labelledby="map-side-title">
        <h2 id="map-side-title">{t('map.legend')}</h2>
        {typesShown.length > 0 ? (
          <ul className="legend">
            {typesShown.map((type: EntityType) => (
              <li key={type}>
                <span className={`legend__dot map__dot--${type}`} aria-hidden="true" />
                {t(`type.${type}`)}
              </li>
            ))}
            <li>
              <span className="legend__landmark" aria-hidden="true" />
              {t('map.landmarkLegend')}
            </li>
          </ul>
        ) : (
          <p className="muted">{t('map.none')}</p>
        )}
        {communeRows.length > 0 ? (
          <>
            <h3 className="map-side__subtitle">{t('map.communesTitle')}</h3>
            <ul className="plain-list map-side__communes">
              {communeRows.map(([code, entry]) => (
                <li key={code}>
                  <Link to="/registry" search={{ commune: code, view: 'map' }}>
                    {entry.name}
                  </Link>{' '}
                  <span className="muted">
                    {t('map.communeCount', {
                      onPage: n(entry.onPage),
                      total: n(totals.get(code) ?? entry.onPage),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </aside>
    </div>
  );
}
