import type { EntityType, MemberKind, Membership } from './vocabulary.ts';

export type MemberFacts = {
  id: string;
  kind: MemberKind;
  membership: Membership;
  capitalContributed: number;
  /** ISO date; a member who has left no longer counts. */
  leftOn: string | null;
};

export type MemberWarning =
  | { code: 'capital_cap_exceeded'; memberId: string; share: number; cap: number }
  | { code: 'too_few_founders'; official: number; minimum: number }
  | { code: 'union_members_must_be_cooperatives'; memberId: string };

/**
 * One member's contribution cap as a share of charter capital — Law on Cooperatives 17/2023/QH15:
 * 30 % in a cooperative, 40 % in a cooperative union.
 */
export const CAPITAL_CAP: Partial<Record<EntityType, number>> = { cooperative: 0.3, cooperative_union: 0.4 };

/**
 * Minimum official members. Domain notes give 2 / 5 / 3 for group / cooperative / union under the 2023
 * law (7 and 4 under the 2012 law); the article numbers are not yet confirmed, so these are warnings.
 */
export const MINIMUM_OFFICIAL_MEMBERS: Partial<Record<EntityType, number>> = {
  cooperative_group: 2,
  cooperative: 5,
  cooperative_union: 3,
};

/** The statutory checks on a member list; they warn and never block, since the record must reflect reality. */
export function checkMembers(type: EntityType, charterCapital: number, members: MemberFacts[]): MemberWarning[] {
  const current = members.filter((m) => m.leftOn === null);
  const warnings: MemberWarning[] = [];
  const cap = CAPITAL_CAP[type];
  if (cap !== undefined && charterCapital > 0) {
    for (const m of current) {
      const share = m.capitalContributed / charterCapital;
      if (share > cap)
        warnings.push({ code: 'capital_cap_exceeded', memberId: m.id, share: Math.round(share * 1000) / 1000, cap });
    }
  }
  const minimum = MINIMUM_OFFICIAL_MEMBERS[type];
  const official = current.filter((m) => m.membership === 'official').length;
  if (minimum !== undefined && official < minimum) warnings.push({ code: 'too_few_founders', official, minimum });
  if (type === 'cooperative_union') {
    for (const m of current) {
      if (m.kind !== 'legal_entity') warnings.push({ code: 'union_members_must_be_cooperatives', memberId: m.id });
    }
  }
  return warnings;
}
