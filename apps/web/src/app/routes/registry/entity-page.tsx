import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/error-message.tsx';
import { useMe } from '../../../features/identity/index.ts';
import { NotFoundPage } from '../not-found.tsx';
import { isOfficial } from './access.tsx';
import { EntityView } from './entity-view.tsx';

const route = getRouteApi('/registry/$id');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function EntityPage() {
  const { t } = useTranslation('registry');
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/registry/$id' });
  const { data: user } = useMe();
  if (!UUID.test(id)) return <NotFoundPage />;

  return (
    <>
      <nav className="breadcrumb" aria-label={t('entity.breadcrumb')}>
        <Link to="/registry">
          <span aria-hidden="true">← </span>
          {isOfficial(user) ? t('entity.back') : t('entity.backPublic')}
        </Link>
      </nav>
      <EntityView
        key={id}
        id={id}
        tab={search.tab ?? 'profile'}
        year={search.year}
        banner={search.created ? <Notice>{t('create.done')}</Notice> : undefined}
        onTabChange={(tab) =>
          void navigate({
            search: (prev) => ({ ...prev, created: undefined, tab: tab === 'profile' ? undefined : tab }),
            replace: true,
          })
        }
        onYearChange={(year) =>
          void navigate({ search: (prev) => ({ ...prev, created: undefined, tab: 'reports', year }) })
        }
      />
    </>
  );
}
