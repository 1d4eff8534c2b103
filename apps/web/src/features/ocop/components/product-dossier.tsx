import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopDossierFeedback, OcopDossierListItem, OcopProduct } from '@hoptac/core';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { formatDay, sentenceCase } from '../text.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useOcopDossierFeedback, useProductDossier } from '../dossiers-api.ts';
import { CertificateStatusBadge, DossierStatusBadge, OutcomeBadge, StarRating } from './badges.tsx';
import { DossierHistory } from './dossier-view.tsx';
import { NextStarPlanView } from './next-star-plan.tsx';

type FeedbackResult = NonNullable<OcopDossierFeedback['result']>;

const NO_ASSUMED: ReadonlySet<string> = new Set();

/** The council's result as the producer reads it: per criterion, the remarks without names, the plan. */
function FeedbackResultView({ result }: { result: FeedbackResult }) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  const titles = new Map(result.criteria.map((c) => [c.code, sentenceCase(c.title)]));
  return (
    <div className="stack ocop-feedback">
      <h3>{t('result.title')}</h3>
      <div className="ocop-summary__total" role="status">
        <span className="ocop-summary__points">{t('result.total', { total: n(result.total) })}</span>{' '}
        <StarRating star={result.star} />
      </div>
      {result.star !== null && result.bandStar !== result.star ? (
        <p className="small">{t('summary.bandBelow', { band: result.bandStar, star: result.star })}</p>
      ) : null}
      {result.knockedOut ? (
        <p className="small ocop-note ocop-note--knockout">
          <strong>{t('result.knockedOut')} </strong>
          {result.knockedOut.reason}
        </p>
      ) : null}

      <section aria-labelledby="ocop-feedback-criteria-title">
        <h3 id="ocop-feedback-criteria-title">{t('feedback.criteriaTitle')}</h3>
        <div className="table-wrap">
          <table className="table ocop-feedback-criteria">
            <caption className="sr-only">{t('feedback.criteriaCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('aggregate.columns.criterion')}</th>
                <th scope="col" className="num">
                  {t('feedback.columns.points')}
                </th>
              </tr>
            </thead>
            {(['A', 'B', 'C'] as const).map((part) => (
              <tbody key={part}>
                <tr className="ocop-feedback__part">
                  <th scope="rowgroup" colSpan={2}>
                    {t('result.part', { code: part })} · {t('products.points', { points: n(result.parts[part]) })}
                  </th>
                </tr>
                {result.criteria
                  .filter((c) => c.part === part)
                  .map((c) => (
                    <tr key={c.code} className={c.consensusPoints < c.maxPoints ? undefined : 'row--muted'}>
                      <td data-label={t('aggregate.columns.criterion')}>
                        {c.code}. {titles.get(c.code)}
                      </td>
                      <td data-label={t('feedback.columns.points')} className="num">
                        {t('summary.partPoints', { points: n(c.consensusPoints), max: n(c.maxPoints) })}
                      </td>
                    </tr>
                  ))}
              </tbody>
            ))}
          </table>
        </div>
      </section>

      <section aria-labelledby="ocop-feedback-comments-title">
        <h3 id="ocop-feedback-comments-title">{t('feedback.commentsTitle')}</h3>
        {result.memberComments.length === 0 ? (
          <p className="muted">{t('feedback.noComments')}</p>
        ) : (
          <ul className="ocop-member-comments">
            {result.memberComments.map((c, i) => (
              <li key={i}>
                <strong>
                  {c.criterion ? `${c.criterion}. ${titles.get(c.criterion) ?? ''}` : t('feedback.generalComment')}
                </strong>
                <span className="ocop-pre">{c.comment}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {result.nextStar.targetStar !== null ? (
        <div className="ocop-summary ocop-feedback__plan">
          <NextStarPlanView plan={result.nextStar} assumed={NO_ASSUMED} />
        </div>
      ) : result.nextStar.reason === 'ALREADY_TOP' ? (
        <p className="small">{t('plan.top')}</p>
      ) : null}
    </div>
  );
}

function DossierFeedback({ dossier }: { dossier: OcopDossierListItem }) {
  const { t, i18n } = useTranslation('ocop');
  const feedback = useOcopDossierFeedback(dossier.id);
  if (feedback.isPending) return <Loading />;
  if (feedback.isError) return <ErrorMessage error={feedback.error} onRetry={() => void feedback.refetch()} />;
  const f = feedback.data;
  return (
    <>
      <p className="page-header__meta">
        <DossierStatusBadge status={f.status} />
        {f.outcome && f.status === 'confirmed' ? <OutcomeBadge outcome={f.outcome} /> : null}
        <span>{f.round.name}</span>
      </p>
      {f.status === 'returned' ? (
        <div className="callout callout--warn" role="note">
          <p className="callout__title">{t('feedback.returnedTitle')}</p>
          <p>{t('feedback.returned')}</p>
        </div>
      ) : (
        <p>{t(`feedback.status.${f.status}`)}</p>
      )}
      {f.outcome && f.status === 'confirmed' ? <p className="small">{t(`outcomeHint.${f.outcome}`)}</p> : null}
      {f.certificate ? (
        <div className="callout callout--ok" role="note">
          <div>
            <p className="callout__title">{t('dossier.certificateTitle')}</p>
            <p>
              <Link to="/ocop/certificates/$number" params={{ number: f.certificate.number }}>
                {f.certificate.number}
              </Link>{' '}
              <CertificateStatusBadge status={f.certificate.status} />{' '}
              <span className="muted">
                {t('certificate.validUntilShort', { date: formatDay(f.certificate.validUntil, i18n.language) })}
              </span>
            </p>
          </div>
        </div>
      ) : null}
      {f.comments.length > 0 ? (
        <section aria-labelledby="ocop-feedback-history-title">
          <h3 id="ocop-feedback-history-title">{t('feedback.historyTitle')}</h3>
          <DossierHistory events={f.comments} />
        </section>
      ) : null}
      {f.result ? <FeedbackResultView result={f.result} /> : null}
    </>
  );
}

/**
 * On the product page: the product's latest dossier — its status, the officials' comments and,
 * once the council has confirmed, the result the producer can learn from.
 */
export function ProductDossier({ product }: { product: OcopProduct }) {
  const { t } = useTranslation('ocop');
  const dossier = useProductDossier(product);
  if (dossier.isPending) return null;
  if (dossier.isError) return <ErrorMessage error={dossier.error} onRetry={() => void dossier.refetch()} />;
  if (!dossier.data) return null;
  return (
    <section className="card stack ocop-product-dossier" aria-labelledby="ocop-product-dossier-title">
      <div className="card__head">
        <h2 id="ocop-product-dossier-title">{t('feedback.title')}</h2>
        <Link to="/ocop/dossiers/$id" params={{ id: dossier.data.id }} className="btn btn--secondary btn--sm">
          {t('feedback.openDossier')}
        </Link>
      </div>
      <DossierFeedback dossier={dossier.data} />
    </section>
  );
}
