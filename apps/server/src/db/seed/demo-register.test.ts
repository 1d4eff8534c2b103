import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { after, before, describe, test } from 'node:test';
import { bootstrapDatabase } from '../bootstrap.ts';
import { queryRows } from '../client.ts';
import { createTestApp, DEMO, type TestApp } from '../../testing/index.ts';
import { DEMO_COOP_COMMUNE, DEMO_OPEN_YEAR } from './demo-register.ts';

describe('demo register', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demoRegister: true });
  });
  after(() => t.close());

  test('seeds the hanoi-scale synthetic register once', async () => {
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from entities`);
    // The synthetic register's 3,200, plus the few producers the catalogue's demo brings.
    assert.ok(row && row.n >= 3_200 && row.n < 3_300, `entities: ${row?.n}`);
    const again = await bootstrapDatabase(t.database, { seedDemo: true });
    assert.equal(again.demoRegister, null);
    const [still] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from entities`);
    assert.equal(still?.n, row.n);
  });

  test('links the demo cooperative account to an active agricultural cooperative with its last report to file', async () => {
    const [coop] = await queryRows<{
      id: string;
      commune_code: string;
      type: string;
      status: string;
      sectors: string[];
      rating_year: number | null;
    }>(
      t.database.db,
      sql`select e.id, e.commune_code, e.type, e.status, e.sectors, e.rating_year
          from users u join entities e on e.id = u.entity_id where u.email = ${DEMO.coop}`,
    );
    assert.ok(coop, 'the demo coop account is linked');
    assert.equal(coop.commune_code, DEMO_COOP_COMMUNE);
    assert.equal(coop.type, 'cooperative');
    assert.equal(coop.status, 'active');
    assert.ok(coop.sectors.includes('agriculture'));
    assert.equal(coop.rating_year, DEMO_OPEN_YEAR - 1);
    const reports = await queryRows<{ year: number; status: string }>(
      t.database.db,
      sql`select year, status from annual_reports where entity_id = ${coop.id} order by year`,
    );
    assert.deepEqual(
      reports,
      [2021, 2022, 2023, 2024].map((year) => ({ year, status: 'approved' })),
    );

    // The session carries the link: the account sees its cooperative's full record.
    const cookie = await t.login(DEMO.coop);
    const res = await t.app.inject({ method: 'GET', url: `/api/entities/${coop.id}`, headers: { cookie } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().visibility, 'full');
  });
});
