/**
 * Constants of the shared contracts, restated here so the browser bundle does not pull in
 * zod through @hoptac/core's index. Each one is typed as `typeof` the core constant (a
 * type-only import), so any change in packages/core breaks `tsc` until this file follows.
 */
import type {
  CURRENT_SCHEME as CoreCurrentScheme,
  PASSWORD_MIN_LENGTH as CorePasswordMinLength,
  ROLES as CoreRoles,
  SCHEMES as CoreSchemes,
  UNIT_LEVELS as CoreUnitLevels,
} from '@hoptac/core';

export const ROLES: typeof CoreRoles = [
  'city_admin',
  'commune_officer',
  'council_member',
  'entity_member',
  'buyer',
  'outlet_operator',
];

export const SCHEMES: typeof CoreSchemes = ['2025-01', '2025-07'];

export const CURRENT_SCHEME: typeof CoreCurrentScheme = '2025-07';

export const UNIT_LEVELS: typeof CoreUnitLevels = ['province', 'district', 'commune'];

export const PASSWORD_MIN_LENGTH: typeof CorePasswordMinLength = 10;
