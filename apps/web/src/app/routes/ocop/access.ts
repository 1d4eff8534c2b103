import type { Role } from '@hoptac/core';

/** Who works on OCOP products: the city, commune officers (their communes) and an entity's members (their own). */
export const OCOP_PRODUCT_ROLES: readonly Role[] = ['city_admin', 'commune_officer', 'entity_member'];
