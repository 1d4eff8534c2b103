/** The query-key root of every registry query: invalidating it refreshes the whole feature. */
export const REGISTRY_QUERY_KEY = ['registry'] as const;

/** Reference data (administrative units) changes once in years. */
export const PLACES_STALE_MS = 10 * 60_000;

/** The cache key of one entity's record. */
export function entityKey(id: string) {
  return [...REGISTRY_QUERY_KEY, 'entity', id] as const;
}
