import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopDossier, OcopDossierEvent } from '@hoptac/core';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { CertificateStatusBadge, DossierStatusBadge, OutcomeBadge, StarRating } from './badges.tsx';

/** Product, entity, round, status and outcome; the producer's own score for reference. */
export function DossierHeader({ dossier: d, eyebrow }: { dossier: OcopDossier; eyebrow?: string }) {
  const { t, i18n } = useTranslation('ocop');
  return (
    <header className="page-header entity-header">
      <p className="eyebrow">{eyebrow ?? t('dossier.eyebrow', { year: d.round.year })}</p>
      <h1>{d.product.name}</h1>
      <p className="page-header__meta">
        <DossierStatusBadge status={d.status} />
        {d.outcome && d.status === 'confirmed' ? <OutcomeBadge outcome={d.outcome} /> : null}
        <span>{d.entity.name}</span>
        <span>{d.entity.communeName}</span>
      </p>
      <p className="page-header__meta">
        <span>
          {t('product.sheet')}{' '}
          <Link to="/ocop/rubrics/$id" params={{ id: d.rubricId }}>
            {d.product.productSet}
          </Link>{' '}
          <span className="muted">{t('dossier.version', { n: d.rubricVersion })}</span>
        </span>
        {d.selfTotal !== null ? (
          <span>
            {t('dossier.selfScore')} <StarRating star={d.selfStar} />{' '}
            <span className="muted">
              ({t('products.points', { points: formatNumber(d.selfTotal, i18n.language) })})
            </span>
          </span>
        ) : null}
      </p>
    </header>
  );
}

/** What the producer filed about the product. */
export function DossierFacts({ dossier: d }: { dossier: OcopDossier }) {
  const { t, i18n } = useTranslation('ocop');
  const price =
    d.priceVnd !== null
      ? `${formatNumber(d.priceVnd, i18n.language)} VND${d.priceUnit ? ` / ${d.priceUnit}` : ''}`
      : null;
  const rows: [string, ReactNode][] = [
    [t('fields.productSet'), d.product.productSet],
    [t('fields.description'), d.description],
    [t('fields.packaging'), d.packaging],
    [t('fields.priceVnd'), price],
    [t('fields.annualCapacity'), d.annualCapacity],
    [t('fields.ingredientsOrigin'), d.ingredientsOrigin],
    [t('dossier.receivedAt'), formatDateTime(d.receivedAt, i18n.language)],
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

/** The dossier's steps, oldest first, with the officials' and council's words (never their names). */
export function DossierHistory({ events }: { events: OcopDossierEvent[] }) {
  const { t, i18n } = useTranslation('ocop');
  if (events.length === 0) return null;
  return (
    <ol className="timeline ocop-timeline">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className={`timeline__item ocop-event--${e.action}`}>
          <div className="timeline__head">
            <span className="timeline__date">{t(`events.${e.action}`)}</span>
            <span className="muted small">{formatDateTime(e.at, i18n.language)}</span>
          </div>
          {e.comment ? <p className="ocop-pre ocop-event__comment">{e.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The council's confirmed result: total, parts, star (or the knock-out), and the minutes for those who may read them. */
export function ConfirmedResult({ dossier: d }: { dossier: OcopDossier }) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  const r = d.result;
  if (!r) return null;
  return (
    <section className="card stack ocop-result" aria-labelledby="ocop-result-title">
      <h2 id="ocop-result-title">{t('result.title')}</h2>
      <div className="ocop-summary__total">
        <span className="ocop-summary__points">{t('result.total', { total: n(r.total) })}</span>{' '}
        <StarRating star={r.star} />
      </div>
      {r.star !== null && r.bandStar !== r.star ? (
        <p className="small">{t('summary.bandBelow', { band: r.bandStar, star: r.star })}</p>
      ) : null}
      {r.knockedOut ? (
        <p className="small ocop-note ocop-note--knockout">
          <strong>{t('result.knockedOut')} </strong>
          {r.knockedOut.reason}
        </p>
      ) : null}
      <dl className="ocop-parts">
        {(['A', 'B', 'C'] as const).map((code) => (
          <div key={code} className="ocop-parts__row">
            <dt>{t('result.part', { code })}</dt>
            <dd>{t('products.points', { points: n(r.parts[code]) })}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        {t('result.meta', { members: r.members, date: formatDateTime(r.confirmedAt, i18n.language) })}
      </p>
      {d.outcome && d.status === 'confirmed' ? <p className="small">{t(`outcomeHint.${d.outcome}`)}</p> : null}
      {r.minutes ? (
        <div className="subtle-box">
          <h3 className="small">{t('result.minutes')}</h3>
          <p className="ocop-pre">{r.minutes}</p>
        </div>
      ) : null}
    </section>
  );
}

/** The certificate issued on the dossier, with the way to it. */
export function DossierCertificate({ certificate }: { certificate: NonNullable<OcopDossier['certificate']> }) {
  const { t } = useTranslation('ocop');
  return (
    <div className="callout callout--ok ocop-certificate-callout" role="note">
      <div>
        <p className="callout__title">{t('dossier.certificateTitle')}</p>
        <p>
          <Link to="/ocop/certificates/$number" params={{ number: certificate.number }}>
            {certificate.number}
          </Link>{' '}
          <CertificateStatusBadge status={certificate.status} />
        </p>
      </div>
    </div>
  );
}
