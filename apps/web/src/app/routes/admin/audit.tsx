import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { AuditFilters, AuditTable, useAuditLog, type AuditFilterValue } from '../../../features/audit/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireRole } from '../../require-role.tsx';
import { rootRoute } from '../root.tsx';

const PAGE_SIZE = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface AuditSearch extends AuditFilterValue {
  page?: number;
}

function text(value: unknown, max: number): string | undefined {
  const v = typeof value === 'number' ? String(value) : value;
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;
}

function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {};
  const action = text(raw.action, 80);
  const entityType = text(raw.entityType, 80);
  const actorEmail = text(raw.actorEmail, 254);
  if (action) out.action = action;
  if (entityType) out.entityType = entityType;
  if (actorEmail) out.actorEmail = actorEmail;
  if (typeof raw.from === 'string' && ISO_DATE.test(raw.from)) out.from = raw.from;
  if (typeof raw.to === 'string' && ISO_DATE.test(raw.to)) out.to = raw.to;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1 && page <= 100_000) out.page = page;
  return out;
}

function AuditLog() {
  const { t, i18n } = useTranslation('audit');
  const search = auditRoute.useSearch();
  const navigate = useNavigate({ from: auditRoute.fullPath });
  const page = search.page ?? 1;
  const { page: _page, ...filters } = search;
  const log = useAuditLog({ ...filters, page, pageSize: PAGE_SIZE });

  return (
    <>
      <AuditFilters value={filters} onApply={(next) => void navigate({ search: next })} />
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorMessage error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <div className={log.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="results-summary" role="status">
            {t('results', { total: formatNumber(log.data.total, i18n.language) })}
          </p>
          {log.data.items.length === 0 ? (
            <p className="empty">{t('empty')}</p>
          ) : (
            <AuditTable entries={log.data.items} />
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={log.data.total}
            onPageChange={(next) =>
              void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
            }
          />
        </div>
      )}
    </>
  );
}

function AuditPage() {
  const { t } = useTranslation('audit');
  useDocumentTitle(t('title'));
  return (
    <RequireRole role="city_admin">
      <PageHeader title={t('title')} intro={t('intro')} />
      <AuditLog />
    </RequireRole>
  );
}

export const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  validateSearch: parseAuditSearch,
  component: AuditPage,
});
