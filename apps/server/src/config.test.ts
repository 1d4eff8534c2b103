import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  test('defaults: PGlite in ./data/db, port 3000, demo seeding on', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.database.kind, 'pglite');
    assert.ok(c.database.kind === 'pglite' && c.database.dataDir.endsWith(path.join('data', 'db')));
    assert.equal(c.seedDemo, true);
    assert.equal(c.cookieSecure, false);
  });

  const cases: [string, NodeJS.ProcessEnv, (c: ReturnType<typeof loadConfig>) => void][] = [
    [
      'DATABASE_URL selects PostgreSQL',
      { DATABASE_URL: 'postgres://u@h:5432/db' },
      (c) => assert.equal(c.database.kind, 'postgres'),
    ],
    [
      'PORT and DATA_DIR override',
      { PORT: '8080', DATA_DIR: '/tmp/x' },
      (c) => {
        assert.equal(c.port, 8080);
        assert.deepEqual(c.database, { kind: 'pglite', dataDir: '/tmp/x' });
      },
    ],
    [
      'production never seeds demo data and uses secure cookies',
      { NODE_ENV: 'production' },
      (c) => {
        assert.equal(c.seedDemo, false);
        assert.equal(c.cookieSecure, true);
      },
    ],
    ['SEED_DEMO=0 turns demo data off in development', { SEED_DEMO: '0' }, (c) => assert.equal(c.seedDemo, false)],
  ];
  for (const [name, env, check] of cases) test(name, () => check(loadConfig(env)));

  test('invalid values stop the start with the variable named', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'not a url' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: '1' }), /SEED_DEMO/);
  });
});
