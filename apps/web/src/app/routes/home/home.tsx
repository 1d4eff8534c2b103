import { Link, createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../features/identity/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { rootRoute } from '../root.tsx';

const ROADMAP = ['ocop', 'catalog', 'market'] as const;

function HomePage() {
  const { t } = useTranslation('common');
  const { data: user } = useMe();
  useDocumentTitle();

  return (
    <div className="home">
      <section className="hero">
        <p className="hero__eyebrow">{t('home.eyebrow')}</p>
        <h1 id="home-title" className="hero__title">
          {t('app.name')}
        </h1>
        <p className="hero__tagline">{t('app.tagline')}</p>
        <p className="hero__lead">{t('home.lead')}</p>
      </section>

      <section className="cards" aria-label={t('home.now')}>
        <article className="card card--feature">
          <p className="card__eyebrow">{t('home.now')}</p>
          <h2>{t('home.unitsTitle')}</h2>
          <p>{t('home.unitsBody')}</p>
          <Link to="/units" className="btn btn--primary">
            {t('home.unitsCta')}
          </Link>
        </article>
        <article className="card card--feature">
          <p className="card__eyebrow">{t('home.now')}</p>
          <h2>{t('home.registryTitle')}</h2>
          <p>{t('home.registryBody')}</p>
          <Link to="/registry" className="btn btn--primary">
            {t('home.registryCta')}
          </Link>
        </article>
        <article className="card card--feature">
          <p className="card__eyebrow">{t('home.now')}</p>
          <h2>{t('home.ocopTitle')}</h2>
          <p>{t('home.ocopBody')}</p>
          <Link to="/ocop/rubrics" className="btn btn--primary">
            {t('home.ocopCta')}
          </Link>
        </article>
        <article className="card card--feature">
          <p className="card__eyebrow">{t('home.now')}</p>
          <h2>{t('home.signInTitle')}</h2>
          <p>{t('home.signInBody')}</p>
          {user ? (
            <Link to="/account" className="btn btn--secondary">
              {t('home.accountCta')}
            </Link>
          ) : (
            <Link to="/login" className="btn btn--secondary">
              {t('home.signInCta')}
            </Link>
          )}
        </article>
      </section>

      <section className="roadmap">
        <h2 id="roadmap-title">
          {t('home.roadmapTitle')} <span className="badge badge--amber">{t('home.soon')}</span>
        </h2>
        <ul className="roadmap__list">
          {ROADMAP.map((key) => (
            <li key={key}>{t(`home.roadmap.${key}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomePage,
});
