import { foldVietnamese } from '@hoptac/core';
import type { Db } from '../db/client.ts';
import { entities } from '../modules/registry/registry.schema.ts';

/** A plausible year of a small agricultural cooperative (VND), for tests to override field by field. */
export const SAMPLE_REPORT_FIGURES = {
  revenue: 3_200_000_000,
  revenueFromMembers: 1_900_000_000,
  profit: 210_000_000,
  totalCapital: 2_500_000_000,
  indivisibleAssets: 400_000_000,
  officialMembers: 25,
  associateMembers: 4,
  memberHouseholds: 22,
  workers: 18,
  memberWorkers: 12,
  avgMemberIncome: 62_000_000,
  avgWorkerMonthlyIncome: 7_500_000,
  valueChainLinks: 2,
  ocopProducts: 1,
  monthsOperating: 12,
  suspendedMonths: 0,
};

/** Inserts an entity straight into the register (no audit, no checks) and returns its id. */
export async function insertTestEntity(
  db: Db,
  name: string,
  communeCode: string,
  o: Partial<typeof entities.$inferInsert> = {},
): Promise<string> {
  const [row] = await db
    .insert(entities)
    .values({
      type: 'cooperative',
      name,
      nameFolded: foldVietnamese(name),
      address: 'Hà Nội',
      communeScheme: '2025-07',
      communeCode,
      sectors: ['agriculture'],
      registrationDate: '2020-05-01',
      ...o,
    })
    .returning({ id: entities.id });
  return row!.id;
}
