/** The tabs of an entity page, in order (kept small: route files read it without the whole feature). */
export const ENTITY_TABS = ['profile', 'members', 'reports', 'status', 'ocop'] as const;
export type EntityTab = (typeof ENTITY_TABS)[number];
