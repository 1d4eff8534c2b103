import type { Database } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { seedDemoRegister, type DemoRegisterResult } from './seed/demo-register.ts';
import { syncAdminUnits } from '../modules/places/index.ts';
import { seedDemoAccounts } from '../modules/identity/index.ts';
import { seedDemoCatalog } from '../modules/catalog/index.ts';
import { seedDemoOutlets } from '../modules/outlets/index.ts';
import { seedDemoPlans } from '../modules/plans/index.ts';
import {
  assignMissingVerifyCodes,
  seedDemoEvidence,
  seedDemoOcopRound,
  syncShippedRubrics,
} from '../modules/ocop/index.ts';

export type BootstrapResult = {
  adminUnits: 'loaded' | 'unchanged';
  /** Scoring sheet versions added from data/ocop-rubrics (0 when all were loaded before). */
  rubricVersionsAdded: number;
  demoSeeded: boolean;
  /** What this start seeded into an empty register (null: not asked, or the register had entities). */
  demoRegister: DemoRegisterResult | null;
};

export type BootstrapOptions = {
  /** Demo accounts on an empty user table. */
  seedDemo: boolean;
  /** The synthetic Hanoi register on an empty register; defaults to `seedDemo`. Tests turn it off to stay fast. */
  demoRegister?: boolean;
};

/** Brings a database to the running version: migrations, reference data, then (demo mode only) demo data and the demo OCOP round. */
export async function bootstrapDatabase(database: Database, opts: BootstrapOptions): Promise<BootstrapResult> {
  await migrateDatabase(database);
  const adminUnits = await syncAdminUnits(database.db);
  const rubricVersionsAdded = await syncShippedRubrics(database.db);
  const demoSeeded = opts.seedDemo ? await seedDemoAccounts(database.db) : false;
  const demoRegister = (opts.demoRegister ?? opts.seedDemo) ? await seedDemoRegister(database.db) : null;
  // An open OCOP round with the demo council, so a demo producer can submit (first start only).
  if (opts.seedDemo) await seedDemoOcopRound(database.db);
  // Its documents, so the demo producer's products can be submitted (first start only).
  if (opts.seedDemo) await seedDemoEvidence(database.db);
  // Certified products with public profiles for the catalogue, with the full demo only (first start only).
  if (opts.demoRegister ?? opts.seedDemo) await seedDemoCatalog(database.db);
  // Showrooms and points of sale stocking the demo catalogue's products (first start only).
  if (opts.demoRegister ?? opts.seedDemo) await seedDemoOutlets(database.db);
  // Plan 35/KH-UBND (2021) and the year's OCOP plan over the synthetic register (first start only).
  if (opts.demoRegister ?? opts.seedDemo) await seedDemoPlans(database.db);
  // Every certified product has its QR short code, whoever certified it.
  await assignMissingVerifyCodes(database.db);
  return { adminUnits, rubricVersionsAdded, demoSeeded, demoRegister };
}
