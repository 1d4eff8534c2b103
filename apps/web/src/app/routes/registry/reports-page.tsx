import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { SelectField } from '../../../components/field.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { hasRole } from '../../../features/identity/index.ts';
import {
  CompletenessLegend,
  CompletenessTable,
  DeadlineCard,
  MissingReports,
  lastReportYear,
  reportsExportHref,
  useCompleteness,
} from '../../../features/registry/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { OFFICIAL_ROLES, RequireAnyRole } from './access.tsx';

const route = getRouteApi('/registry/reports');

function Overview({ canSetDeadline }: { canSetDeadline: boolean }) {
  const { t } = useTranslation('registry');
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/registry/reports' });
  const latest = lastReportYear();
  const year = search.year ?? latest;
  const years = Array.from({ length: 6 }, (_, i) => latest - i);
  if (!years.includes(year)) years.push(year);
  const completeness = useCompleteness(year);
  const selectedRow = completeness.data?.rows.find((r) => r.commune.code === search.commune);

  return (
    <>
      <div className="overview-bar">
        <SelectField
          label={t('overview.year')}
          name="year"
          value={String(year)}
          onChange={(e) =>
            void navigate({
              search: { year: Number(e.target.value) === latest ? undefined : Number(e.target.value) },
            })
          }
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <a className="btn btn--secondary" href={reportsExportHref(year)} download>
          {t('overview.export', { year })}
        </a>
      </div>
      {completeness.isPending ? (
        <Loading />
      ) : completeness.isError ? (
        <ErrorMessage error={completeness.error} onRetry={() => void completeness.refetch()} />
      ) : (
        <div className={`stack${completeness.isPlaceholderData ? ' is-stale' : ''}`}>
          <DeadlineCard
            key={`${year}:${completeness.data.dueDate ?? ''}`}
            year={year}
            dueDate={completeness.data.dueDate}
            canSet={canSetDeadline}
          />
          {search.commune ? (
            <MissingReports
              key={`${year}:${search.commune}`}
              year={year}
              commune={search.commune}
              communeName={selectedRow?.commune.fullName ?? search.commune}
              onClose={() => void navigate({ search: (prev) => ({ ...prev, commune: undefined }), resetScroll: false })}
            />
          ) : (
            <p className="note">{t('overview.pickCommune')}</p>
          )}
          <section className="card" aria-labelledby="completeness-title">
            <h2 id="completeness-title">{t('completeness.title', { year })}</h2>
            <p className="muted small">{t('completeness.intro')}</p>
            <CompletenessLegend />
            <CompletenessTable
              data={completeness.data}
              selected={search.commune}
              onSelect={(commune) => void navigate({ search: (prev) => ({ ...prev, commune }), resetScroll: false })}
            />
          </section>
        </div>
      )}
    </>
  );
}

export function ReportsPage() {
  const { t } = useTranslation('registry');
  useDocumentTitle(t('overview.title'));
  return (
    <RequireAnyRole roles={OFFICIAL_ROLES} message={t('access.officials')}>
      {(user) => (
        <>
          <nav className="breadcrumb" aria-label={t('entity.breadcrumb')}>
            <Link to="/registry">
              <span aria-hidden="true">← </span>
              {t('entity.back')}
            </Link>
          </nav>
          <PageHeader title={t('overview.title')} intro={t('overview.intro')} />
          <Overview canSetDeadline={hasRole(user, 'city_admin')} />
        </>
      )}
    </RequireAnyRole>
  );
}
