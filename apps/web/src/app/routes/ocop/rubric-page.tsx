import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import {
  RubricFacts,
  RubricGuide,
  RubricSources,
  StarBands,
  shortSheetTitle,
  useRubric,
} from '../../../features/ocop/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { NotFoundPage } from '../not-found.tsx';

const route = getRouteApi('/ocop/rubrics/$id');

export function RubricPage() {
  const { t } = useTranslation('ocop');
  const { id } = route.useParams();
  const sheet = useRubric(id);
  useDocumentTitle(sheet.data ? shortSheetTitle(sheet.data.title) : t('rubrics.title'));

  if (sheet.isError && isApiError(sheet.error) && (sheet.error.code === 'NOT_FOUND' || sheet.error.status === 400))
    return <NotFoundPage />;

  return (
    <>
      <nav className="breadcrumb" aria-label={t('rubric.breadcrumb')}>
        <Link to="/ocop/rubrics">
          <span aria-hidden="true">← </span>
          {t('rubric.back')}
        </Link>
      </nav>
      {sheet.isPending ? (
        <Loading />
      ) : sheet.isError ? (
        <ErrorMessage error={sheet.error} onRetry={() => void sheet.refetch()} />
      ) : (
        <div className="stack">
          <header className="page-header ocop-sheet-header">
            <p className="eyebrow">
              {sheet.data.sheetNumber
                ? t('rubric.eyebrowNumbered', { n: sheet.data.sheetNumber, decision: sheet.data.decision.number })
                : t('rubric.eyebrow', { decision: sheet.data.decision.number })}
            </p>
            <h1>{sheet.data.title}</h1>
            {sheet.data.subheading ? <p className="page-header__intro">{sheet.data.subheading}</p> : null}
          </header>
          {!sheet.data.decision.current ? (
            <div className="callout callout--warn" role="note">
              <p className="callout__title">{t('rubric.historicalTitle')}</p>
              <p>
                {t('rubric.historicalBody', {
                  decision: sheet.data.decision.number,
                  supersededBy: sheet.data.decision.supersededBy ?? '—',
                })}
              </p>
            </div>
          ) : null}
          {sheet.data.coverage === 'fragment' ? (
            <div className="callout callout--warn" role="note">
              <p className="callout__title">{t('rubric.fragmentTitle')}</p>
              <p>{t('rubric.fragmentBody')}</p>
            </div>
          ) : null}
          <div className="grid-2">
            <RubricFacts sheet={sheet.data} />
            <StarBands sheet={sheet.data} />
          </div>
          <RubricGuide sheet={sheet.data} />
          <RubricSources sheet={sheet.data} />
        </div>
      )}
    </>
  );
}
