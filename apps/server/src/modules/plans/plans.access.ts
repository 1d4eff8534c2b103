import { CURRENT_SCHEME, type SessionUser } from '@hoptac/core';
import { AppError } from '../../kernel/errors.ts';

/**
 * Whose figures a caller may read: city admins the whole city, commune officers their
 * communes (new scheme). Every other role was turned away by the route's guard.
 */
export type ViewerArea = { kind: 'city' } | { kind: 'communes'; codes: string[] };

export function viewerArea(user: SessionUser): ViewerArea {
  if (user.roles.includes('city_admin')) return { kind: 'city' };
  if (user.roles.includes('commune_officer'))
    return { kind: 'communes', codes: user.communes.filter((c) => c.scheme === CURRENT_SCHEME).map((c) => c.code) };
  throw new AppError('FORBIDDEN', 'Plans are for officials');
}

export function assertInArea(area: ViewerArea, communeCode: string): void {
  if (area.kind === 'communes' && !area.codes.includes(communeCode))
    throw new AppError('FORBIDDEN', 'Outside your communes');
}
