import type { SessionUser } from '@hoptac/core';

/**
 * Whose products a caller sees: city admins all, commune officers their communes' entities,
 * an entity's members their own entity. Buyers, showroom operators and council members have no
 * view of draft products (council members will see the products of their rounds only).
 */
export type ProductScope =
  { kind: 'all' } | { kind: 'communes'; codes: string[] } | { kind: 'entity'; id: string } | { kind: 'none' };

export function productScopeOf(user: SessionUser): ProductScope {
  if (user.roles.includes('city_admin')) return { kind: 'all' };
  if (user.roles.includes('commune_officer')) return { kind: 'communes', codes: user.communes.map((c) => c.code) };
  if (user.roles.includes('entity_member') && user.entityId) return { kind: 'entity', id: user.entityId };
  return { kind: 'none' };
}

/** Whether the caller's scope covers an entity (by id and current commune). */
export function scopeCovers(scope: ProductScope, entity: { id: string; communeCode: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'communes':
      return scope.codes.includes(entity.communeCode);
    case 'entity':
      return scope.id === entity.id;
    case 'none':
      return false;
  }
}

/** The roles that work on products; the routes' guard. */
export const PRODUCT_ROLES = ['city_admin', 'commune_officer', 'entity_member'] as const;
