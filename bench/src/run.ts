// npm run bench [-- --scale hanoi|national --duration S --warmup S --connections N --db both|postgres|pglite --out FILE]
// Seeds each database, starts the real server on it, loads every route in harness/routes.ts,
// times an XLSX import of annual reports against a batched insert (harness/import-bench.ts), has
// an OCOP council score products concurrently (harness/ocop-scenario.ts) and writes
// docs/benchmarks.md. See that file's "How to read" section.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ROLES, type Role } from '@hoptac/core';
import { intOption, parseArgs } from './lib/args.ts';
import {
  createPgliteBench,
  createPostgresBench,
  prepareDatabase,
  type BenchAccount,
  type BenchDatabase,
  type DatabaseKindName,
} from './harness/databases.ts';
import { IMPORT_ROLE, IMPORT_ROWS, prepareImport } from './harness/import-bench.ts';
import { describeMachine } from './harness/machine.ts';
import { measureRoutes } from './harness/measure.ts';
import { databaseTable, importLine, renderMarkdown, type BenchRun, type DatabaseRun } from './harness/report.ts';
import { scenarioLine } from './harness/ocop-report.ts';
import { runScoringScenario, SCENARIO_RUNS } from './harness/ocop-scenario.ts';
import { seedOcopEvaluation, type OcopBench } from './harness/ocop-seed.ts';
import { seedCatalog } from './harness/catalog-seed.ts';
import { PLAN_TARGETS, seedBenchPlan } from './harness/plans-seed.ts';
import { ROUTES, type CatalogFixtures, type PlanFixtures } from './harness/routes.ts';
import { REPO_ROOT, startServer, type RunningServer } from './harness/server.ts';
import { describeSeedReport } from '../../apps/server/src/db/seed/synthetic/registry.ts';
import { isScaleName, REPORT_YEARS, SCALES, type Scale } from '../../apps/server/src/db/seed/synthetic/scales.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

// Whatever is live (server, scratch database, temp dir) is undone on Ctrl-C as well as on success.
const cleanups: (() => Promise<unknown>)[] = [];
async function runCleanups() {
  while (cleanups.length > 0) await cleanups.pop()!().catch((err: unknown) => log(`  cleanup failed: ${String(err)}`));
}
process.once('SIGINT', () => {
  log('\nInterrupted: stopping the server and removing the scratch databases…');
  void runCleanups().finally(() => process.exit(130));
});

type Options = {
  scale: Scale;
  durationSec: number;
  warmupSec: number;
  connections: number;
  dbs: DatabaseKindName[];
  out: string;
};

function readOptions(): Options {
  const args = parseArgs(process.argv.slice(2), ['scale', 'duration', 'warmup', 'connections', 'db', 'out']);
  const scaleName = args.get('scale') ?? 'hanoi';
  if (!isScaleName(scaleName)) throw new Error(`--scale must be one of: ${Object.keys(SCALES).join(', ')}`);
  const db = args.get('db') ?? 'both';
  if (db !== 'both' && db !== 'postgres' && db !== 'pglite') throw new Error('--db must be both, postgres or pglite');
  return {
    scale: SCALES[scaleName],
    durationSec: intOption(args, 'duration', 10, 1, 300),
    warmupSec: intOption(args, 'warmup', 2, 0, 60),
    connections: intOption(args, 'connections', 50, 1, 1_000),
    dbs: db === 'both' ? ['postgres', 'pglite'] : [db],
    out: path.resolve(REPO_ROOT, args.get('out') ?? 'docs/benchmarks.md'),
  };
}

/** Runs `body` with `cleanup` registered for Ctrl-C, and runs the cleanup when the body ends either way. */
async function withCleanup<T>(cleanup: () => Promise<unknown>, body: () => Promise<T>): Promise<T> {
  cleanups.push(cleanup);
  try {
    return await body();
  } finally {
    cleanups.pop();
    await cleanup();
  }
}

async function stopServer(server: RunningServer): Promise<void> {
  const code = await server.stop();
  if (code !== 0) log(`  server exited with code ${code}:\n${server.output()}`);
}

const isRole = (name: string): name is Role => (ROLES as readonly string[]).includes(name);

/** The OCOP bench is seeded through the services as a city admin, and its scores read back as one. */
const OCOP_ADMIN_ROLE: Role = 'city_admin';

