import type { Role } from '@hoptac/core';

/** Who works on OCOP products: the city, commune officers (their communes) and an entity's members (their own). */
export const OCOP_PRODUCT_ROLES: readonly Role[] = ['city_admin', 'commune_officer', 'entity_member'];

/** Who follows evaluation rounds and dossiers: the city, commune officers, the council and producers (read-only but the city). */
export const OCOP_ROUND_ROLES: readonly Role[] = ['city_admin', 'commune_officer', 'council_member', 'entity_member'];

/** Who holds certificates: the city, commune officers (their communes) and producers (their own). */
export const OCOP_CERTIFICATE_ROLES: readonly Role[] = ['city_admin', 'commune_officer', 'entity_member'];

/** Who scores: the council's members. */
export const OCOP_COUNCIL_ROLES: readonly Role[] = ['council_member'];
