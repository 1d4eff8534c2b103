import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, DEMO, type TestApp } from '../../testing/index.ts';
import { caller, COMMUNE_A, insertTestEntity } from './plans.fixtures.ts';
import { seedDemoPlans } from './plans.seed.ts';

describe('demo plans', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => new Date('2026-07-01T03:00:00Z') });
  });
  after(() => t.close());

  test('seeds Plan 35/KH-UBND and the OCOP plan once, with the published figures', async () => {
    assert.equal(await seedDemoPlans(t.database.db), true);
    assert.equal(await seedDemoPlans(t.database.db), false, 'seeds once');
    const admin = await t.login(DEMO.admin);
    const list = (await caller(t)('GET', '/api/plans', admin)).json();
    const p35 = list.items.find((p: { number: string }) => p.number === '35/KH-UBND');
    const targets = (await caller(t)('GET', `/api/plans/${p35.id}/targets`, admin)).json().items;
    assert.deepEqual(
      targets.map((x: { indicatorId: string; value: number }) => [x.indicatorId, x.value]),
      [
        ['coop_entities_new', 152],
        ['coop_entities_total', 3200],
        ['coop_avg_revenue', 2.9e9],
        ['coop_avg_worker_income', 54e6],
      ],
    );
    const ocop = list.items.find((p: { number: string }) => p.number !== '35/KH-UBND');
    const ocopTargets = (await caller(t)('GET', `/api/plans/${ocop.id}/targets`, admin)).json().items;
    assert.ok(
      ocopTargets.some(
        (x: { indicatorId: string; value: number }) => x.indicatorId === 'ocop_products_3star_plus' && x.value === 400,
      ),
    );
  });

  test('a 2021 plan breaks down by former district', async () => {
    const admin = await t.login(DEMO.admin);
    await insertTestEntity(t.database.db, 'HTX lập năm 2021', COMMUNE_A, {
      registrationDate: '2021-04-01',
      oldDistrictCode: '017',
    });
    // No former district on record: it counts for the city, in no district's row.
    await insertTestEntity(t.database.db, 'HTX không rõ huyện cũ', COMMUNE_A, { registrationDate: '2021-05-01' });
    const list = (await caller(t)('GET', '/api/plans', admin)).json();
    const p35 = list.items.find((p: { number: string }) => p.number === '35/KH-UBND');
    const board = (await caller(t)('GET', `/api/plans/${p35.id}/dashboard`, admin)).json();
    const added = board.targets.find((x: { indicator: { id: string } }) => x.indicator.id === 'coop_entities_new');
    assert.equal(added.actual, 2);
    assert.equal(added.breakdownLevel, 'district');
    assert.deepEqual(
      added.breakdown.map((u: { code: string }) => u.code),
      ['017'],
    );
    assert.equal(added.status, 'off_track', '2 of 152 at the end of the year');
  });
});
