// Runs the Playwright journeys against a real server on one database:
//   node --import tsx e2e/run.ts --db pglite|postgres [--count-file F] [spec files or Playwright filters…]
// Builds the web app if needed, starts the server on a free port with a fresh database and demo
// data, runs the specs in Debian's Chromium, writes {passed, failed, skipped} to the count file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createScratchPostgres } from '../apps/server/src/testing/scratch-postgres.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values: args, positionals: filters } = parseArgs({
  options: { db: { type: 'string', default: 'pglite' }, 'count-file': { type: 'string' } },
  allowPositionals: true,
});
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function writeCounts(counts: { passed: number; failed: number; skipped: number }) {
  if (args['count-file']) fs.writeFileSync(args['count-file'], `${JSON.stringify(counts)}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

async function main() {
  if (!fs.existsSync(chromium)) {
    console.error(
      `Chromium not found at ${chromium}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
    writeCounts({ passed: 0, failed: 1, skipped: 0 });
    process.exit(1);
  }
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('web build failed');

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: '1',
    NODE_ENV: 'development',
  };
  delete env.DATABASE_URL;
  let cleanup = async () => {};
  if (args.db === 'postgres') {
    const scratch = await createScratchPostgres('hoptac_e2e');
    env.DATABASE_URL = scratch.url;
    cleanup = scratch.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoptac-e2e-'));
    env.DATA_DIR = dir;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }

  let serverLog = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (serverLog += String(d)));
  server.stderr!.on('data', (d) => (serverLog += String(d)));
  const jsonFile = path.join(os.tmpdir(), `hoptac-e2e-${process.pid}.json`);
  try {
    await waitForHealth(baseUrl, server, () => serverLog);
    const result = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...filters], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, BASE_URL: baseUrl, E2E_JSON: jsonFile, HOPTAC_E2E_DB: args.db },
    });
    const report = fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : null;
    const stats = report?.stats ?? { expected: 0, unexpected: 1, skipped: 0, flaky: 0 };
    writeCounts({ passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped });
    if (result.status !== 0 && serverLog.trim()) console.log(`--- server output ---\n${serverLog.slice(-4000)}`);
    process.exitCode = result.status ?? 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.on('exit', r)));
    await cleanup();
    fs.rmSync(jsonFile, { force: true });
  }
}

main().catch((err) => {
  console.error(err);
  writeCounts({ passed: 0, failed: 1, skipped: 0 });
  process.exit(1);
});
