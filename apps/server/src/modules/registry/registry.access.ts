import { CURRENT_SCHEME, type SessionUser } from '@hoptac/core';
import { AppError } from '../../kernel/errors.ts';

/** The facts about an entity that decide who may see and change it. */
export type EntityScopeFacts = { id: string; communeCode: string };

function inCommuneScope(user: SessionUser, communeCode: string): boolean {
  return (
    user.roles.includes('commune_officer') &&
    user.communes.some((c) => c.scheme === CURRENT_SCHEME && c.code === communeCode)
  );
}

/** City admins, the commune's officers and the entity's own members see the full record. */
export function canSeeFull(user: SessionUser | null, e: EntityScopeFacts): boolean {
  if (!user) return false;
  if (user.roles.includes('city_admin')) return true;
  if (inCommuneScope(user, e.communeCode)) return true;
  return user.roles.includes('entity_member') && user.entityId === e.id;
}

/** The same people may edit the profile, members and reports. */
export const canEdit = canSeeFull;

/** Status changes are an official act: city admins and the commune's officers only. */
export function canChangeStatus(user: SessionUser | null, e: EntityScopeFacts): boolean {
  if (!user) return false;
  return user.roles.includes('city_admin') || inCommuneScope(user, e.communeCode);
}

/** Registering a new entity in a commune: city admins anywhere, officers in their communes. */
export function canRegisterIn(user: SessionUser, communeCode: string): boolean {
  return user.roles.includes('city_admin') || inCommuneScope(user, communeCode);
}

/** Accepting or returning a submitted report is the commune officer's step (or the city's). */
export const canReview = canChangeStatus;

/** Approval and unlocking belong to the city. */
export function isCityAdmin(user: SessionUser | null): boolean {
  return !!user?.roles.includes('city_admin');
}

/**
 * How a list is narrowed for this caller: officers see their communes, entity members their own
 * entity, city admins everything; visitors and other roles get the public register.
 */
export type ListScope =
  { kind: 'all' } | { kind: 'communes'; codes: string[] } | { kind: 'entity'; id: string } | { kind: 'public' };

export function listScopeOf(user: SessionUser | null): ListScope {
  if (!user) return { kind: 'public' };
  if (user.roles.includes('city_admin')) return { kind: 'all' };
  if (user.roles.includes('commune_officer')) return { kind: 'communes', codes: user.communes.map((c) => c.code) };
  if (user.roles.includes('entity_member') && user.entityId) return { kind: 'entity', id: user.entityId };
  return { kind: 'public' };
}

/** Throws 403 unless the check passed (404 is decided before, by the lookup). */
export function assertAllowed(allowed: boolean, what: string): void {
  if (!allowed) throw new AppError('FORBIDDEN', `Not allowed to ${what}`);
}
