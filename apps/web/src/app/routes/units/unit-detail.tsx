import { Link, createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '@hoptac/core';
import { SCHEMES } from '../../../lib/domain.ts';
import { Badge } from '../../../components/badge.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { UnitFacts, UnitMapping, useUnit } from '../../../features/places/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { NotFoundPage } from '../not-found.tsx';
import { rootRoute } from '../root.tsx';

function isScheme(value: string): value is Scheme {
  return (SCHEMES as readonly string[]).includes(value);
}

function UnitDetailView({ scheme, code }: { scheme: Scheme; code: string }) {
  const { t } = useTranslation('places');
  const unit = useUnit(scheme, code);
  useDocumentTitle(unit.data?.fullName ?? t('title'));

  const back = (
    <nav className="breadcrumb" aria-label={t('detail.breadcrumb')}>
      <Link to="/units" search={{ scheme }}>
        <span aria-hidden="true">← </span>
        {t('detail.back')}
      </Link>
    </nav>
  );

  if (unit.isPending) return <Loading />;
  if (unit.isError) {
    const missing = isApiError(unit.error) && unit.error.status === 404;
    return (
      <>
        {back}
        {missing ? (
          <section className="message-page" aria-labelledby="unit-missing">
            <h1 id="unit-missing">{t('detail.notFound')}</h1>
          </section>
        ) : (
          <ErrorMessage error={unit.error} onRetry={() => void unit.refetch()} />
        )}
      </>
    );
  }

  const data = unit.data;
  return (
    <>
      {back}
      <header className="page-header">
        <h1>{data.fullName}</h1>
        <p className="page-header__meta">
          <Badge tone={data.scheme === '2025-07' ? 'green' : 'neutral'}>{t(`scheme.${data.scheme}`)}</Badge>
          <span>{t(`type.${data.type}`)}</span>
          <code className="code">{data.code}</code>
        </p>
      </header>
      <div className="grid-2">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('detail.facts')}</h2>
          <UnitFacts unit={data} />
        </section>
        <UnitMapping unit={data} />
      </div>
    </>
  );
}

function UnitDetailPage() {
  const { scheme, code } = unitDetailRoute.useParams();
  if (!isScheme(scheme) || !/^\d{2,5}$/.test(code)) return <NotFoundPage />;
  // Keyed so moving between units never shows the previous unit's data.
  return <UnitDetailView key={`${scheme}:${code}`} scheme={scheme} code={code} />;
}

export const unitDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units/$scheme/$code',
  component: UnitDetailPage,
});
