/** @jsxRuntime automatic @jsxImportSource react */
import type { PublicLanguage } from '@hoptac/core';
import type { ReactNode } from 'react';
import type { Translate } from './i18n.ts';

export type PageMeta = {
  title: string;
  description: string;
  /** This page's own path and query, for the language switch and canonical link. */
  path: string;
  /** Open Graph type: website, product, profile. */
  ogType?: string;
  /** schema.org objects, written as JSON-LD. */
  jsonLd?: object[];
  /** Enhancement scripts (asset URLs), loaded deferred after the page is readable. */
  scripts?: string[];
  styles?: string[];
  noindex?: boolean;
};

/** JSON for a <script> element: "</" cannot end the element early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The path with ?lang= set, keeping the rest of the query. */
export function withLang(path: string, lang: PublicLanguage): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export function Layout(props: {
  lang: PublicLanguage;
  t: Translate;
  meta: PageMeta;
  origin: string;
  css: string;
  children: ReactNode;
}) {
  const { lang, t, meta, origin } = props;
  const other: PublicLanguage = lang === 'vi' ? 'en' : 'vi';
  const canonical = `${origin}${meta.path}`;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${meta.title} · ${t('site')}`}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={canonical} />
        <meta property="og:site_name" content={t('site')} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={lang === 'vi' ? 'vi_VN' : 'en_GB'} />
        <style dangerouslySetInnerHTML={{ __html: props.css }} />
        {(meta.styles ?? []).map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {(meta.jsonLd ?? []).map((o, i) => (
          <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(o) }} />
        ))}
        {(meta.scripts ?? []).map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <a className="skip" href="#main">
          {t('skip')}
        </a>
        <header className="site">
          <div className="bar">
            <a className="home" href="/catalog">
              {t('site')}
            </a>
            <nav aria-label={t('site')}>
              <a href="/catalog">{t('nav.catalog')}</a>
              <a href="/outlets">{t('nav.outlets')}</a>
              <a href={withLang(meta.path, other)} hrefLang={other} lang={other}>
                {t('lang.switch')}
              </a>
            </nav>
          </div>
        </header>
        <main id="main">{props.children}</main>
        <footer>{t('footer')}</footer>
      </body>
    </html>
  );
}

export function Stars({ count, t }: { count: number; t: Translate }) {
  return (
    <span className="stars" role="img" aria-label={t('stars', { count })}>
      {'★'.repeat(count)}
    </span>
  );
}

export function ValidityBadge({ status, t }: { status: 'valid' | 'expired' | 'revoked'; t: Translate }) {
  return <span className={`badge ${status}`}>{t(`validity.${status}`)}</span>;
}
