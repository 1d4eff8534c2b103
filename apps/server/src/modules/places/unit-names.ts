import type { Db } from '../../db/client.ts';
import { adminUnits } from './places.schema.ts';

/** The full name of a unit ("Xã Đông Anh"), or null for a unit not in the data. */
export type UnitNameLookup = (scheme: string | null, code: string | null) => string | null;

/**
 * Full names of every administrative unit, read once per server. The units are reference data
 * written only at startup from the shipped data file (places.reference.ts), so a list of 50
 * entities can name their communes without joining the units table three times per row.
 */
export function createUnitNames(db: Db) {
  let loading: Promise<UnitNameLookup> | null = null;

  async function load(): Promise<UnitNameLookup> {
    const rows = await db
      .select({ scheme: adminUnits.scheme, code: adminUnits.code, fullName: adminUnits.fullName })
      .from(adminUnits);
    const names = new Map(rows.map((r) => [`${r.scheme}/${r.code}`, r.fullName]));
    return (scheme, code) => (scheme && code ? (names.get(`${scheme}/${code}`) ?? null) : null);
  }

  return {
    lookup(): Promise<UnitNameLookup> {
      // A failed read is not remembered: the next request tries again.
      loading ??= load().catch((err: unknown) => {
        loading = null;
        throw err;
      });
      return loading;
    },
  };
}
