/**
 * Constants of the shared contracts. Those behind @hoptac/core's index are restated here so the
 * browser bundle does not pull in zod; the registry's, which have no zod, come from
 * @hoptac/core/registry directly. Each one is typed as `typeof` the core constant (a
 * type-only import), so any change in packages/core breaks `tsc` until this file follows.
 */
import { canChangeStatus, ENTITY_STATUSES as ENTITY_STATUSES_FOR_NEXT } from '@hoptac/core/registry';
import type {
  CURRENT_SCHEME as CoreCurrentScheme,
  IMPORT_KINDS as CoreImportKinds,
  EntityStatus,
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

// ---------- Registry (mirrors packages/core/src/registry) ----------

// The registry's vocabulary and rules are plain data with no zod: shared from core directly.
export {
  CAPITAL_CAP,
  COOPERATIVE_TYPES,
  ENTITY_STATUSES,
  ENTITY_TYPES,
  MEMBER_KINDS,
  MEMBERSHIPS,
  MINIMUM_OFFICIAL_MEMBERS,
  RATING_TT01_2020,
  RATINGS,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  SCALE_CLASSES,
  SECTORS,
} from '@hoptac/core/registry';

/** The statuses an entity may move to from each status (the registry's own rule). */
export const NEXT_STATUSES: Record<EntityStatus, readonly EntityStatus[]> = Object.fromEntries(
  ENTITY_STATUSES_FOR_NEXT.map((from) => [from, ENTITY_STATUSES_FOR_NEXT.filter((to) => canChangeStatus(from, to))]),
) as unknown as Record<EntityStatus, readonly EntityStatus[]>;

/** What an XLSX import loads. */
export const IMPORT_KINDS: typeof CoreImportKinds = ['entities', 'annual-reports'];
