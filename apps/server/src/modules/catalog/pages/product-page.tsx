/** @jsxRuntime automatic @jsxImportSource react */
import type { CatalogProduct, PublicLanguage, PublicOutlet } from '@hoptac/core';
import { formatDate, formatVnd, type MessageKey, type Translate } from './i18n.ts';
import { Stars, ValidityBadge } from './layout.tsx';
import { OutletList } from './outlet-list.tsx';
import { ProductCard, producerPath } from './product-card.tsx';

export type WhereToBuy = { items: PublicOutlet[]; total: number; near: boolean } | null;

/** schema.org Product with its producer, price and OCOP rating. */
export function productJsonLd(p: CatalogProduct, origin: string, path: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    url: `${origin}${path}`,
    description: p.story ?? p.description ?? undefined,
    image: p.photos.length > 0 ? p.photos.map((src) => `${origin}${src}`) : undefined,
    category: `${p.group} / ${p.subgroup}`,
    award: `OCOP ${p.stars}★ (${p.certification.number})`,
    manufacturer: { '@type': 'Organization', name: p.producer.name, url: `${origin}${producerPath(p.producer.id)}` },
    offers:
      p.priceVnd !== null
        ? { '@type': 'Offer', price: p.priceVnd, priceCurrency: 'VND', availability: 'https://schema.org/InStock' }
        : undefined,
  };
}

/** The QR image route's code for a QR URL: the Digital Link path, or the short code of /v/{code}. */
function qrCode(qrUrl: string): string {
  const path = new URL(qrUrl).pathname.replace(/^\//, '');
  return path.startsWith('v/') ? path.slice(2) : path;
}

export function ProductPage(props: {
  p: CatalogProduct;
  whereToBuy: WhereToBuy;
  /** What the product's QR code holds (GS1 Digital Link or short-code URL). */
  qrUrl: string | null;
  t: Translate;
  lang: PublicLanguage;
}) {
  const { p, whereToBuy, qrUrl, t, lang } = props;
  const c = p.certification;
  return (
    <article>
      <p className="muted">
        {p.group} · {p.subgroup}
      </p>
      <h1>{p.name}</h1>
      <p>
        <Stars count={p.stars} t={t} /> <ValidityBadge status={c.status} t={t} />
      </p>
      {p.photos.length > 0 ? (
        <div className="photos" role="group" aria-label={t('product.photos')}>
          {p.photos.map((src, i) => (
            <img
              key={src}
              src={src}
              alt={`${p.name} (${i + 1})`}
              width={220}
              height={165}
              loading={i === 0 ? 'eager' : 'lazy'}
            />
          ))}
        </div>
      ) : null}
      <dl className="facts panel">
        <dt>{t('product.producer')}</dt>
        <dd>
          <a href={producerPath(p.producer.id)}>{p.producer.name}</a> (
          {t(`entityType.${p.producer.type}` as MessageKey)}), {p.commune.name}
        </dd>
        {p.priceVnd !== null ? (
          <>
            <dt>{t('product.price')}</dt>
            <dd>
              {p.priceUnit
                ? t('product.pricePer', { price: formatVnd(lang, p.priceVnd), unit: p.priceUnit })
                : formatVnd(lang, p.priceVnd)}
            </dd>
          </>
        ) : null}
        {p.packaging ? (
          <>
            <dt>{t('product.packaging')}</dt>
            <dd>{p.packaging}</dd>
          </>
        ) : null}
        {p.ingredientsOrigin ? (
          <>
            <dt>{t('product.ingredients')}</dt>
            <dd>{p.ingredientsOrigin}</dd>
          </>
        ) : null}
      </dl>
      {p.story ? (
        <section aria-labelledby="story">
          <h2 id="story">{t('product.story')}</h2>
          <p>{p.story}</p>
        </section>
      ) : null}
      <section aria-labelledby="certificate" className="panel">
        <h2 id="certificate">{t('product.certificate')}</h2>
        <dl className="facts">
          <dt>{t('product.certificateNumber')}</dt>
          <dd>{c.number}</dd>
          <dt>{t('product.decision')}</dt>
          <dd>
            {t('product.decisionOf', {
              number: c.decisionNumber,
              date: formatDate(lang, c.decisionDate),
              issuer: c.issuerName,
            })}
          </dd>
          <dt>{t('product.validUntil')}</dt>
          <dd>
            {formatDate(lang, c.validUntil)} <ValidityBadge status={c.status} t={t} />
          </dd>
        </dl>
        <p>
          <a href={`/verify/${c.number}`}>{t('product.verify')}</a>
        </p>
        {qrUrl ? (
          <div className="qr">
            <img
              src={`/api/public/qr/${qrCode(qrUrl)}.svg`}
              alt={t('product.qrAlt', { name: p.name })}
              width={132}
              height={132}
              loading="lazy"
            />
            <div>
              <p>
                {t('product.qr')}: <a href={qrUrl}>{qrUrl}</a>
              </p>
              <p>
                <a href={`/api/public/qr/${qrCode(qrUrl)}.svg`} download>
                  SVG
                </a>{' '}
                ·{' '}
                <a href={`/api/public/qr/${qrCode(qrUrl)}.png`} download>
                  PNG
                </a>
              </p>
            </div>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="where-to-buy" id="where">
        <h2 id="where-to-buy">{t('product.whereToBuy')}</h2>
        {whereToBuy === null ? (
          <p className="muted">{t('outlets.unavailable')}</p>
        ) : whereToBuy.items.length === 0 ? (
          <p>{t('product.noOutlets')}</p>
        ) : (
          <>
            <p>
              <button type="button" className="secondary" data-near-me hidden>
                {t('product.nearMe')}
              </button>{' '}
              <a href={`/outlets?product=${p.id}`}>{t('product.onMap')}</a>
            </p>
            {whereToBuy.near ? <p className="muted">{t('product.nearest')}</p> : null}
            <OutletList outlets={whereToBuy.items} t={t} />
          </>
        )}
        {p.shopLinks.length > 0 ? (
          <>
            <h3>{t('product.online')}</h3>
            <ul className="links">
              {p.shopLinks.map((l) => (
                <li key={l.url}>
                  <a className="button secondary" href={l.url} rel="noopener nofollow">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {p.related.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related">{t('product.related')}</h2>
          <ul className="cards">
            {p.related.map((r) => (
              <ProductCard key={r.id} p={r} t={t} lang={lang} />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
