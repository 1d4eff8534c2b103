import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopProduct } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { Notice } from '../../../components/error-message.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { ProductForm } from './product-form.tsx';

/** The product's verification QR code (GS1 Digital Link or short code) and its files for printing. */
function ProductQr({ qr, name }: { qr: NonNullable<OcopProduct['qr']>; name: string }) {
  const { t } = useTranslation('ocop');
  return (
    <span className="ocop-qr">
      <img src={qr.svgPath} alt={t('profile.qrAlt', { name })} width={120} height={120} />
      <span>
        <a href={qr.svgPath} download>
          SVG
        </a>{' '}
        ·{' '}
        <a href={qr.pngPath} download>
          PNG
        </a>
      </span>
    </span>
  );
}

function ProductFacts({ product: p }: { product: OcopProduct }) {
  const { t, i18n } = useTranslation('ocop');
  const price =
    p.priceVnd !== null
      ? `${formatNumber(p.priceVnd, i18n.language)} VND${p.priceUnit ? ` / ${p.priceUnit}` : ''}`
      : null;
  const rows: [string, ReactNode][] = [
    [t('fields.productSet'), p.productSet],
    [t('fields.description'), p.description],
    [t('fields.packaging'), p.packaging],
    [t('fields.priceVnd'), price],
    [t('fields.annualCapacity'), p.annualCapacity],
    [t('fields.ingredientsOrigin'), p.ingredientsOrigin],
    [t('fields.gtin'), p.gtin],
    [t('profile.qr'), p.qr ? <ProductQr qr={p.qr} name={p.name} /> : null],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd className="ocop-pre">{value ?? <span className="muted">{t('profile.empty')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The product's profile; a draft's editors change it in place. */
export function ProductProfile({ product }: { product: OcopProduct }) {
  const { t } = useTranslation('ocop');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editable = product.canEdit && product.status === 'draft';
  return (
    <section className="card" aria-labelledby="ocop-profile-title">
      <div className="card__head">
        <h2 id="ocop-profile-title">{editing ? t('profile.editTitle') : t('profile.title')}</h2>
        {editable && !editing ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('profile.edit')}
          </Button>
        ) : null}
      </div>
      {saved ? <Notice>{t('profile.saved')}</Notice> : null}
      {editing && editable ? (
        <ProductForm
          product={product}
          entityChoice={{ kind: 'fixed', entity: { id: product.entity.id, name: product.entity.name } }}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <ProductFacts product={product} />
      )}
    </section>
  );
}
