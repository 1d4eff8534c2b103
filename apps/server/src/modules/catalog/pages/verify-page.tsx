/** @jsxRuntime automatic @jsxImportSource react */
import type { PublicLanguage, VerifyResult } from '@hoptac/core';
import { formatDate, type Translate } from './i18n.ts';
import { Stars } from './layout.tsx';
import { publicProductPath } from '@hoptac/core';
import { producerPath } from './product-card.tsx';

/** The page behind a QR code: the state in big letters first, then the facts it rests on. */
export function VerifyPage(props: { result: VerifyResult; checkedAt: string; t: Translate; lang: PublicLanguage }) {
  const { result: r, t, lang } = props;
  const c = r.certificate;
  return (
    <article>
      <p className="muted">{t('verify.title')}</p>
      <div className={`state ${r.status}`} role="status">
        <h1>{t(`verify.state.${r.status}`)}</h1>
        <p>
          {r.status === 'unknown' ? t('verify.explain.unknown', { code: r.code }) : t(`verify.explain.${r.status}`)}
        </p>
      </div>
      {r.status === 'unknown' ? (
        <div className="panel">
          <p>{t('verify.unknownHelp')}</p>
          <form className="searchbox" role="search" action="/catalog" method="get">
            <input name="q" type="search" aria-label={t('search.label')} placeholder={t('search.placeholder')} />
            <button type="submit">{t('search.submit')}</button>
          </form>
          <p>
            <a href="/catalog">{t('verify.searchCatalog')}</a>
          </p>
        </div>
      ) : (
        <dl className="facts panel">
          {r.product ? (
            <>
              <dt>{t('verify.product')}</dt>
              <dd>
                {r.status === 'revoked' ? (
                  r.product.name
                ) : (
                  <a href={publicProductPath(r.product.id)}>{r.product.name}</a>
                )}
              </dd>
            </>
          ) : null}
          {r.producer ? (
            <>
              <dt>{t('product.producer')}</dt>
              <dd>
                {r.status === 'revoked' ? r.producer.name : <a href={producerPath(r.producer.id)}>{r.producer.name}</a>}
                , {r.producer.communeName}
              </dd>
            </>
          ) : null}
          {c ? (
            <>
              <dt>{t('facet.stars')}</dt>
              <dd>
                <Stars count={c.star} t={t} /> {t('verify.stars', { count: c.star })}
              </dd>
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
              <dd>{formatDate(lang, c.validUntil)}</dd>
              {c.revokedOn ? (
                <>
                  <dt>{t('verify.revokedOn')}</dt>
                  <dd>{formatDate(lang, c.revokedOn)}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
      )}
      <p className="muted">{t('verify.checkedAt', { time: props.checkedAt })}</p>
    </article>
  );
}
