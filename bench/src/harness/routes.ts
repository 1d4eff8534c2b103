import type { Role } from '@hoptac/core';

/** The two ceilings every route is measured against, in the same run on the same database. */
export type CeilingName = 'health' | 'pk';

export type BenchRoute = {
  /** Short, stable label: it names the row in docs/benchmarks.md. */
  name: string;
  /**
   * GET path with query string, exactly as a client sends it; `{name}` placeholders are filled
   * from the RouteFixtures found in the seeded data (see resolvePath).
   */
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

/** Ids that exist only once the data is seeded; the report shows the path with its placeholders. */
export type RouteFixtures = { entityId: string };

/** The path with its `{name}` placeholders filled in. */
export function resolvePath(route: BenchRoute, fixtures: RouteFixtures): string {
  return route.path.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(fixtures, key) ? encodeURIComponent(fixtures[key as keyof RouteFixtures]) : whole,
  );
}

function pageHasItems(body: unknown): string | null {
  const page = body as { items?: unknown[]; total?: number } | null;
  if (!page || !Array.isArray(page.items)) return 'response is not a page ({ items, total })';
  return page.items.length > 0 ? null : 'page is empty: the search matched nothing, so it would measure no work';
}

// Starting target for a paged search: one page of up to 50 rows plus its count should cost no
// more than four primary-key lookups. Tighten or loosen per route with a reason.
const PAGED_SEARCH_TARGET = 0.25;

// Issue 4: the register list with three filters, text search and a page of 50 at ≥ 0.3 × PK.
const REGISTER_LIST_TARGET = 0.3;

// A public profile is one primary-key read with three joins to the administrative units: it
// should cost no more than two plain primary-key lookups.
const PROFILE_TARGET = 0.5;

function isPublicProfile(body: unknown): string | null {
  const profile = body as { id?: unknown; visibility?: unknown } | null;
  if (!profile || typeof profile.id !== 'string') return 'response is not an entity';
  return profile.visibility === 'public' ? null : `expected the public view, got "${String(profile.visibility)}"`;
}

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
  {
    // "nong nghiep" is in a quarter of the register's names: the search is not selective, so the
    // page's sort and the total's count both see thousands of rows at national scale.
    name: 'register: search + 3 filters (city admin)',
    path: '/api/entities?q=nong%20nghiep&type=cooperative&status=active&sector=agriculture&page=1&pageSize=50',
    auth: 'city_admin',
    compareTo: 'pk',
    targetRatio: REGISTER_LIST_TARGET,
    check: pageHasItems,
  },
  {
    name: 'register: public entity profile',
    path: '/api/entities/{entityId}',
    compareTo: 'pk',
    targetRatio: PROFILE_TARGET,
    check: isPublicProfile,
  },
];
