import type { EntityStatus } from './vocabulary.ts';

/**
 * Which status changes the registry accepts. Dissolution, bankruptcy and revocation end a
 * registration: a revived organisation registers again, so those states are final.
 */
const NEXT: Record<EntityStatus, readonly EntityStatus[]> = {
  active: ['suspended', 'reorganising', 'dissolved', 'bankrupt', 'certificate_revoked'],
  suspended: ['active', 'reorganising', 'dissolved', 'bankrupt', 'certificate_revoked'],
  reorganising: ['active', 'suspended', 'dissolved', 'bankrupt', 'certificate_revoked'],
  dissolved: [],
  bankrupt: [],
  certificate_revoked: [],
};

/** True when an entity in `from` may move to `to`. */
export function canChangeStatus(from: EntityStatus, to: EntityStatus): boolean {
  return NEXT[from].includes(to);
}

/** True for statuses that end a registration. */
export function isFinalStatus(status: EntityStatus): boolean {
  return NEXT[status].length === 0;
}
