import type { Role, RubricAnswers } from '@hoptac/core';
import { DRILL_DOWN_COMMUNE, PLAN_TARGETS } from './plans-seed.ts';

/** The two ceilings every route is measured against, in the same run on the same database. */
export type CeilingName = 'health' | 'pk';

/** The seats of the OCOP bench council (ocop-seed.ts), by which routes name their holders' accounts. */
export type CouncilAccountName = 'ocop-chair' | 'ocop-secretary' | `ocop-member-${number}`;

/** Whom a route signs in as: the bench account holding a role, or a seat on the OCOP bench council. */
export type AccountName = Role | CouncilAccountName;

export type BenchRoute = {
  /** Short, stable label: it names the row in docs/benchmarks.md. */
  name: string;
  /**
   * Path with query string, exactly as a client sends it; `{name}` placeholders are filled
   * from the RouteFixtures found in the seeded data (see resolvePath).
   */
  path: string;
  /** GET when absent; a write repeats the same request with `body`, so it must be repeatable. */
  method?: 'PUT' | 'POST';
  /** The JSON body, from the fixtures: what a write sends depends on the seeded data. */
  body?: (fixtures: RouteFixtures) => unknown;
  /** Sign in as this account and send its session cookie on every request. */
  auth?: AccountName;
  /** Set on the two ceiling routes only. */
  ceiling?: CeilingName;
  /** Which ceiling the ratio divides by (omitted only for the health ceiling itself). */
  compareTo?: CeilingName;
  /** Lowest acceptable req/s ratio against `compareTo`; a ratio, never an absolute time. */
  targetRatio?: number;
  /**
   * Highest acceptable p99 in ms where an issue sets one, measured on ONE connection after the
   * load: under the load's connections every latency is mostly queueing behind the others.
   */
  p99TargetMs?: number;
  /**
   * Checks one response body before the load, so a route that answers 200 with nothing
   * (an empty search) is not benchmarked as if it did the real work. Returns a problem or null.
   */
  check?: (body: unknown) => string | null;
};

/** What prepareDatabase finds in the synthetic register. */
export type RegisterFixtures = { entityId: string };

/** What the OCOP seeding (ocop-seed.ts) creates for the scoring routes. */
export type OcopFixtures = {
  draftDossierId: string;
  aggregateDossierId: string;
  /** A complete answer set on the sheet version the dossiers pinned. */
  draftAnswers: RubricAnswers;
};

/**
 * Data that exists only once the database is seeded; the report shows the path with its
 * placeholders. The OCOP part is missing when its seeding failed: its routes then fail alone.
 */
export type RouteFixtures = RegisterFixtures & Partial<OcopFixtures> & Partial<CatalogFixtures> & Partial<PlanFixtures>;

/** What the catalogue seeding (catalog-seed.ts) finds: a certificate the verify page shows as valid. */
export type CatalogFixtures = { certificateNumber: string };

/** What the plans seeding (plans-seed.ts) creates: the plan with 15 city targets. */
export type PlanFixtures = { planId: string };

/** What each path placeholder stands for, as the report explains it. */
export const PLACEHOLDER_NOTES: Record<string, string> = {
  entityId: 'the first active agricultural cooperative of Xã Đông Anh by name',
  draftDossierId: 'a forwarded dossier on which ocop-member-1 keeps a complete draft',
  aggregateDossierId:
    'a forwarded dossier every member of the bench council has submitted a sheet for, not yet confirmed',
  certificateNumber: 'the first valid, unrevoked certificate of the bench catalogue by number',
  planId: 'the bench plan of the current year with 15 city targets (plans-seed.ts)',
};

/** The path with its `{name}` placeholders filled in. */
export function resolvePath(route: BenchRoute, fixtures: RouteFixtures): string {
  return route.path.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value: unknown = Object.hasOwn(fixtures, key) ? fixtures[key as keyof RouteFixtures] : undefined;
    return typeof value === 'string' ? encodeURIComponent(value) : whole;
  });
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

// The OCOP evaluation speed target: submitting one member's score sheet and reading the live
// aggregate at ≥ 0.3 × PK. The save is measured as the write: it validates the answers against the
// pinned sheet, scores them, and writes the sheet and its audit row in one transaction under the
// dossier's share lock, as the final submit does, which can only happen once per sheet.
const OCOP_SCORING_TARGET = 0.3;

function isCompleteDraft(body: unknown): string | null {
  const sheet = body as { status?: unknown; missing?: unknown; result?: unknown } | null;
  if (!sheet || typeof sheet.status !== 'string') return 'response is not a score sheet';
  if (sheet.status !== 'draft') return `expected the sheet to stay a draft, got "${sheet.status}"`;
  const complete = Array.isArray(sheet.missing) && sheet.missing.length === 0 && sheet.result;
  return complete ? null : 'the saved answers are incomplete, so the save scored nothing';
}

function isLiveAggregate(body: unknown): string | null {
  const agg = body as { expected?: unknown; submitted?: unknown; result?: { members?: unknown } | null } | null;
  if (!agg || typeof agg.submitted !== 'number') return 'response is not an aggregate';
  if (!agg.result || agg.result.members !== agg.submitted)
    return 'the aggregate has no result over the submitted sheets';
  return agg.submitted === agg.expected
    ? null
    : `expected every sheet in, got ${agg.submitted} of ${String(agg.expected)}`;
}

