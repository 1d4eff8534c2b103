import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { useMe } from '../../../features/identity/index.ts';
import { EntityWorkspace, useEntity, type EntityTab } from '../../../features/registry/index.ts';
import { isApiError } from '../../../lib/api.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { communeChoiceFor } from './access.tsx';

/** The tabs of one entity, shared by the register's entity page and "my cooperative". */
export function EntityView({
  id,
  tab,
  year,
  onTabChange,
  onYearChange,
  banner,
}: {
  id: string;
  tab: EntityTab;
  year: number | undefined;
  onTabChange: (tab: EntityTab) => void;
  onYearChange: (year: number) => void;
  banner?: ReactNode;
}) {
  const { t } = useTranslation('registry');
  const { data: user } = useMe();
  const entity = useEntity(id);
  useDocumentTitle(entity.data?.name ?? t('entity.title'));

  if (entity.isPending) return <Loading />;
  if (entity.isError) {
    if (isApiError(entity.error) && entity.error.status === 404) {
      return (
        <section className="message-page" aria-labelledby="entity-missing">
          <h1 id="entity-missing">{t('entity.notFound')}</h1>
          <p>{t('entity.notFoundBody')}</p>
        </section>
      );
    }
    return <ErrorMessage error={entity.error} onRetry={() => void entity.refetch()} />;
  }
  const data = entity.data;
  return (
    <EntityWorkspace
      entity={data}
      tab={tab}
      year={year}
      onTabChange={onTabChange}
      onYearChange={onYearChange}
      communeChoice={communeChoiceFor(user, data.visibility === 'full' ? data : undefined)}
      banner={banner}
    />
  );
}
