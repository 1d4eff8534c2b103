import type { EntityType, Sector } from '@hoptac/core';
import { utcDay } from './draws.ts';
import type { SyntheticCommune } from './places.ts';

/** The administrative reform: records made before it keep their old commune. */
export const REFORM = utcDay(2025, 7, 1);

/**
 * The synthetic register's mix: how many entities of each type, in which statuses, sectors,
 * communes and registration years, and how many are high-tech or in a value chain. Figures follow
 * the domain notes where they give one; the rest are plausible shares.
 */

/**
 * One round of the type mix, in entities. The hanoi scale is exactly one round: ~1,250
 * cooperatives (three quarters agricultural, as the domain notes' 1,235 agricultural cooperatives
 * at the end of 2020), 15 unions, 700 cooperative groups, and the enterprises and household
 * businesses that own OCOP products. Larger scales repeat the round.
 */
export const TYPE_ROUND: readonly (readonly [EntityType, number])[] = [
  ['cooperative', 1_250],
  ['cooperative_union', 15],
  ['cooperative_group', 700],
  ['enterprise', 700],
  ['household_business', 535],
];

export type DrawnStatus = 'active' | 'suspended' | 'reorganising' | 'dissolved';

/**
 * Lifecycle mix for entities old enough to have changed status (registered before 2024): a
 * little above the target 85 / 8 / 2 / 5 %, since younger entities are all active.
 */
export const STATUS_MIX: readonly (readonly [DrawnStatus, number])[] = [
  ['active', 83.2],
  ['suspended', 9],
  ['reorganising', 2.3],
  ['dissolved', 5.5],
];

export type Category =
  'agriCoop' | 'nonAgriCoop' | 'credit' | 'union' | 'agriGroup' | 'nonAgriGroup' | 'enterprise' | 'household';

/** Where each kind of entity tends to be: agricultural cooperatives in rural communes, companies in the city. */
export const COMMUNE_WEIGHTS: Record<Category, Record<SyntheticCommune['kind'], number>> = {
  agriCoop: { rural: 10, periurban: 3, inner: 0.3 },
  nonAgriCoop: { rural: 3, periurban: 3, inner: 2 },
  credit: { rural: 3, periurban: 2, inner: 1 },
  union: { rural: 2, periurban: 1, inner: 1 },
  agriGroup: { rural: 6, periurban: 2, inner: 0.3 },
  nonAgriGroup: { rural: 3, periurban: 2, inner: 1 },
  enterprise: { rural: 2, periurban: 3, inner: 3 },
  household: { rural: 3, periurban: 3, inner: 2 },
};

export function categoryOf(type: EntityType, sector: Sector): Category {
  switch (type) {
    case 'cooperative':
      return sector === 'credit' ? 'credit' : sector === 'agriculture' ? 'agriCoop' : 'nonAgriCoop';
    case 'cooperative_union':
      return 'union';
    case 'cooperative_group':
      return sector === 'agriculture' ? 'agriGroup' : 'nonAgriGroup';
    case 'enterprise':
      return 'enterprise';
    case 'household_business':
      return 'household';
  }
}

export const SECTOR_MIX: Record<EntityType, readonly (readonly [Sector, number])[]> = {
  cooperative: [
    ['agriculture', 75],
    ['non_agriculture', 23],
    ['credit', 2],
  ],
  cooperative_union: [
    ['agriculture', 70],
    ['non_agriculture', 30],
  ],
  cooperative_group: [
    ['agriculture', 70],
    ['non_agriculture', 30],
  ],
  enterprise: [
    ['agriculture', 45],
    ['non_agriculture', 55],
  ],
  household_business: [
    ['agriculture', 40],
    ['non_agriculture', 60],
  ],
};

const range = (from: number, to: number, weight: (year: number) => number) =>
  Array.from({ length: to - from + 1 }, (_, i) => [from + i, weight(from + i)] as const);

/**
 * Registration years. Most of Hanoi's agricultural cooperatives were converted from the old
 * collectives under the 1996 law (1997–1999); groups, companies and households are younger.
 */
export const YEAR_WEIGHTS: Record<Category, readonly (readonly [number, number])[]> = {
  agriCoop: range(1997, 2025, (y) =>
    y === 1997
      ? 7
      : y === 1998
        ? 9
        : y === 1999
          ? 6
          : y <= 2008
            ? 1.2
            : y <= 2012
              ? 1.5
              : y <= 2016
                ? 2.5
                : y <= 2022
                  ? 2.8
                  : y <= 2024
                    ? 2.5
                    : 1.5,
  ),
  nonAgriCoop: range(1997, 2025, (y) => (y <= 1999 ? 1 : y <= 2012 ? 1.5 : y <= 2024 ? 2.5 : 1.5)),
  credit: range(1997, 2025, (y) => (y <= 2005 ? 3 : 0.3)),
  union: range(2005, 2025, (y) => (y === 2025 ? 0.5 : 1)),
  agriGroup: range(2008, 2025, (y) => (1 + (y - 2008) * 0.15) * (y === 2025 ? 0.8 : 1)),
  nonAgriGroup: range(2008, 2025, (y) => (1 + (y - 2008) * 0.15) * (y === 2025 ? 0.8 : 1)),
  enterprise: range(2000, 2025, (y) => (1 + (y - 2000) * 0.1) * (y === 2025 ? 0.8 : 1)),
  household: range(2005, 2025, (y) => (1 + (y - 2005) * 0.12) * (y === 2025 ? 0.8 : 1)),
};

/** Shares with high technology and in a value chain, per category (about 8 % and 30 % overall). */
export const HIGH_TECH: Record<Category, number> = {
  agriCoop: 0.06,
  nonAgriCoop: 0.03,
  credit: 0,
  union: 0.2,
  agriGroup: 0.03,
  nonAgriGroup: 0.02,
  enterprise: 0.11,
  household: 0.02,
};
export const VALUE_CHAIN: Record<Category, number> = {
  agriCoop: 0.36,
  nonAgriCoop: 0.25,
  credit: 0,
  union: 0.6,
  agriGroup: 0.2,
  nonAgriGroup: 0.15,
  enterprise: 0.4,
  household: 0.15,
};