// Issue 6: the public search, with its facets, and the server-rendered verify page at ≥ 0.5 × PK;
// the search also at p99 ≤ 25 ms (on one connection: see BenchRoute.p99TargetMs).
const PUBLIC_CATALOGUE_TARGET = 0.5;
const SEARCH_P99_MS = 25;

// Issue 7: the full city dashboard of a 15-target plan at ≥ 0.1 × PK, one commune's at ≥ 0.3 × PK.
const CITY_DASHBOARD_TARGET = 0.1;
const COMMUNE_DASHBOARD_TARGET = 0.3;

type CatalogPage = { items?: unknown[]; total?: unknown; facets?: { stars?: unknown[] } | null };

function isCatalogPageWithFacets(body: unknown): string | null {
  const page = body as CatalogPage | null;
  const problem = pageHasItems(page);
  if (problem) return problem;
  return Array.isArray(page?.facets?.stars) && page.facets.stars.length > 0
    ? null
    : 'the page has no star facet counts, so the facets were not computed';
}

function isEmptyCatalogPage(body: unknown): string | null {
  const page = body as (CatalogPage & { didYouMean?: unknown }) | null;
  if (!page || !Array.isArray(page.items) || !Array.isArray(page.didYouMean)) return 'response is not a catalogue page';
  return page.total === 0 ? null : `expected no match, got ${String(page.total)}`;
}

/**
 * The verify page is HTML: it must state the certificate is valid, in Vietnamese (the bench sends
 * no Accept-Language, and an "EXPIRED" or "REVOKED" page would not carry these words).
 */
function showsValidCertificate(body: unknown): string | null {
  if (typeof body !== 'string') return 'response is not an HTML page';
  return body.includes('CÒN HIỆU LỰC') ? null : 'the page does not show the certificate as valid (CÒN HIỆU LỰC)';
}

function dashboardOf(level: 'city' | 'commune') {
  return (body: unknown): string | null => {
    const board = body as { scope?: { level?: unknown }; targets?: { actual?: unknown }[] } | null;
    if (!board || !Array.isArray(board.targets)) return 'response is not a dashboard';
    if (board.scope?.level !== level) return `expected the ${level} view, got ${String(board.scope?.level)}`;
    if (board.targets.length !== PLAN_TARGETS) return `expected ${PLAN_TARGETS} targets, got ${board.targets.length}`;
    return board.targets.some((t) => typeof t.actual === 'number' && t.actual > 0)
      ? null
      : 'every actual is empty: the dashboard counted no records';
  };
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
  {
    // The same member saving the same complete sheet again and again: every request is a full
    // save (nothing short-circuits an unchanged sheet), and the sheet stays a draft.
    name: 'ocop: save a complete score sheet (member)',
    method: 'PUT',
    path: '/api/ocop/dossiers/{draftDossierId}/sheets/mine',
    body: (f) => ({ answers: f.draftAnswers }),
    auth: 'ocop-member-1',
    compareTo: 'pk',
    targetRatio: OCOP_SCORING_TARGET,
    check: isCompleteDraft,
  },
  {
    // With all nine sheets in, the heaviest moment of the live view before confirmation.
    name: 'ocop: live aggregate, 9 sheets (secretary)',
    path: '/api/ocop/dossiers/{aggregateDossierId}/aggregate',
    auth: 'ocop-secretary',
    compareTo: 'pk',
    targetRatio: OCOP_SCORING_TARGET,
    check: isLiveAggregate,
  },
  {
    // "buoi" folds "Bưởi": a ninth of the bench catalogue, so the page, its count and every
    // facet see hundreds of rows at Hanoi scale and thousands nationally.
    name: 'catalogue: search + facets, stars filter',
    path: '/api/public/products?q=buoi&stars=4&page=1&pageSize=20',
    compareTo: 'pk',
    targetRatio: PUBLIC_CATALOGUE_TARGET,
    p99TargetMs: SEARCH_P99_MS,
    check: isCatalogPageWithFacets,
  },
  {
    // Nothing matches: the typo fallback's trigram similarity and the "did you mean" lookup run.
    name: 'catalogue: search, no result',
    path: '/api/public/products?q=zzqxv&page=1&pageSize=20',
    compareTo: 'pk',
    targetRatio: PUBLIC_CATALOGUE_TARGET,
    p99TargetMs: SEARCH_P99_MS,
    check: isEmptyCatalogPage,
  },
  {
    name: 'verify page by certificate number (HTML)',
    path: '/verify/{certificateNumber}',
    compareTo: 'pk',
    targetRatio: PUBLIC_CATALOGUE_TARGET,
    check: showsValidCertificate,
  },
  {
    name: 'plans: city dashboard, 15 targets (city admin)',
    path: '/api/plans/{planId}/dashboard',
    auth: 'city_admin',
    compareTo: 'pk',
    targetRatio: CITY_DASHBOARD_TARGET,
    check: dashboardOf('city'),
  },
  {
    name: 'plans: one commune dashboard (city admin)',
    path: `/api/plans/{planId}/dashboard?scope=commune:${DRILL_DOWN_COMMUNE}`,
    auth: 'city_admin',
    compareTo: 'pk',
    targetRatio: COMMUNE_DASHBOARD_TARGET,
    check: dashboardOf('commune'),
  },
];