/**
 * The OCOP council's data, or undefined when seeding it failed: then only the OCOP rows fail, and
 * the routes and the import are measured as before.
 */
async function seedOcop(bench: BenchDatabase, admin: BenchAccount, run: DatabaseRun): Promise<OcopBench | undefined> {
  try {
    const ocop = await seedOcopEvaluation(bench.target, admin, SCENARIO_RUNS.length);
    run.ocopSeedSec = ocop.ms / 1000;
    log(
      `  OCOP: a council of ${ocop.council.length} and ${2 + ocop.runDossiers.flat().length} forwarded dossiers ` +
        `seeded in ${run.ocopSeedSec.toFixed(1)} s`,
    );
    return ocop;
  } catch (err) {
    run.ocopError = `the OCOP seeding failed: ${err instanceof Error ? err.message : String(err)}`;
    log(`  ${run.ocopError}`);
    return undefined;
  }
}

/**
 * The public catalogue's certified products and the 15-target plan (issues 6 and 7), or what of
 * them could be seeded: a failure is logged and noted under the seed lines, and only the routes
 * needing the missing fixture fail (measureRoutes reports the placeholder it has no value for).
 */
async function seedCatalogueAndPlan(
  bench: BenchDatabase,
  admin: BenchAccount,
  scale: Scale,
  run: DatabaseRun,
): Promise<Partial<CatalogFixtures & PlanFixtures>> {
  const note = (line: string) => {
    log(`  ${line}`);
    run.seedLines?.push(line);
  };
  const fixtures: Partial<CatalogFixtures & PlanFixtures> = {};
  try {
    const catalog = await seedCatalog(bench.target, scale.name);
    Object.assign(fixtures, catalog.fixtures);
    note(
      `catalogue: ${catalog.products.toLocaleString('en')} certified products in ${(catalog.ms / 1000).toFixed(1)} s`,
    );
  } catch (err) {
    note(`the catalogue seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    Object.assign(fixtures, await seedBenchPlan(bench.target, admin));
    note(`plans: one plan with ${PLAN_TARGETS} city targets`);
  } catch (err) {
    note(`the plan seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  return fixtures;
}

/**
 * One pass: prepare the database, the OCOP council's data and the import's workload, start the
 * server, measure every route, then the XLSX import, then the council scoring; stop, dispose.
 */
async function benchDatabase(kind: DatabaseKindName, opts: Options): Promise<DatabaseRun> {
  const created = kind === 'postgres' ? await createPostgresBench() : await createPgliteBench();
  if ('skipped' in created) {
    log(`\n${kind}: skipped — ${created.skipped}`);
    return { kind, label: 'PostgreSQL', skipped: created.skipped, outcomes: [] };
  }
  const bench: BenchDatabase = created;
  const run: DatabaseRun = { kind, label: bench.label, outcomes: [] };
  const disposeBench = () =>
    bench.dispose().catch((err: unknown) => log(`  could not remove the ${bench.label} database: ${String(err)}`));
  log(`\n${bench.label}: seeding scale ${opts.scale.name}…`);
  try {
    await withCleanup(disposeBench, async () => {
      const routeRoles = ROUTES.flatMap((r) => (r.auth && isRole(r.auth) ? [r.auth] : []));
      const roles = [...new Set<Role>([...routeRoles, IMPORT_ROLE, OCOP_ADMIN_ROLE])];
      const prepared = await prepareDatabase(bench, opts.scale, roles);
      run.version = prepared.version;
      run.seedLines = describeSeedReport(prepared.seed).map((l) => l.trim());
      run.prepareSec = prepared.ms / 1000;
      log(`  ${prepared.version}; ready in ${run.prepareSec.toFixed(1)} s`);
      for (const line of run.seedLines) log(`    ${line}`);

      const ocopAdmin = prepared.accounts.find((a) => a.role === OCOP_ADMIN_ROLE)!;
      const ocop = await seedOcop(bench, ocopAdmin, run);
      const accounts = [...prepared.accounts, ...(ocop?.council ?? [])];
      // After the OCOP council's seeding, whose entity picks and dossiers stay as they were.
      const published = await seedCatalogueAndPlan(bench, ocopAdmin, opts.scale, run);
      const fixtures = { ...prepared.fixtures, ...ocop?.fixtures, ...published };

      const importer = prepared.accounts.find((a) => a.role === IMPORT_ROLE)!;
      const importBench = await prepareImport(bench.target, importer, log);
      await withCleanup(importBench.dispose, async () => {
        const t0 = performance.now();
        const server: RunningServer = await startServer(bench.serverEnv);
        log(
          `  server pid ${server.pid} up at ${server.baseUrl} in ${((performance.now() - t0) / 1000).toFixed(1)} s; loading routes`,
        );
        await withCleanup(
          () => stopServer(server),
          async () => {
            run.outcomes = await measureRoutes(server, ROUTES, accounts, fixtures, {
              connections: opts.connections,
              durationSec: opts.durationSec,
              warmupSec: opts.warmupSec,
              log,
            });
            log(`  importing ${IMPORT_ROWS.toLocaleString('en')} annual reports from XLSX…`);
            run.import = await importBench.measure(server, importer);
            log(`    ${importLine(run.import)}`);
            // After the import, so the import's figures (RSS above all) stay comparable with runs before this scenario.
            if (ocop) {
              log(`  OCOP council scoring: ${ocop.council.length} members × ${ocop.runDossiers[0]!.length} dossiers…`);
              run.ocop = await runScoringScenario(server, ocop, ocopAdmin, (o) => log(`    ${scenarioLine(o)}`));
            }
          },
        );
      });
    });
  } catch (err) {
    run.error = err instanceof Error ? err.message : String(err);
    log(`  ${bench.label} pass failed: ${run.error}`);
  }
  return run;
}

async function main() {
  const opts = readOptions();
  const startedAt = new Date();
  const machine = describeMachine();
  // A route with a p99 target runs once more, on one connection (measure.ts).
  const perPass =
    ROUTES.length * (opts.durationSec + opts.warmupSec) +
    ROUTES.filter((r) => r.p99TargetMs !== undefined).length * opts.durationSec;
  log(
    `Hoptac bench: scale ${opts.scale.name}, ${ROUTES.length} routes × ${opts.durationSec} s (+${opts.warmupSec} s warm-up), ` +
      `${opts.connections} connections; ~${perPass} s of load per database`,
  );
  log(
    `Machine: ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, commit ${machine.commit}`,
  );

  const databases: DatabaseRun[] = [];
  for (const kind of opts.dbs) databases.push(await benchDatabase(kind, opts));

  const run: BenchRun = {
    startedAt,
    finishedSec: (Date.now() - startedAt.getTime()) / 1000,
    machine,
    scaleName: opts.scale.name,
    scaleSummary:
      `${opts.scale.accounts.toLocaleString('en')} synthetic user accounts (all roles but city_admin) and a register of ` +
      `${opts.scale.entities.toLocaleString('en')} entities with members and annual reports ${REPORT_YEARS[0]}–${REPORT_YEARS[REPORT_YEARS.length - 1]}, over Hanoi's 126 communes`,
    connections: opts.connections,
    durationSec: opts.durationSec,
    warmupSec: opts.warmupSec,
    routes: ROUTES,
    databases,
  };
  await fs.mkdir(path.dirname(opts.out), { recursive: true });
  await fs.writeFile(opts.out, renderMarkdown(run));

  for (const db of databases) {
    if (db.outcomes.length === 0) continue;
    log(`\n${db.label}${db.version ? ` (${db.version})` : ''}`);
    for (const line of databaseTable(db)) log(line);
    if (db.import) log(`XLSX import: ${importLine(db.import)}`);
    for (const o of db.ocop ?? []) log(`OCOP council scoring, ${scenarioLine(o)}`);
  }
  log(`\nWrote ${path.relative(process.cwd(), opts.out) || opts.out} in ${Math.round(run.finishedSec)} s total`);

  const failing = databases.flatMap((d) =>
    d.outcomes.filter((o) => o.status === 'failing').map((o) => `${d.label}: ${o.route.name}`),
  );
  const broken = databases.filter((d) => d.error).map((d) => `${d.label}: ${d.error}`);
  for (const d of databases) {
    if (d.import?.status === 'failing') failing.push(`${d.label}: XLSX import`);
    if (d.ocopError) failing.push(`${d.label}: ${d.ocopError}`);
    for (const o of d.ocop ?? [])
      if (o.status === 'failing') failing.push(`${d.label}: OCOP council scoring, ${o.label}`);
  }
  if (failing.length + broken.length > 0) {
    log(`\nFAILING:\n${[...broken, ...failing].map((f) => `  ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main()
  .catch((err: unknown) => {
    log(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => runCleanups());
