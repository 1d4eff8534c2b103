import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { bootstrapDatabase } from '../db/bootstrap.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { DEMO_PASSWORD } from '../modules/identity/index.ts';
import { createScratchPostgres } from './scratch-postgres.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Which database this test process runs on (set by scripts/test.mjs). */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.HOPTAC_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export type TestDatabaseOptions = {
  /** Demo accounts (default true). */
  seedDemo?: boolean;
  /** The synthetic Hanoi register of demo mode (default false: ~3,200 entities cost seconds per test file). */
  demoRegister?: boolean;
};

/** A fresh, migrated database for one test file: in-memory PGlite or a new PostgreSQL database. */
export async function createTestDatabase(opts: TestDatabaseOptions = {}) {
  let database: Database;
  let drop = async () => {};
  if (testDatabaseKind() === 'postgres') {
    const scratch = await createScratchPostgres('hoptac_test');
    database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
    drop = scratch.drop;
  } else {
    database = await openDatabase({ kind: 'pglite' });
  }
  await bootstrapDatabase(database, { seedDemo: opts.seedDemo ?? true, demoRegister: opts.demoRegister ?? false });
  return {
    database,
    async close() {
      await database.close();
      await drop();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  /** Signs in and returns the Cookie header value for later requests. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
};

export type TestAppOptions = TestDatabaseOptions & { loginRateLimit?: number; now?: () => Date; webDist?: string };

/** The whole app on a fresh database, demo accounts seeded, for app.inject tests. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase({ seedDemo: opts.seedDemo, demoRegister: opts.demoRegister });
  const app = await buildApp({
    database: db.database,
    config: {
      sessionTtlHours: 24,
      loginRateLimit: opts.loginRateLimit ?? 1000,
      cookieSecure: false,
      webDist: opts.webDist ?? '/nonexistent',
      logLevel: process.env.TEST_LOG_LEVEL === 'debug' ? 'error' : 'silent',
      trustProxy: false,
    },
    now: opts.now,
  });
  return {
    app,
    database: db.database,
    async login(email, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      return cookieFrom(res);
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** The session cookie of a response as a Cookie header value. */
export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'hoptac_session');
  if (!c) throw new Error('no session cookie');
  return `${c.name}=${c.value}`;
}

export const DEMO = {
  admin: 'admin@demo.hoptac.vn',
  officer: 'officer@demo.hoptac.vn',
  council: 'council1@demo.hoptac.vn',
  coop: 'coop@demo.hoptac.vn',
  buyer: 'buyer@demo.hoptac.vn',
  outlet: 'outlet@demo.hoptac.vn',
} as const;

/** Every signed-in role except the ones named: the 403 side of a route's role matrix. */
export function otherRoles(...allowed: (keyof typeof DEMO)[]): string[] {
  return (Object.keys(DEMO) as (keyof typeof DEMO)[]).filter((k) => !allowed.includes(k)).map((k) => DEMO[k]);
}
