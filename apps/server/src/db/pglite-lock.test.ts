import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './pglite-lock.ts';

const serverMain = path.resolve(import.meta.dirname, '../main.ts');
const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hoptac-lock-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('PGlite single-owner lock', () => {
  test('a second lock in a live process is refused, a stale one is taken over', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    // Same process id would be ours; simulate another live owner with the parent process id.
    fs.writeFileSync(path.join(dir, 'hoptac.lock'), String(process.ppid));
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    fs.writeFileSync(path.join(dir, 'hoptac.lock'), '999999999');
    const again = lockDataDir(dir);
    again();
    release();
    assert.equal(fs.existsSync(path.join(dir, 'hoptac.lock')), false);
  });

  test('two real server processes on one data directory: the second exits with a clear message', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'db');
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', SEED_DEMO: '0' };
    delete env.DATABASE_URL;
    const first = spawn(process.execPath, ['--import', 'tsx', serverMain], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`first server did not start: ${out}`)), 180_000);
        first.stdout.on('data', (d) => {
          out += String(d);
          if (out.includes('Hoptac is running')) {
            clearTimeout(timer);
            resolve();
          }
        });
        first.on('exit', (code) => reject(new Error(`first server exited ${code}: ${out}`)));
      });
      assert.ok(fs.existsSync(path.join(dataDir, 'hoptac.lock')), 'parent folders created and lock taken');
      const second = spawn(process.execPath, ['--import', 'tsx', serverMain], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      second.stderr.on('data', (d) => (err += String(d)));
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      assert.equal(code, 2);
      assert.match(err, /already in use by process \d+/);
      assert.match(err, /DATABASE_URL/);
    } finally {
      first.kill('SIGTERM');
      await new Promise((resolve) => first.on('exit', resolve));
    }
    // After a clean shutdown the lock is gone and the directory can be opened again.
    assert.equal(fs.existsSync(path.join(dataDir, 'hoptac.lock')), false);
  });
});
