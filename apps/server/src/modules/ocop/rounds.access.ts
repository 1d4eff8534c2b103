import { SCORING_COUNCIL_ROLES, type OcopCouncilRole, type Role, type SessionUser } from '@hoptac/core';
import { AppError } from '../../kernel/errors.ts';

/**
 * Who sees which rounds and dossiers.
 *
 * - City admins: everything.
 * - Commune officers: rounds once opened; dossiers of their communes' entities.
 * - Entity members: rounds once opened; their own entity's dossiers.
 * - Council members: only the rounds they sit on, and only once opened (a planned round does not
 *   exist for them); of those rounds, only dossiers forwarded to the council (or later), and never
 *   a dossier of an entity they are linked to — declared in ocop_council_conflicts or being that
 *   entity's own member account. The same rule is applied to lists (as SQL) and to every
 *   dossier route (here), so a blocked dossier can be neither listed, read nor scored.
 * A user holding several roles sees the union.
 */
export type Audience = {
  all: boolean;
  /** Commune codes of an officer's scope (empty: none). */
  communes: string[];
  /** The entity of an entity member (null: none). */
  entityId: string | null;
  /** Rounds opened to every official and producer (officers, entity members). */
  publishedRounds: boolean;
  /** The council member whose seats and conflicts apply (null: not a council member). */
  councilUserId: string | null;
  /** The entity a council member acts for: always a conflict. */
  councilOwnEntityId: string | null;
};

export function audienceOf(user: SessionUser): Audience {
  const has = (r: Role) => user.roles.includes(r);
  const producer = has('entity_member') && user.entityId ? user.entityId : null;
  return {
    all: has('city_admin'),
    communes: has('commune_officer') ? user.communes.map((c) => c.code) : [],
    entityId: producer,
    publishedRounds: has('commune_officer') || Boolean(producer),
    councilUserId: has('council_member') ? user.id : null,
    councilOwnEntityId: has('council_member') ? user.entityId : null,
  };
}

/** Dossier statuses the council works on: before forwarding a dossier is the commune's business. */
export const COUNCIL_DOSSIER_STATUSES = ['forwarded', 'confirmed', 'certified'];

export const isScorer = (role: OcopCouncilRole | null) => role !== null && SCORING_COUNCIL_ROLES.includes(role);

/** What the caller is to one dossier, strongest first; each route asks for the capacity it needs. */
export type DossierCapacity = {
  admin: boolean;
  officer: boolean;
  producer: boolean;
  /** The caller's seat on the round's council when it lets them see this dossier. */
  seat: OcopCouncilRole | null;
};

export type DossierFacts = {
  entityId: string;
  communeCode: string;
  status: string;
  roundStatus: string;
  /** The caller's seat on the round's council, if any. */
  seat: OcopCouncilRole | null;
  /** The caller declared (or was recorded with) a link to the dossier's entity. */
  declaredConflict: boolean;
};

/**
 * The caller's capacities for a dossier; throws 403 when there is none. A council member with a
 * conflict gets CONFLICT_OF_INTEREST, so they know why; any other refusal is FORBIDDEN.
 */
export function dossierCapacity(user: SessionUser, d: DossierFacts): DossierCapacity {
  const a = audienceOf(user);
  const admin = a.all;
  const officer = a.communes.includes(d.communeCode);
  const producer = a.entityId !== null && a.entityId === d.entityId;
  let seat: OcopCouncilRole | null = null;
  let conflict = false;
  if (a.councilUserId && d.seat && d.roundStatus !== 'planned' && COUNCIL_DOSSIER_STATUSES.includes(d.status)) {
    conflict = d.declaredConflict || a.councilOwnEntityId === d.entityId;
    if (!conflict) seat = d.seat;
  }
  if (!admin && !officer && !producer && !seat) {
    if (conflict) throw new AppError('CONFLICT_OF_INTEREST', 'You are linked to this entity');
    throw new AppError('FORBIDDEN', 'Not a dossier you can see');
  }
  return { admin, officer, producer, seat };
}

/** The council seat a scoring route needs: a scoring seat (chair, secretary, member) on a visible dossier. */
export function requireScoringSeat(cap: DossierCapacity): OcopCouncilRole {
  if (!isScorer(cap.seat)) throw new AppError('FORBIDDEN', 'Only the council members who score can do this');
  return cap.seat!;
}
