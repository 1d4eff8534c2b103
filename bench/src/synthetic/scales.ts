// How much data each scale holds. A module adding a generator adds its own counts here
// (e.g. `entities`, `products`, `reportYears`), next to the accounts.

export type ScaleName = 'hanoi' | 'national';

export type Scale = {
  name: ScaleName;
  /** User accounts of every role except city_admin. */
  accounts: number;
};

export const SCALES: Record<ScaleName, Scale> = {
  /** One city: Hanoi's 126 communes, ~3,200 entities' worth of people. */
  hanoi: { name: 'hanoi', accounts: 3_200 },
  /** The whole country, ten times Hanoi and more. */
  national: { name: 'national', accounts: 34_000 },
};

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(SCALES, value);
}
