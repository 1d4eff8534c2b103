import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CAPITAL_CAP,
  foldVietnamese,
  isValidRegistrationCode,
  rateCooperative,
  RATING_TT01_2020,
  type EntityType,
} from '@hoptac/core';
import { createTestDatabase } from '../../../../testing/index.ts';
import { SYNTHETIC_SEED } from '../registry.ts';
import { createRng } from '../rng.ts';
import { SCALES } from '../scales.ts';
import { HANOI_BOX, loadSyntheticCommunes, type SyntheticCommune } from './places.ts';
import { planRegister, type RegisterPlan } from './register.generator.ts';
import { SPECIALITIES } from './vocabulary.ts';

const planAt = (count: number, communes: SyntheticCommune[]) =>
  planRegister(createRng(SYNTHETIC_SEED).fork('register'), count, communes);

describe('synthetic register plan', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let communes: SyntheticCommune[];
  let plan: RegisterPlan;
  before(async () => {
    t = await createTestDatabase({ seedDemo: false });
    communes = await loadSyntheticCommunes(t.database.db);
    plan = planAt(SCALES.hanoi.entities, communes);
  });
  after(() => t.close());

  test('is the same on every run, and a larger scale starts with the smaller one', () => {
    const again = planAt(SCALES.hanoi.entities, communes);
    assert.deepEqual(again.entities, plan.entities);
    assert.deepEqual(again.reports, plan.reports);
    assert.deepEqual(again.members, plan.members);
    const larger = planAt(SCALES.hanoi.entities + 500, communes);
    assert.deepEqual(
      larger.entities.slice(0, plan.entities.length).map((e) => [e.id, e.name, e.code]),
      plan.entities.map((e) => [e.id, e.name, e.code]),
    );
  });

  test('has the hanoi mix of types and statuses over all 126 communes', () => {
    const byType = new Map<EntityType, number>();
    for (const e of plan.entities) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(byType), {
      cooperative: 1_250,
      cooperative_union: 15,
      cooperative_group: 700,
      enterprise: 700,
      household_business: 535,
    });
    const share = (f: (e: RegisterPlan['entities'][number]) => boolean) =>
      plan.entities.filter(f).length / plan.entities.length;
    assert.ok(Math.abs(share((e) => e.status === 'active') - 0.85) < 0.02);
    assert.ok(Math.abs(share((e) => e.status === 'suspended') - 0.08) < 0.02);
    assert.ok(Math.abs(share((e) => e.status === 'dissolved') - 0.05) < 0.02);
    assert.ok(Math.abs(share((e) => e.keepsOldCommune) - 0.4) < 0.04);
    assert.ok(Math.abs(share((e) => e.highTech) - 0.08) < 0.02);
    assert.ok(Math.abs(share((e) => e.valueChain) - 0.3) < 0.04);
    assert.equal(communes.length, 126);
    assert.equal(new Set(plan.entities.map((e) => e.commune.code)).size, 126);
  });

  test('uses codes of the right format, unique per type, and unique names', () => {
    const seen = new Set<string>();
    for (const e of plan.entities) {
      assert.ok(isValidRegistrationCode(e.type, e.code), `${e.type} ${e.code}`);
      assert.ok(!seen.has(`${e.type}|${e.code}`), `duplicate code ${e.code}`);
      seen.add(`${e.type}|${e.code}`);
    }
    assert.equal(new Set(plan.entities.map((e) => foldVietnamese(e.name))).size, plan.entities.length);
  });

  test('keeps old communes that really preceded the new one, and places entities inside Hanoi', () => {
    for (const e of plan.entities) {
      if (e.keepsOldCommune) {
        assert.ok(e.predecessor && e.commune.predecessors.some((p) => p.code === e.predecessor!.code));
        assert.ok(e.registrationDate < '2025-07-01');
      }
      assert.ok(e.lat >= HANOI_BOX.minLat && e.lat <= HANOI_BOX.maxLat);
      assert.ok(e.lng >= HANOI_BOX.minLng && e.lng <= HANOI_BOX.maxLng);
      assert.ok(e.registrationDate >= '1997-01-01' && e.registrationDate <= '2025-12-31');
    }
  });

  test('names every commune a speciality table mentions', () => {
    const names = new Set(communes.map((c) => c.name));
    for (const s of SPECIALITIES) for (const c of s.communes) assert.ok(names.has(c), `${s.label}: no commune ${c}`);
  });

  test('reports: rated as TT 01/2020 says, approved up to 2024, plausible averages', () => {
    const entity = new Map(plan.entities.map((e) => [e.id, e]));
    for (const r of plan.reports) {
      const e = entity.get(r.entityId)!;
      assert.ok(r.year >= Number(e.registrationDate.slice(0, 4)));
      if (r.year <= 2024) assert.equal(r.status, 'approved');
      const rated = rateCooperative(RATING_TT01_2020, r.ratingPoints, r);
      assert.equal(r.rating, rated.rating);
      assert.equal(r.ratingTotal, rated.total);
      assert.ok(
        r.revenueFromMembers <= r.revenue && r.indivisibleAssets <= r.totalCapital && r.memberWorkers <= r.workers,
      );
    }
    const coopReports = plan.reports.filter((r) => entity.get(r.entityId)!.type === 'cooperative');
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const revenue = mean(coopReports.map((r) => r.revenue));
    assert.ok(revenue > 2e9 && revenue < 3.5e9, `cooperative revenue ${revenue}`);
    const wage = mean(coopReports.map((r) => r.avgWorkerMonthlyIncome));
    assert.ok(wage > 4e6 && wage < 9e6, `worker income ${wage}`);
    const last = plan.reports.filter((r) => r.year === 2025);
    for (const status of ['approved', 'accepted', 'submitted', 'draft'] as const)
      assert.ok(
        last.some((r) => r.status === status),
        status,
      );
  });

  test('members: some over the legal cap, everyone else under it', () => {
    const entity = new Map(plan.entities.map((e) => [e.id, e]));
    const over = new Set<string>();
    for (const m of plan.members) {
      const e = entity.get(m.entityId)!;
      const cap = CAPITAL_CAP[e.type];
      if (cap !== undefined && m.capitalContributed > cap * e.charterCapital) over.add(e.id);
    }
    const capped = plan.entities.filter((e) => CAPITAL_CAP[e.type] !== undefined).length;
    assert.ok(over.size > 0.02 * capped && over.size < 0.08 * capped, `${over.size} of ${capped} over the cap`);
  });
});
