/** @jsxRuntime automatic @jsxImportSource react */
import { publicProductPath, type CatalogProductCard, type PublicLanguage } from '@hoptac/core';
import { formatVnd, type Translate } from './i18n.ts';
import { Stars, ValidityBadge } from './layout.tsx';

export const producerPath = (id: string) => `/catalog/producers/${id}`;

export function ProductCard({ p, t, lang }: { p: CatalogProductCard; t: Translate; lang: PublicLanguage }) {
  return (
    <li className="card">
      <h3>
        <a href={publicProductPath(p.id)}>{p.name}</a>
      </h3>
      <div>
        <Stars count={p.stars} t={t} /> <ValidityBadge status={p.certificate.status} t={t} />
      </div>
      <div className="meta">
        {p.producer.name} · {p.commune.name}
      </div>
      {p.priceVnd !== null ? (
        <div className="meta">
          {p.priceUnit
            ? t('product.pricePer', { price: formatVnd(lang, p.priceVnd), unit: p.priceUnit })
            : formatVnd(lang, p.priceVnd)}
        </div>
      ) : null}
    </li>
  );
}
