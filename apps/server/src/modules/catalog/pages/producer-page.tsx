/** @jsxRuntime automatic @jsxImportSource react */
import type { CatalogProducer, PublicLanguage } from '@hoptac/core';
import type { MessageKey, Translate } from './i18n.ts';
import { ProductCard } from './product-card.tsx';

/** schema.org Organization with its place and certified products. */
export function producerJsonLd(p: CatalogProducer, origin: string, path: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: p.name,
    url: `${origin}${path}`,
    description: p.description ?? undefined,
    sameAs: p.website ?? undefined,
    address: {
      '@type': 'PostalAddress',
      addressLocality: p.commune.name,
      addressRegion: 'Hà Nội',
      addressCountry: 'VN',
    },
    geo: p.location ? { '@type': 'GeoCoordinates', latitude: p.location.lat, longitude: p.location.lng } : undefined,
    makesOffer: p.products.map((x) => ({ '@type': 'Offer', itemOffered: { '@type': 'Product', name: x.name } })),
  };
}

export function ProducerPage(props: { p: CatalogProducer; t: Translate; lang: PublicLanguage }) {
  const { p, t, lang } = props;
  return (
    <article>
      <p className="muted">{t(`entityType.${p.type}` as MessageKey)}</p>
      <h1>{p.name}</h1>
      <dl className="facts panel">
        <dt>{t('producer.location')}</dt>
        <dd>
          {p.commune.name}, Hà Nội
          {p.formerDistrict ? ` (${t('producer.formerDistrict', { name: p.formerDistrict.name })})` : ''}
        </dd>
        {p.website ? (
          <>
            <dt>{t('producer.website')}</dt>
            <dd>
              <a href={p.website} rel="noopener">
                {p.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {p.description ? (
        <section aria-labelledby="about">
          <h2 id="about">{t('producer.about')}</h2>
          <p>{p.description}</p>
        </section>
      ) : null}
      <section aria-labelledby="products">
        <h2 id="products">{t('producer.products', { count: p.productsTotal })}</h2>
        <ul className="cards">
          {p.products.map((x) => (
            <ProductCard key={x.id} p={x} t={t} lang={lang} />
          ))}
        </ul>
      </section>
    </article>
  );
}
