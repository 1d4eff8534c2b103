#!/usr/bin/env node
// One command for every test tier: unit, integration (PGlite, then PostgreSQL when reachable) and
// end-to-end in Chromium (on each database). Ends with the line "N passed, N failed".
//   --only unit|integration|e2e   run one tier
//   --db pglite|postgres|both     databases for integration and e2e (default: both when PostgreSQL answers)
// Env: TEST_DATABASE_URL (PostgreSQL admin URL), HOPTAC_REQUIRE_POSTGRES=1 (fail if unreachable; CI sets it).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { only: { type: 'string' }, db: { type: 'string', default: 'auto' } },
});
const tiers = args.only ? [args.only] : ['unit', 'integration', 'e2e'];
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(cmd, argv, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function findTests(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path.relative(root, p));
  }
  return out.sort();
}

async function nodeTests(label, files, env = {}) {
  if (files.length === 0) return;
  console.log(`\n=== ${label}: ${files.length} files ===`);
  const countFile = path.join(os.tmpdir(), `hoptac-count-${process.pid}-${Date.now()}.json`);
  const code = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${path.join(root, 'scripts/count-reporter.mjs')}`,
      `--test-reporter-destination=${countFile}`,
      ...files,
    ],
    env,
  );
  addCounts(label, countFile, code);
}

function addCounts(label, countFile, code) {
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    counts = JSON.parse(fs.readFileSync(countFile, 'utf8').trim().split('\n').pop());
  } catch {
    problems.push(`${label}: no results (exit ${code})`);
    counts.failed = 1;
  }
  fs.rmSync(countFile, { force: true });
  if (code !== 0 && counts.failed === 0) {
    problems.push(`${label}: runner exited ${code}`);
    counts.failed = 1;
  }
  for (const k of Object.keys(totals)) totals[k] += counts[k] ?? 0;
  console.log(`--- ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

async function databases() {
  if (args.db === 'pglite') return ['pglite'];
  const { isPostgresReachable } = await import('../apps/server/src/testing/scratch-postgres.ts');
  const reachable = await isPostgresReachable();
  if (args.db === 'postgres' || args.db === 'both' || process.env.HOPTAC_REQUIRE_POSTGRES === '1') {
    if (!reachable) {
      problems.push('PostgreSQL is required but unreachable (TEST_DATABASE_URL or 127.0.0.1:5432)');
      totals.failed++;
      return args.db === 'postgres' ? [] : ['pglite'];
    }
    return args.db === 'postgres' ? ['postgres'] : ['pglite', 'postgres'];
  }
  if (!reachable) console.log('PostgreSQL not reachable: integration and e2e run on PGlite only.');
  return reachable ? ['pglite', 'postgres'] : ['pglite'];
}

async function e2e(db) {
  const countFile = path.join(os.tmpdir(), `hoptac-e2e-${process.pid}-${db}.json`);
  console.log(`\n=== e2e on ${db} ===`);
  const code = await run(process.execPath, ['--import', 'tsx', 'e2e/run.ts', '--db', db, '--count-file', countFile]);
  addCounts(`e2e (${db})`, countFile, code);
}

const dbs = tiers.some((t) => t !== 'unit') ? await databases() : [];
for (const tier of tiers) {
  if (tier === 'unit') {
    await nodeTests('unit', [
      ...findTests(path.join(root, 'packages')),
      ...findTests(path.join(root, 'scripts')),
      ...findTests(path.join(root, 'apps/web/src')),
    ]);
  } else if (tier === 'integration') {
    for (const db of dbs)
      await nodeTests(`integration (${db})`, findTests(path.join(root, 'apps/server/src')), { HOPTAC_TEST_DB: db });
  } else if (tier === 'e2e') {
    for (const db of dbs) await e2e(db);
  } else {
    console.error(`unknown tier ${tier}`);
    process.exit(2);
  }
}

for (const p of problems) console.log(`! ${p}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
