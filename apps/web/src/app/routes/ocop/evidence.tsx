import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../root.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ?entityId= lets an official open an entity's locker; a producer's is their own. */
export function parseEvidenceSearch(search: Record<string, unknown>): { entityId?: string } {
  const id = search.entityId;
  return typeof id === 'string' && UUID.test(id) ? { entityId: id } : {};
}

export const ocopEvidenceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ocop/evidence',
  validateSearch: parseEvidenceSearch,
  component: lazyRouteComponent(() => import('./evidence-page.tsx'), 'EvidencePage'),
});

export const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notifications',
  component: lazyRouteComponent(() => import('./evidence-page.tsx'), 'NotificationsPage'),
});
