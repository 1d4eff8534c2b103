import type { Role, SessionUser } from '@hoptac/core';
import type { OutletScope } from './outlets.repository.ts';

/** Who keeps outlets: the city for all of them, an outlet operator for their own. */
export const OUTLET_ROLES: Role[] = ['city_admin', 'outlet_operator'];

export function outletScopeOf(user: SessionUser): OutletScope {
  return user.roles.includes('city_admin') ? { all: true } : { all: false, operatorId: user.id };
}

export function canKeep(user: SessionUser, outlet: { operatorId: string | null }): boolean {
  const scope = outletScopeOf(user);
  return scope.all || outlet.operatorId === scope.operatorId;
}
