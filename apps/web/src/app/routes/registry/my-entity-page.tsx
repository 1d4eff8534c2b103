import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MyReportCallout } from '../../../features/registry/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from './access.tsx';
import { EntityView } from './entity-view.tsx';

const route = getRouteApi('/my-entity');

export function MyEntityPage() {
  const { t } = useTranslation('registry');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/my-entity' });
  useDocumentTitle(t('my.title'));

  return (
    <RequireAnyRole roles={['entity_member']} message={t('access.entityMembers')}>
      {(user) =>
        user.entityId ? (
          <>
            <p className="eyebrow">{t('my.title')}</p>
            <EntityView
              id={user.entityId}
              tab={search.tab ?? 'reports'}
              year={search.year}
              onTabChange={(tab) =>
                void navigate({
                  search: (prev) => ({ ...prev, tab: tab === 'reports' ? undefined : tab }),
                  replace: true,
                })
              }
              onYearChange={(year) => void navigate({ search: (prev) => ({ ...prev, tab: undefined, year }) })}
              banner={
                <MyReportCallout
                  entityId={user.entityId}
                  onOpen={(year) =>
                    void navigate({ search: (prev) => ({ ...prev, tab: undefined, year }) }).then(() =>
                      // The form is below the year cards: take the user to it.
                      document.getElementById('report-title')?.scrollIntoView({ block: 'start' }),
                    )
                  }
                />
              }
            />
          </>
        ) : (
          <section className="message-page" aria-labelledby="no-entity-title">
            <h1 id="no-entity-title">{t('my.title')}</h1>
            <p>{t('my.noEntity')}</p>
          </section>
        )
      }
    </RequireAnyRole>
  );
}
