import type { Role } from '@hoptac/core';

/** Who keeps outlets: the city (all of them) and outlet operators (their own). */
export const OUTLET_ROLES: readonly Role[] = ['city_admin', 'outlet_operator'];
