import { Link, createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Scheme, UnitLevel } from '@hoptac/core';
import { CURRENT_SCHEME, SCHEMES, UNIT_LEVELS } from '../../../lib/domain.ts';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { SchemeTabs, UnitFilters, UnitTable, levelsOf, useUnit, useUnits } from '../../../features/places/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { rootRoute } from '../root.tsx';

const PAGE_SIZE = 20;
const PANEL_ID = 'units-panel';

export interface UnitsSearch {
  scheme?: Scheme;
  q?: string;
  level?: UnitLevel;
  parent?: string;
  page?: number;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

/** Reads the URL leniently: anything malformed is dropped rather than shown as an error. */
export function parseUnitsSearch(raw: Record<string, unknown>): UnitsSearch {
  const out: UnitsSearch = {};
  const scheme = oneOf(SCHEMES, raw.scheme);
  if (scheme) out.scheme = scheme;
  // The router parses "123" as a number; a code typed into the box is still text.
  const q = typeof raw.q === 'number' ? String(raw.q) : raw.q;
  if (typeof q === 'string' && q.trim()) out.q = q.trim().slice(0, 100);
  const level = oneOf(UNIT_LEVELS, raw.level);
  if (level && levelsOf(scheme ?? CURRENT_SCHEME).includes(level)) out.level = level;
  const parent = typeof raw.parent === 'number' ? String(raw.parent) : raw.parent;
  if (typeof parent === 'string' && /^\d{2,5}$/.test(parent)) out.parent = parent;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1 && page <= 100_000) out.page = page;
  return out;
}

function UnitsPage() {
  const { t, i18n } = useTranslation('places');
  const search = unitsRoute.useSearch();
  const navigate = useNavigate({ from: unitsRoute.fullPath });
  useDocumentTitle(t('title'));

  const scheme = search.scheme ?? CURRENT_SCHEME;
  const page = search.page ?? 1;
  const units = useUnits({
    scheme,
    level: search.level,
    parent: search.parent,
    q: search.q,
    page,
    pageSize: PAGE_SIZE,
  });
  const parent = useUnit(scheme, search.parent ?? '', { enabled: !!search.parent });

  const update = (patch: Partial<UnitsSearch>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }), replace });

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <SchemeTabs
        value={scheme}
        controls={PANEL_ID}
        // Codes are reused across editions, so a parent filter never carries over.
        onChange={(next) =>
          update({ scheme: next, parent: undefined, level: search.level === 'district' ? undefined : search.level })
        }
      />
      <div className="tab-panel" role="tabpanel" id={PANEL_ID} aria-labelledby={`scheme-tab-${scheme}`}>
        <UnitFilters
          scheme={scheme}
          q={search.q ?? ''}
          level={search.level}
          onSearch={(q) => update({ q: q || undefined }, true)}
          onLevelChange={(level) => update({ level })}
        />
        {search.parent ? (
          <p className="filter-chip">
            <span>{t('parentFilter.label', { name: parent.data?.fullName ?? search.parent })}</span>
            <Link
              from={unitsRoute.fullPath}
              search={(prev) => ({ ...prev, parent: undefined, page: undefined })}
              className="filter-chip__clear"
            >
              {t('parentFilter.clear')}
            </Link>
          </p>
        ) : null}

        {units.isPending ? (
          <Loading />
        ) : units.isError ? (
          <ErrorMessage error={units.error} onRetry={() => void units.refetch()} />
        ) : (
          <div className={units.isPlaceholderData ? 'is-stale' : undefined}>
            <p className="results-summary" role="status">
              {t('results', { total: formatNumber(units.data.total, i18n.language) })}
            </p>
            {units.data.items.length === 0 ? (
              <p className="empty">{t('empty')}</p>
            ) : (
              <UnitTable units={units.data.items} />
            )}
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={units.data.total}
              onPageChange={(next) => update({ page: next > 1 ? next : undefined })}
            />
          </div>
        )}
      </div>
    </>
  );
}

export const unitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/units',
  validateSearch: parseUnitsSearch,
  component: UnitsPage,
});
