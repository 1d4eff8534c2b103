import type { Database } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { syncAdminUnits } from '../modules/places/index.ts';
import { seedDemoAccounts } from '../modules/identity/index.ts';

export type BootstrapResult = { adminUnits: 'loaded' | 'unchanged'; demoSeeded: boolean };

/** Brings a database to the running version: migrations, reference data, then (demo mode only) demo data. */
export async function bootstrapDatabase(database: Database, opts: { seedDemo: boolean }): Promise<BootstrapResult> {
  await migrateDatabase(database);
  const adminUnits = await syncAdminUnits(database.db);
  const demoSeeded = opts.seedDemo ? await seedDemoAccounts(database.db) : false;
  return { adminUnits, demoSeeded };
}
