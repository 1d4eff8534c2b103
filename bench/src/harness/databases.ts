import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CURRENT_SCHEME, type Role } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { bootstrapDatabase } from '../../../apps/server/src/db/bootstrap.ts';
import { openDatabase, type Database, type DatabaseTarget, type Db } from '../../../apps/server/src/db/client.ts';
import { insertUser } from '../../../apps/server/src/modules/identity/identity.repository.ts';
import { hashPassword } from '../../../apps/server/src/modules/identity/password.ts';
import {
  createScratchPostgres,
  isPostgresReachable,
  testDatabaseUrl,
} from '../../../apps/server/src/testing/scratch-postgres.ts';
import { seedSynthetic, type SeedReport } from '../../../apps/server/src/db/seed/synthetic/registry.ts';
import type { Scale } from '../../../apps/server/src/db/seed/synthetic/scales.ts';
import type { AccountName, RegisterFixtures } from './routes.ts';

export type DatabaseKindName = 'postgres' | 'pglite';

/** A throwaway database for one benchmark pass: where it is, how the server reaches it, how to remove it. */
export type BenchDatabase = {
  kind: DatabaseKindName;
  label: string;
  target: DatabaseTarget;
  serverEnv: Record<string, string>;
  dispose(): Promise<void>;
};

/** A fresh scratch database on the local PostgreSQL, or a reason why there is none. */
export async function createPostgresBench(): Promise<BenchDatabase | { skipped: string }> {
  const adminUrl = testDatabaseUrl();
  const shown = new URL(adminUrl).host;
  if (!(await isPostgresReachable(adminUrl)))
    return { skipped: `PostgreSQL is not reachable at ${shown} (set TEST_DATABASE_URL to point elsewhere)` };
  const scratch = await createScratchPostgres('hoptac_bench', adminUrl);
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    target: { kind: 'postgres', url: scratch.url },
    serverEnv: { DATABASE_URL: scratch.url },
    dispose: () => scratch.drop(),
  };
}

/** A fresh PGlite data directory under the OS temp folder. */
export async function createPgliteBench(): Promise<BenchDatabase> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hoptac-bench-'));
  return {
    kind: 'pglite',
    label: 'PGlite',
    target: { kind: 'pglite', dataDir: dir },
    serverEnv: { DATA_DIR: dir },
    dispose: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** An account the bench signs in as: `name` is how routes refer to it (its role, or a council seat). */
export type BenchAccount = { name: AccountName; role: Role; email: string; password: string; userId: string };

export type PreparedDatabase = {
  version: string;
  seed: SeedReport;
  accounts: BenchAccount[];
  fixtures: RegisterFixtures;
  ms: number;
};

/**
 * Creates a user holding one role with a fresh random password, which only this run knows
 * (production mode seeds no demo users, and a bench database must not share passwords with one).
 */
export async function createBenchAccount(
  db: Db,
  name: AccountName,
  role: Role,
  displayName: string,
  communes: { scheme: string; code: string }[] = [],
): Promise<BenchAccount> {
  const email = `bench.${name.replace(/_/g, '-')}@bench.hoptac.vn`;
  const password = randomBytes(18).toString('base64url');
  const userId = await insertUser(db, {
    email,
    displayName,
    passwordHash: await hashPassword(password),
    roles: [role],
    communes,
  });
  return { name, role, email, password, userId };
}

/**
 * Ids the routes need, looked up in the seeded data (ids are deterministic, but a query keeps the
 * bench independent of how the generator draws them): an active agricultural cooperative of
 * Xã Đông Anh, the first by name.
 */
async function findFixtures(database: Database): Promise<RegisterFixtures> {
  const result = (await database.db.execute(
    sql`select id from entities
        where commune_code = '00454' and type = 'cooperative' and status = 'active' and 'agriculture' = any(sectors)
        order by name_folded, id limit 1`,
  )) as unknown as { rows: { id: string }[] };
  const entityId = result.rows[0]?.id;
  if (!entityId) throw new Error('the synthetic register has no active agricultural cooperative in commune 00454');
  return { entityId };
}

async function serverVersion(database: Database): Promise<string> {
  const result = (await database.db.execute(sql`select version() as v`)) as unknown as { rows: { v: string }[] };
  const full = result.rows[0]?.v ?? 'unknown';
  return full.split(' on ')[0]!.split(',')[0]!;
}

/**
 * Migrates, seeds synthetic data and creates one bench account per role the routes sign in as
 * (production mode seeds no demo users). The database is closed again before the server opens it:
 * PGlite allows a single opener.
 */
export async function prepareDatabase(
  bench: BenchDatabase,
  scale: Scale,
  roles: readonly Role[],
): Promise<PreparedDatabase> {
  const started = performance.now();
  const database = await openDatabase(bench.target);
  try {
    await bootstrapDatabase(database, { seedDemo: false });
    const seed = await seedSynthetic(database.db, scale);
    const accounts: BenchAccount[] = [];
    for (const role of roles) {
      // An officer needs a scope; the PK ceiling's commune is as good as any.
      const communes = role === 'commune_officer' ? [{ scheme: CURRENT_SCHEME, code: '00004' }] : [];
      accounts.push(await createBenchAccount(database.db, role, role, `Bench ${role}`, communes));
    }
    // Fresh statistics, so the planner sees the seeded sizes rather than empty tables, and a
    // visibility map, so index-only scans work as they do on a database autovacuum looks after.
    await database.db.execute(sql`vacuum (analyze)`);
    const fixtures = await findFixtures(database);
    return { version: await serverVersion(database), seed, accounts, fixtures, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}
