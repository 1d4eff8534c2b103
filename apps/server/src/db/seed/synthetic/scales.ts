// How much data each scale holds. A module adding a generator adds its own counts here
// (e.g. `products`), next to the accounts and the register.

export type ScaleName = 'hanoi' | 'national';

export type Scale = {
  name: ScaleName;
  /** User accounts of every role except city_admin. */
  accounts: number;
  /** Registered entities (cooperative groups, cooperatives, unions, enterprises, household businesses). */
  entities: number;
};

/** Annual reports are generated for these years (entities registered by the year only). */
export const REPORT_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

export const SCALES: Record<ScaleName, Scale> = {
  /** One city: Hanoi's 126 communes, ~3,200 registered entities and their people. */
  hanoi: { name: 'hanoi', accounts: 3_200, entities: 3_200 },
  /**
   * The whole country, ten times Hanoi and more (~34,000 entities: the order of the 33,557
   * cooperatives nationwide at the end of 2024). Only Hanoi's administrative units are loaded, so
   * the national register is spread over the same 126 communes: denser, not wider.
   */
  national: { name: 'national', accounts: 34_000, entities: 34_000 },
};

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(SCALES, value);
}
