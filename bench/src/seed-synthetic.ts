// npm run seed:synthetic -- --scale hanoi|national [--database-url URL | --data-dir DIR]
// Fills a database with deterministic synthetic data; by default the one `npm start` would use.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../apps/server/src/config.ts';
import { bootstrapDatabase } from '../../apps/server/src/db/bootstrap.ts';
import { openDatabase, type DatabaseTarget } from '../../apps/server/src/db/client.ts';
import { DataDirLockedError } from '../../apps/server/src/db/pglite-lock.ts';
import { parseArgs } from './lib/args.ts';
import { describeSeedReport, seedSynthetic } from '../../apps/server/src/db/seed/synthetic/registry.ts';
import { isScaleName, SCALES } from '../../apps/server/src/db/seed/synthetic/scales.ts';

function resolveTarget(args: Map<string, string>): DatabaseTarget {
  const url = args.get('database-url');
  const dir = args.get('data-dir');
  if (url && dir) throw new Error('Give --database-url or --data-dir, not both');
  if (url) return { kind: 'postgres', url };
  if (dir) return { kind: 'pglite', dataDir: path.resolve(dir) };
  // Same resolution as the server: DATABASE_URL, else PGlite in DATA_DIR (default ./data/db).
  return loadConfig().database;
}

function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite in ${target.dataDir}`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.host}${u.pathname}`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), ['scale', 'database-url', 'data-dir']);
  const scaleName = args.get('scale') ?? 'hanoi';
  if (!isScaleName(scaleName)) throw new Error(`--scale must be one of: ${Object.keys(SCALES).join(', ')}`);
  const scale = SCALES[scaleName];
  const target = resolveTarget(args);

  process.stdout.write(`Seeding synthetic data, scale ${scale.name}, into ${describeTarget(target)}\n`);
  const started = performance.now();
  const database = await openDatabase(target);
  try {
    const boot = await bootstrapDatabase(database, { seedDemo: false, demoRegister: false });
    process.stdout.write(`  bootstrap: migrations applied, admin units ${boot.adminUnits}\n`);
    const report = await seedSynthetic(database.db, scale);
    process.stdout.write(`${describeSeedReport(report).join('\n')}\n`);
    // Statistics and a visibility map for the new rows (PGlite has no autovacuum to do it later).
    await database.db.execute(sql`vacuum (analyze)`);
  } finally {
    await database.close();
  }
  process.stdout.write(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((err: unknown) => {
  const message =
    err instanceof DataDirLockedError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`\nseed:synthetic failed: ${message}\n`);
  process.exit(1);
});
