import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { RubricList, useRubrics } from '../../../features/ocop/index.ts';
import { useDebouncedSearch } from '../../../lib/use-debounced.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

const route = getRouteApi('/ocop/rubrics');

export function RubricsPage() {
  const { t } = useTranslation('ocop');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/ocop/rubrics' });
  const rubrics = useRubrics();
  // The list filters as one types; the URL follows after a pause, so a link keeps the search.
  const [text, setText] = useDebouncedSearch(
    search.q ?? '',
    (q) => void navigate({ search: q ? { q } : {}, replace: true }),
  );
  useDocumentTitle(t('rubrics.title'));

  return (
    <>
      <PageHeader title={t('rubrics.title')} intro={t('rubrics.intro')} />
      <div className="callout callout--cta ocop-transition" role="note">
        <div>
          <p className="callout__title">{t('rubrics.transitionTitle')}</p>
          <p>{t('rubrics.transition')}</p>
        </div>
      </div>
      <div className="filters ocop-rubric-search" role="search" aria-label={t('rubrics.searchLabel')}>
        <TextField
          label={t('rubrics.search')}
          type="search"
          name="q"
          placeholder={t('rubrics.searchPlaceholder')}
          hint={t('rubrics.searchHint')}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {rubrics.isPending ? (
        <Loading />
      ) : rubrics.isError ? (
        <ErrorMessage error={rubrics.error} onRetry={() => void rubrics.refetch()} />
      ) : (
        <RubricList rubrics={rubrics.data} query={text} />
      )}
    </>
  );
}
