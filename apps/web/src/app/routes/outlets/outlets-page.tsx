import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import { OutletTable, useOutlets } from '../../../features/outlets/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { OUTLET_ROLES } from './access.ts';
import { useState } from 'react';

const route = getRouteApi('/manage/outlets');
const PAGE_SIZE = 25;

function OutletList() {
  const { t, i18n } = useTranslation('outlets');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/manage/outlets' });
  const [text, setText] = useState(search.q ?? '');
  const q = useDebouncedValue(text.trim(), 300);
  const page = search.page ?? 1;
  const outlets = useOutlets({ q: q || undefined, status: search.status, page, pageSize: PAGE_SIZE });
  return (
    <>
      <div className="filters" role="search" aria-label={t('list.filters')}>
        <TextField
          label={t('list.search')}
          name="q"
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            void navigate({ search: { ...search, q: e.target.value.trim() || undefined, page: undefined } });
          }}
        />
        <SelectField
          label={t('columns.status')}
          name="status"
          value={search.status ?? ''}
          onChange={(e) => {
            const status = e.target.value === 'open' || e.target.value === 'closed' ? e.target.value : undefined;
            void navigate({ search: { ...search, status, page: undefined } });
          }}
        >
          <option value="">{t('list.anyStatus')}</option>
          <option value="open">{t('status.open')}</option>
          <option value="closed">{t('status.closed')}</option>
        </SelectField>
      </div>
      {outlets.isPending ? (
        <Loading />
      ) : outlets.isError ? (
        <ErrorMessage error={outlets.error} onRetry={() => void outlets.refetch()} />
      ) : (
        <div className={outlets.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('list.results', { total: formatNumber(outlets.data.total, i18n.language) })}
          </p>
          {outlets.data.items.length === 0 ? (
            <p className="empty">{t('list.empty')}</p>
          ) : (
            <OutletTable outlets={outlets.data.items} />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={outlets.data.total}
            onPageChange={(next) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } })}
          />
        </div>
      )}
    </>
  );
}

/** The city's list of outlets, or an operator's own ("My outlets"). */
export function OutletsPage() {
  const { t } = useTranslation('outlets');
  return (
    <RequireAnyRole roles={OUTLET_ROLES} message={t('access')}>
      {(user) => {
        const city = hasRole(user, 'city_admin');
        return (
          <Titled
            title={city ? t('list.title') : t('list.mine')}
            intro={city ? t('list.intro') : t('list.mineIntro')}
          />
        );
      }}
    </RequireAnyRole>
  );
}

function Titled({ title, intro }: { title: string; intro: string }) {
  const { t } = useTranslation('outlets');
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} intro={intro}>
        <p>
          <Link to="/manage/outlets/new" className="btn btn--primary">
            {t('list.new')}
          </Link>
        </p>
      </PageHeader>
      <OutletList />
    </>
  );
}
