import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, DEMO, type TestApp } from '../../testing/index.ts';
import {
  addTarget,
  caller,
  COMMUNE_A,
  COMMUNE_B,
  COMMUNE_C,
  createPlan,
  insertApprovedReport,
  insertCertificate,
  insertOutlet,
  insertTestEntity,
} from './plans.fixtures.ts';

// Each indicator computed over a register small enough to count by hand, through the dashboard,
// on whichever database this run uses (PGlite or PostgreSQL): the figures must be the same.
const NOW = new Date('2026-07-01T03:00:00Z');

type DashTarget = {
  id: string;
  indicator: { id: string };
  actual: number | null;
  breakdown: { code: string; actual: number | null }[];
};

describe('indicators over hand-counted records', () => {
  let t: TestApp;
  let admin: string;
  let board: Map<string, DashTarget>;
  let planId: string;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    admin = await t.login(DEMO.admin);
    const db = t.database.db;
    const add = (key: string, commune: string, o: Parameters<typeof insertTestEntity>[3]) =>
      insertTestEntity(db, `HTX thử ${key}`, commune, o).then((id) => (ids[key] = id));
    // 1–7: see each expectation below for who counts.
    await add('e1', COMMUNE_A, { registrationDate: '2020-05-01', valueChain: true });
    await add('e2', COMMUNE_A, { registrationDate: '2019-01-01', status: 'suspended' });
    await add('e3', COMMUNE_A, {
      type: 'cooperative_group',
      registrationDate: '2026-03-01',
      highTech: true,
      sectors: ['non_agriculture'],
    });
    await add('e4', COMMUNE_B, { registrationDate: '2026-05-10' });
    await add('e5', COMMUNE_B, { type: 'cooperative_union', registrationDate: '2018-01-01', status: 'dissolved' });
    await add('e6', COMMUNE_B, { type: 'enterprise', registrationDate: '2020-01-01' });
    await add('e7', COMMUNE_C, {
      registrationDate: '2015-01-01',
      highTech: true,
      valueChain: true,
      sectors: ['non_agriculture'],
    });
    // 2025 reports: approved ones of cooperatives count; a draft and an enterprise's do not.
    await insertApprovedReport(db, ids.e1!, 2025, { revenue: 1e9, workers: 10, avgWorkerMonthlyIncome: 5e6 });
    await insertApprovedReport(db, ids.e2!, 2025, { revenue: 2e9, workers: 30, avgWorkerMonthlyIncome: 6e6 });
    await insertApprovedReport(db, ids.e7!, 2025, { revenue: 6e9, workers: 10, avgWorkerMonthlyIncome: 10e6 });
    await insertApprovedReport(db, ids.e3!, 2025, {
      revenue: 99e9,
      workers: 1,
      avgWorkerMonthlyIncome: 1,
      status: 'submitted',
    });
    await insertApprovedReport(db, ids.e6!, 2025, { revenue: 50e9, workers: 100, avgWorkerMonthlyIncome: 1 });
    // Certificates: decided in 2026 unless said; one revoked.
    await insertCertificate(db, ids.e1!, { star: 3, decisionDate: '2026-02-01' });
    await insertCertificate(db, ids.e1!, { star: 4, decisionDate: '2026-03-01' });
    await insertCertificate(db, ids.e7!, { star: 5, decisionDate: '2026-04-01', communeCode: COMMUNE_C });
    await insertCertificate(db, ids.e2!, { star: 3, decisionDate: '2025-06-01' });
    await insertCertificate(db, ids.e4!, {
      star: 4,
      decisionDate: '2026-05-01',
      revoked: true,
      communeCode: COMMUNE_B,
    });
    await insertCertificate(db, ids.e6!, { star: 3, decisionDate: '2026-06-01', communeCode: COMMUNE_B });

    // Showrooms: open on 1 July 2026 are s1 (A) and s2 (C); opened in 2026 are s2 and s3 (closed since).
    await insertOutlet(db, 'Điểm trưng bày s1', COMMUNE_A, '2025-03-01', null);
    await insertOutlet(db, 'Điểm trưng bày s2', COMMUNE_C, '2026-02-01', null);
    await insertOutlet(db, 'Điểm trưng bày s3', COMMUNE_B, '2026-03-01', '2026-06-01');
    await insertOutlet(db, 'Quầy bán s4', COMMUNE_A, '2026-03-01', null, 'point_of_sale');

    planId = await createPlan(t, admin);
    const indicators = [
      'coop_entities_total',
      'coop_entities_active',
      'cooperatives_total',
      'coop_entities_new',
      'agri_coops_active',
      'agri_coops_suspended',
      'coops_value_chain',
      'coops_high_tech',
      'ocop_products_3star',
      'ocop_products_4star',
      'ocop_products_5star',
      'ocop_products_3star_plus',
      'coops_with_ocop',
      'weak_coops_strengthened',
      'showrooms_open',
      'showrooms_opened',
    ];
    for (const id of indicators) await addTarget(t, admin, planId, { indicatorId: id, value: 10 });
    for (const id of ['coop_avg_revenue', 'coop_avg_worker_income'])
      await addTarget(t, admin, planId, { indicatorId: id, value: 3e9, year: 2025 });

    // Manual values: approved ones count (A 3 + B 2); the unapproved 10 does not.
    const call = caller(t);
    for (const [code, value, approve] of [
      [COMMUNE_A, 3, true],
      [COMMUNE_B, 2, true],
      [COMMUNE_B, 10, false],
    ] as const) {
      const res = await call('POST', '/api/plans/manual-values', admin, {
        indicatorId: 'weak_coops_strengthened',
        indicatorVersion: 1,
        level: 'commune',
        code,
        year: 2026,
        value,
        evidence: 'Biên bản kiểm tra của xã',
      });
      assert.equal(res.statusCode, 201, res.body);
      if (approve)
        assert.equal((await call('POST', `/api/plans/manual-values/${res.json().id}/approve`, admin)).statusCode, 200);
    }

    const res = await call('GET', `/api/plans/${planId}/dashboard`, admin);
    assert.equal(res.statusCode, 200, res.body);
    board = new Map(res.json().targets.map((x: DashTarget) => [x.indicator.id, x]));
  });
  after(() => t.close());

  const expected: [string, number, Record<string, number>][] = [
    // e1, e2, e3 (A), e4 (B), e7 (C); e5 dissolved, e6 an enterprise.
    ['coop_entities_total', 5, { [COMMUNE_A]: 3, [COMMUNE_B]: 1, [COMMUNE_C]: 1 }],
    ['coop_entities_active', 4, { [COMMUNE_A]: 2 }],
    ['cooperatives_total', 4, { [COMMUNE_A]: 2 }],
    // registered in 2026: e3, e4.
    ['coop_entities_new', 2, { [COMMUNE_A]: 1, [COMMUNE_B]: 1 }],
    ['agri_coops_active', 2, { [COMMUNE_A]: 1, [COMMUNE_B]: 1 }],
    ['agri_coops_suspended', 1, { [COMMUNE_A]: 1 }],
    ['coops_value_chain', 2, { [COMMUNE_A]: 1, [COMMUNE_C]: 1 }],
    ['coops_high_tech', 2, { [COMMUNE_A]: 1, [COMMUNE_C]: 1 }],
    // 2026 decisions not revoked: 3★ e1 and e6's, 4★ e1's, 5★ e7's.
    ['ocop_products_3star', 2, { [COMMUNE_A]: 1, [COMMUNE_B]: 1 }],
    ['ocop_products_4star', 1, { [COMMUNE_A]: 1 }],
    ['ocop_products_5star', 1, { [COMMUNE_C]: 1 }],
    ['ocop_products_3star_plus', 4, { [COMMUNE_A]: 2, [COMMUNE_B]: 1, [COMMUNE_C]: 1 }],
    // valid certificates on 1 July 2026: e1, e2 (2025), e7; e4's revoked, e6 an enterprise.
    ['coops_with_ocop', 3, { [COMMUNE_A]: 2, [COMMUNE_C]: 1 }],
    ['showrooms_open', 2, { [COMMUNE_A]: 1, [COMMUNE_C]: 1 }],
    ['showrooms_opened', 2, { [COMMUNE_B]: 1, [COMMUNE_C]: 1 }],
    ['weak_coops_strengthened', 5, { [COMMUNE_A]: 3, [COMMUNE_B]: 2 }],
    // (1 + 2 + 6) / 3 bn: the mean over reports. The mean of commune means would be (1.5 + 6) / 2 = 3.75 bn.
    ['coop_avg_revenue', 3e9, { [COMMUNE_A]: 1.5e9, [COMMUNE_C]: 6e9 }],
    // 12 × (5 m × 10 + 6 m × 30 + 10 m × 10) / 50 workers.
    ['coop_avg_worker_income', 79.2e6, { [COMMUNE_A]: (12 * (50e6 + 180e6)) / 40, [COMMUNE_C]: 120e6 }],
  ];
  for (const [indicator, actual, units] of expected) {
    test(indicator, () => {
      const figure = board.get(indicator)!;
      assert.ok(Math.abs(figure.actual! - actual) < 1e-3, `${indicator}: ${figure.actual} ≠ ${actual}`);
      for (const [code, value] of Object.entries(units)) {
        const unit = figure.breakdown.find((u) => u.code === code);
        assert.ok(unit && Math.abs(unit.actual! - value) < 1e-3, `${indicator} ${code}: ${unit?.actual} ≠ ${value}`);
      }
    });
  }

  test('the records behind a count are the ones counted', async () => {
    const figure = board.get('coop_entities_total')!;
    const res = await caller(t)('GET', `/api/plans/${planId}/targets/${figure.id}/records?pageSize=2`, admin);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().total, 5);
    assert.equal(res.json().items.length, 2);
    const one = await caller(t)('GET', `/api/plans/${planId}/targets/${figure.id}/records?unit=${COMMUNE_A}`, admin);
    assert.deepEqual(
      one
        .json()
        .items.map((r: { entityId: string }) => r.entityId)
        .sort(),
      [ids.e1, ids.e2, ids.e3].sort(),
    );
  });

  test('the records behind an average carry each report value', async () => {
    const figure = board.get('coop_avg_revenue')!;
    const res = await caller(t)('GET', `/api/plans/${planId}/targets/${figure.id}/records`, admin);
    assert.deepEqual(
      res
        .json()
        .items.map((r: { value: number }) => r.value)
        .sort(),
      [1e9, 2e9, 6e9],
    );
  });

  test('an entity registered now moves the live figure', async () => {
    await insertTestEntity(t.database.db, 'HTX thử mới', COMMUNE_C, { registrationDate: '2026-06-30' });
    const res = await caller(t)('GET', `/api/plans/${planId}/dashboard`, admin);
    const figure = res.json().targets.find((x: DashTarget) => x.indicator.id === 'coop_entities_new');
    assert.equal(figure.actual, 3);
  });
});
