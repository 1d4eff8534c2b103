import { CAPITAL_CAP, type MemberKind, type Membership } from '@hoptac/core';
import { drawPersonName } from '../names.ts';
import type { Rng } from '../rng.ts';
import { between, DAY_MS, dayBetween, gaussian, isoDate } from './draws.ts';
import { DATA_AS_OF, type PlannedEntity } from './plan-entities.ts';
import { BRANDS } from './vocabulary.ts';

export type PlannedMember = {
  id: string;
  entityId: string;
  name: string;
  kind: MemberKind;
  membership: Membership;
  capitalContributed: number;
  joinedOn: string;
  leftOn: string | null;
  note: string | null;
};

/** Share of cooperatives and unions where one member holds more than the legal cap (so the warning shows). */
const OVER_CAP_SHARE = 0.05;

const KIND_MIX: Record<string, readonly (readonly [MemberKind, number])[]> = {
  agriculture: [
    ['household', 60],
    ['individual', 37],
    ['legal_entity', 3],
  ],
  non_agriculture: [
    ['individual', 80],
    ['household', 15],
    ['legal_entity', 5],
  ],
  credit: [
    ['individual', 70],
    ['household', 30],
  ],
  group: [
    ['individual', 55],
    ['household', 45],
  ],
};

/** How many member rows a register entry lists: a sample of the members, not all of a 1,000-household cooperative. */
function memberRows(rng: Rng, e: PlannedEntity): number {
  const everyone = e.officialMembers + e.associateMembers;
  switch (e.type) {
    case 'cooperative':
      return Math.min(rng.int(10, 30), everyone);
    case 'cooperative_union':
      return Math.min(e.officialMembers, 12);
    case 'cooperative_group':
      return Math.min(rng.int(3, 12), everyone);
    default:
      return 0;
  }
}

/** Minimum founders (domain notes: 5 for a cooperative, 3 for a union, 2 for a group under the 2023 law). */
const FOUNDERS: Record<string, [number, number]> = {
  cooperative: [5, 9],
  cooperative_union: [3, 4],
  cooperative_group: [2, 4],
};

function memberName(rng: Rng, kind: MemberKind, legalNames: string[]): string {
  if (kind === 'legal_entity') return legalNames.shift() ?? `Công ty TNHH Nông sản ${rng.pick(BRANDS)}`;
  const person = drawPersonName(rng);
  if (kind === 'household') return `Hộ ${person.gender === 'male' ? 'ông' : 'bà'} ${person.full}`;
  return person.full;
}

/** Member cooperatives of a union: earlier cooperatives of the same old district first, then any earlier ones. */
function unionMemberNames(rng: Rng, union: PlannedEntity, cooperatives: readonly PlannedEntity[], n: number): string[] {
  const before = cooperatives.filter((c) => c.index < union.index && c.status !== 'dissolved');
  const district = union.predecessor?.districtCode;
  const near = rng.shuffle(before.filter((c) => district && c.predecessor?.districtCode === district));
  const far = rng.shuffle(before.filter((c) => !district || c.predecessor?.districtCode !== district));
  return [...near, ...far].slice(0, n).map((c) => c.name);
}

function contributionStep(amount: number): number {
  return amount >= 10e6 ? 1e6 : 1e5;
}

/**
 * Member rows of the cooperative-type entities, in plan order: 10–30 people or households for a
 * cooperative, its member cooperatives for a union, a few households for a group. Contributions
 * add up to part of the charter capital, each under the legal cap except in ~5 % of cooperatives
 * and unions, where one founder holds too much.
 */
export function planMembers(rng: Rng, entities: readonly PlannedEntity[]): PlannedMember[] {
  const cooperatives = entities.filter((e) => e.type === 'cooperative');
  const out: PlannedMember[] = [];
  for (const e of entities) {
    const n = memberRows(rng, e);
    if (n === 0) continue;
    const registered = Date.parse(e.registrationDate);
    const [minFounders, maxFounders] = FOUNDERS[e.type]!;
    const founders = Math.min(n, rng.int(minFounders, maxFounders));
    const associates = e.associateMembers > 0 ? Math.min(e.associateMembers, Math.round(n * 0.15)) : 0;
    const kinds =
      e.type === 'cooperative_union'
        ? null
        : (KIND_MIX[e.type === 'cooperative_group' ? 'group' : e.sectors[0]!] ?? KIND_MIX.agriculture!);
    const legalNames = e.type === 'cooperative_union' ? unionMemberNames(rng, e, cooperatives, n) : [];
    const cap = CAPITAL_CAP[e.type];
    const overCap = cap !== undefined && e.charterCapital > 0 && rng.chance(OVER_CAP_SHARE);
    const recorded = e.charterCapital * between(rng, 0.3, 0.85);

    const rows: (PlannedMember & { weight: number })[] = [];
    for (let i = 0; i < n; i++) {
      const kind: MemberKind = kinds ? rng.weighted(kinds) : 'legal_entity';
      const founder = i < founders;
      const membership: Membership = !founder && i >= n - associates ? 'associate' : 'official';
      const joined = founder
        ? registered
        : dayBetween(rng, registered + 30 * DAY_MS, Math.max(registered + 30 * DAY_MS, DATA_AS_OF - 30 * DAY_MS));
      const leaves = !founder && rng.chance(0.06) && joined + 400 * DAY_MS < DATA_AS_OF - 10 * DAY_MS;
      const left = leaves ? dayBetween(rng, joined + 365 * DAY_MS, DATA_AS_OF - 10 * DAY_MS) : null;
      const contributes = membership === 'official' || rng.chance(0.4);
      const weight = contributes
        ? Math.exp(0.6 * gaussian(rng)) * (founder ? 1.5 : 1) * (membership === 'associate' ? 0.5 : 1)
        : 0;
      const note = founder
        ? 'Thành viên sáng lập'
        : left !== null
          ? e.type === 'cooperative_union'
            ? 'Rút khỏi liên hiệp, đã hoàn trả vốn góp'
            : 'Ra khỏi tổ chức, đã hoàn trả vốn góp'
          : weight === 0
            ? 'Thành viên liên kết không góp vốn'
            : null;
      rows.push({
        id: rng.uuid(),
        entityId: e.id,
        name: memberName(rng, kind, legalNames),
        kind,
        membership,
        capitalContributed: 0,
        joinedOn: isoDate(joined),
        leftOn: left === null ? null : isoDate(left),
        note,
        weight,
      });
    }
    const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
    if (e.charterCapital > 0 && totalWeight > 0) {
      // Under the cap by a margin, so rounding never tips an ordinary member over it.
      const ceiling = cap === undefined ? e.charterCapital : (cap - 0.02) * e.charterCapital;
      for (const r of rows) {
        const amount = Math.min((recorded * r.weight) / totalWeight, ceiling);
        r.capitalContributed = Math.max(0, Math.floor(amount / contributionStep(amount)) * contributionStep(amount));
      }
      if (overCap) {
        const share = between(rng, cap + 0.01, cap + 0.15);
        const amount = share * e.charterCapital;
        // Rounded up, so the share stays above the cap.
        rows[0]!.capitalContributed = Math.ceil(amount / contributionStep(amount)) * contributionStep(amount);
      }
    }
    for (const { weight: _weight, ...row } of rows) out.push(row);
  }
  return out;
}
