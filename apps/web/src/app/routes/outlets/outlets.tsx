import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';

/** `?page=2&q=…&status=open`, read leniently: anything odd is dropped. */
export interface OutletsSearch {
  page?: number;
  q?: string;
  status?: 'open' | 'closed';
}

const pageOf = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 1 && n <= 100_000 ? n : undefined;
};

export function parseOutletsSearch(raw: Record<string, unknown>): OutletsSearch {
  const q = typeof raw.q === 'string' && raw.q.trim() ? raw.q.trim().slice(0, 100) : undefined;
  const status = raw.status === 'open' || raw.status === 'closed' ? raw.status : undefined;
  const page = pageOf(raw.page);
  return { ...(q ? { q } : {}), ...(status ? { status } : {}), ...(page ? { page } : {}) };
}

export const manageOutletsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/outlets',
  validateSearch: parseOutletsSearch,
  component: lazyRouteComponent(() => import('./outlets-page.tsx'), 'OutletsPage'),
});

export const newOutletRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/outlets/new',
  component: lazyRouteComponent(() => import('./outlet-page.tsx'), 'NewOutletPage'),
});

export const outletRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/outlets/$id',
  component: lazyRouteComponent(() => import('./outlet-page.tsx'), 'OutletPage'),
});

export const scanAnomaliesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/scan-anomalies',
  validateSearch: (raw: Record<string, unknown>): { page?: number } => {
    const page = pageOf(raw.page);
    return page ? { page } : {};
  },
  component: lazyRouteComponent(() => import('./scan-anomalies-page.tsx'), 'ScanAnomaliesPage'),
});
