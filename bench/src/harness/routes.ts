import type { Role } from '@hoptac/core';

/** The two ceilings every route is measured against, in the same run on the same database. */
export type CeilingName = 'health' | 'pk';

export type BenchRoute = {
  /** Short, stable label: it names the row in docs/benchmarks.md. */
  name: string;
  /** GET path with query string, exactly as a client sends it. */
  path: string;
  /** Sign in as an account holding this role and send its session cookie on every request. */
  auth?: Role;
  /** Set on the two ceiling routes only. */
  ceiling?: CeilingName;
  /** Which ceiling the ratio divides by (omitted only for the health ceiling itself). */
  compareTo?: CeilingName;
  /** Lowest acceptable req/s ratio against `compareTo`; a ratio, never an absolute time. */
  targetRatio?: number;
  /**
   * Checks one response body before the load, so a route that answers 200 with nothing
   * (an empty search) is not benchmarked as if it did the real work. Returns a problem or null.
   */
  check?: (body: unknown) => string | null;
};

function pageHasItems(body: unknown): string | null {
  const page = body as { items?: unknown[]; total?: number } | null;
  if (!page || !Array.isArray(page.items)) return 'response is not a page ({ items, total })';
  return page.items.length > 0 ? null : 'page is empty: the search matched nothing, so it would measure no work';
}

// Starting target for a paged search: one page of up to 50 rows plus its count should cost no
// more than four primary-key lookups. Tighten or loosen per route with a reason.
const PAGED_SEARCH_TARGET = 0.25;

/**
 * Every benchmarked route. A module adds its hot routes here: one entry each, compared with
 * the primary-key ceiling unless it is as cheap as /api/health.
 */
export const ROUTES: BenchRoute[] = [
  { name: 'health (ceiling)', path: '/api/health', ceiling: 'health' },
  {
    name: 'unit by primary key (ceiling)',
    path: '/api/places/units/2025-07/00004',
    ceiling: 'pk',
    compareTo: 'health',
  },
  {
    name: 'units: accent-insensitive search',
    path: '/api/places/units?scheme=2025-07&q=dong%20anh&page=1&pageSize=50',
    compareTo: 'pk',
    targetRatio: PAGED_SEARCH_TARGET,
    check: pageHasItems,
  },
  {
    name: 'users: search by name + role (city admin)',
    path: '/api/users?q=nguyen&role=commune_officer&page=1&pageSize=50',
    auth: 'city_admin',
    compareTo: 'pk',
    targetRatio: PAGED_SEARCH_TARGET,
    check: pageHasItems,
  },
];
