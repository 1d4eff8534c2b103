import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { after, before, describe, test } from 'node:test';
import { bootstrapDatabase } from './bootstrap.ts';
import { queryRows } from './client.ts';
import { createTestDatabase } from '../testing/index.ts';

describe('database bootstrap', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('a second start migrates nothing, reloads nothing and keeps changed data', async () => {
    await t.database.db.execute(sql`update users set display_name = 'Changed' where email = 'admin@demo.hoptac.vn'`);
    const again = await bootstrapDatabase(t.database, { seedDemo: true, demoRegister: false });
    assert.deepEqual(again, { adminUnits: 'unchanged', rubricVersionsAdded: 0, demoSeeded: false, demoRegister: null });
    const rows = await queryRows<{ display_name: string }>(
      t.database.db,
      sql`select display_name from users where email = 'admin@demo.hoptac.vn'`,
    );
    assert.equal(rows[0]?.display_name, 'Changed');
  });

  test('every opener has the search extensions', async () => {
    const rows = await queryRows<{ extname: string }>(t.database.db, sql`select extname from pg_extension`);
    const names = rows.map((r) => r.extname);
    for (const ext of ['btree_gin', 'citext', 'pg_trgm', 'unaccent']) assert.ok(names.includes(ext), ext);
  });
});
