import { useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopCertificate } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { Notice } from '../../../components/error-message.tsx';
import { SelectField, TextAreaField } from '../../../components/field.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { certificatePdfUrl, useRevokeOcopCertificate, type OcopCertificateFilterValue } from '../certificates-api.ts';
import { formatDay, OCOP_CERTIFICATE_STATUSES } from '../text.ts';
import { CertificateStatusBadge, StarRating } from './badges.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { OcopErrorMessage } from './ocop-error.tsx';

export function CertificateTable({ certificates }: { certificates: OcopCertificate[] }) {
  const { t, i18n } = useTranslation('ocop');
  return (
    <div className="table-wrap">
      <table className="table table--stack table--compact">
        <caption className="sr-only">{t('certificates.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('certificates.columns.number')}</th>
            <th scope="col">{t('certificates.columns.product')}</th>
            <th scope="col">{t('certificates.columns.star')}</th>
            <th scope="col">{t('certificates.columns.status')}</th>
            <th scope="col">{t('certificates.columns.validUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((c) => (
            <tr key={c.number}>
              <td data-label={t('certificates.columns.number')}>
                <Link to="/ocop/certificates/$number" params={{ number: c.number }} className="cell-title">
                  {c.number}
                </Link>
                <span className="cell-sub">
                  {t('certificate.decisionShort', {
                    number: c.decision.number,
                    date: formatDay(c.decision.date, i18n.language),
                  })}
                </span>
              </td>
              <td data-label={t('certificates.columns.product')}>
                {c.product.name}
                <span className="cell-sub">
                  {c.entity.name} · {c.entity.communeName}
                </span>
              </td>
              <td data-label={t('certificates.columns.star')}>
                <StarRating star={c.star} />
              </td>
              <td data-label={t('certificates.columns.status')}>
                <CertificateStatusBadge status={c.status} />
              </td>
              <td data-label={t('certificates.columns.validUntil')}>{formatDay(c.validUntil, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CertificateFilters({
  value,
  onChange,
}: {
  value: OcopCertificateFilterValue;
  onChange: (next: OcopCertificateFilterValue) => void;
}) {
  const { t } = useTranslation('ocop');
  return (
    <div className="filters ocop-certificate-filters" role="search" aria-label={t('certificates.filters.label')}>
      <SelectField
        label={t('certificates.filters.status')}
        name="status"
        value={value.status ?? ''}
        onChange={(e) => onChange({ ...value, status: OCOP_CERTIFICATE_STATUSES.find((s) => s === e.target.value) })}
      >
        <option value="">{t('certificates.filters.allStatuses')}</option>
        {OCOP_CERTIFICATE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`certificateStatus.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('certificates.filters.star')}
        name="star"
        value={value.star ? String(value.star) : ''}
        onChange={(e) => onChange({ ...value, star: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t('certificates.filters.allStars')}</option>
        {[3, 4, 5].map((s) => (
          <option key={s} value={s}>
            {t('star.label', { n: s })}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RevokeForm({ certificate, onDone }: { certificate: OcopCertificate; onDone: () => void }) {
  const { t } = useTranslation('ocop');
  const revoke = useRevokeOcopCertificate(certificate.number);
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const [asking, setAsking] = useState(false);
  return (
    <div className="form subtle-box">
      <h3>{t('certificate.revokeTitle')}</h3>
      {revoke.error ? <OcopErrorMessage error={revoke.error} scope="certificate" /> : null}
      <TextAreaField
        label={t('certificate.revokeReason')}
        hint={t('certificate.revokeReasonHint')}
        value={reason}
        error={short ? t('issue.reason_required') : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setShort(false);
        }}
      />
      <div className="form__actions">
        <Button
          variant="danger"
          onClick={() => {
            if (reason.trim().length < 3) {
              setShort(true);
              return;
            }
            setAsking(true);
          }}
        >
          {t('certificate.revoke')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('certificate.revokeConfirmTitle', { number: certificate.number })}
        confirmLabel={t('certificate.revoke')}
        cancelLabel={t('form.cancel')}
        busy={revoke.isPending}
        onConfirm={() =>
          // The form goes once the certificate reads revoked: callbacks of mutate() would not run.
          revoke.mutateAsync(reason.trim()).then(onDone, () => setAsking(false))
        }
        onCancel={() => setAsking(false)}
      >
        <p>{t('certificate.revokeConfirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

/** A certificate as the city, the commune and the producer see it: facts, the PDF, revocation. */
export function CertificateView({
  certificate: c,
  admin,
  issued,
}: {
  certificate: OcopCertificate;
  admin: boolean;
  issued: boolean;
}) {
  const { t, i18n } = useTranslation('ocop');
  const lang = i18n.language;
  const [revoking, setRevoking] = useState(false);
  const [revoked, setRevoked] = useState(false);
  return (
    <div className="stack">
      <header className="page-header entity-header">
        <p className="eyebrow">{t('certificate.eyebrow', { number: c.number })}</p>
        <h1>{c.product.name}</h1>
        <p className="page-header__meta">
          <CertificateStatusBadge status={c.status} />
          <StarRating star={c.star} />
          <span>{c.entity.name}</span>
          <span>{c.entity.communeName}</span>
        </p>
        <div className="toolbar">
          <a className="btn btn--primary" href={certificatePdfUrl(c.number)} download={`${c.number}.pdf`}>
            {t('certificate.downloadPdf')}
          </a>
          {/* The verify page is a server-rendered public page, outside the app. */}
          <a href={c.verifyPath} className="btn btn--secondary">
            {t('certificate.openVerify')}
          </a>
        </div>
      </header>
      {issued ? <Notice>{t('certificate.issued', { number: c.number })}</Notice> : null}
      {revoked ? <Notice>{t('certificate.revoked')}</Notice> : null}
      {c.status === 'revoked' ? (
        <div className="callout callout--warn" role="note">
          <p className="callout__title">{t('certificate.revokedTitle')}</p>
          <p>
            {c.revokedAt ? `${formatDateTime(c.revokedAt, lang)} · ` : ''}
            {c.revokedReason}
          </p>
        </div>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="ocop-certificate-facts">
          <h2 id="ocop-certificate-facts">{t('certificate.factsTitle')}</h2>
          <Facts
            rows={[
              [t('certificate.number'), <span className="code">{c.number}</span>],
              [t('certificate.star'), <StarRating star={c.star} />],
              [t('certificate.total'), t('products.points', { points: formatNumber(c.total, lang) })],
              [t('certificate.product'), c.product.name],
              [t('certificate.entity'), c.entity.name],
              [t('certificate.commune'), c.entity.communeName],
            ]}
          />
        </section>
        <section className="card" aria-labelledby="ocop-certificate-decision">
          <h2 id="ocop-certificate-decision">{t('certificate.decisionTitle')}</h2>
          <Facts
            rows={[
              [t('certificate.decisionNumber'), c.decision.number],
              [t('certificate.decisionDate'), formatDay(c.decision.date, lang)],
              [t('certificate.issuer'), c.decision.issuerName],
              [t('certificate.issuedOn'), formatDay(c.issuedOn, lang)],
              [t('certificate.validUntil'), formatDay(c.validUntil, lang)],
              [
                t('certificate.verify'),
                <a href={c.verifyPath} className="ocop-url">
                  {`${window.location.origin}${c.verifyPath}`}
                </a>,
              ],
            ]}
          />
          <p className="small">
            <Link to="/ocop/dossiers/$id" params={{ id: c.dossierId }}>
              {t('certificate.openDossier')}
            </Link>
          </p>
        </section>
      </div>
      {admin && c.status !== 'revoked' ? (
        <section className="card">
          {revoking ? (
            <RevokeForm
              certificate={c}
              onDone={() => {
                setRevoking(false);
                setRevoked(true);
              }}
            />
          ) : (
            <div className="card__head">
              <div>
                <h2>{t('certificate.revokeTitle')}</h2>
                <p className="muted small">{t('certificate.revokeIntro')}</p>
              </div>
              <Button variant="danger" size="sm" onClick={() => setRevoking(true)}>
                {t('certificate.revokeStart')}
              </Button>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
