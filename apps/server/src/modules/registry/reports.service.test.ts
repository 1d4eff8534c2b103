import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { foldVietnamese, type ReportInput } from '@hoptac/core';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { auditLog } from '../../kernel/audit.schema.ts';
import { AppError } from '../../kernel/errors.ts';
import { createTestDatabase } from '../../testing/index.ts';
import { findReportsByKeys, insertReportsBulk, prepareReport, type ReportValues } from './index.ts';
import { annualReports, entities } from './registry.schema.ts';

const input: ReportInput = {
  revenue: 4_000_000_000,
  revenueFromMembers: 2_000_000_000,
  profit: 300_000_000,
  totalCapital: 2_000_000_000,
  indivisibleAssets: 500_000_000,
  officialMembers: 80,
  associateMembers: 5,
  memberHouseholds: 70,
  workers: 30,
  memberWorkers: 20,
  avgMemberIncome: 70_000_000,
  avgWorkerMonthlyIncome: 8_000_000,
  valueChainLinks: 1,
  ocopProducts: 0,
  monthsOperating: 12,
  suspendedMonths: 0,
  // 60 points: "average" (Trung bình 50–<65).
  ratingPoints: { 1: 5, 3: 8, 5: 7, 6: 5, 7: 5, 10: 10, 11: 10, 12: 10 },
};
const coop = { id: '', type: 'cooperative', registrationDate: '2018-01-01', sectors: ['agriculture'] };

describe('annual reports: shared rules and bulk insert for imports', () => {
  let db: Db;
  let close: () => Promise<void>;
  let ids: string[] = [];
  before(async () => {
    const t = await createTestDatabase({ seedDemo: false });
    db = t.database.db;
    close = t.close;
    const rows = Array.from({ length: 300 }, (_, i) => ({
      type: 'cooperative',
      name: `HTX thử ${i}`,
      nameFolded: foldVietnamese(`HTX thử ${i}`),
      address: 'Hà Nội',
      communeScheme: '2025-07',
      communeCode: '00454',
      sectors: ['agriculture'],
    }));
    ids = (await db.insert(entities).values(rows).returning({ id: entities.id })).map((r) => r.id);
  });
  after(() => close());

  const rowFor = (entityId: string, year: number, status: string, o: Partial<ReportInput> = {}): ReportValues => {
    const { content } = prepareReport({ ...coop, id: entityId }, { ...input, ...o }, null);
    assert.ok(content);
    return { ...content, entityId, year, status };
  };

  test('prepareReport: hard errors block, classification and warnings are computed', () => {
    const bad = prepareReport(coop, { ...input, profit: 5e9, ratingPoints: { 99: 1 } }, null);
    assert.equal(bad.content, null);
    assert.deepEqual(
      bad.issues.map((i) => `${i.path.join('.')}:${i.code}`),
      ['profit:exceeds_revenue', 'ratingPoints.99:unknown_criterion'],
    );
    const good = prepareReport(coop, input, { ...input, workers: 2 });
    assert.equal(good.content?.rating, 'average');
    assert.equal(good.content?.ratingTotal, 60);
    assert.equal(good.content?.scaleClass, 'small');
    assert.deepEqual(
      (good.content?.warnings as { field: string }[]).map((w) => w.field),
      ['workers'],
    );
    const young = prepareReport(coop, { ...input, monthsOperating: 8 }, null);
    assert.equal(young.content?.rating, 'not_rated', 'under 12 months is not rated (TT 01/2020)');
    const youngBad = prepareReport(coop, { ...input, monthsOperating: 8, ratingPoints: { 1: 9 } }, null);
    assert.equal(youngBad.content, null, 'points are checked in a year that is not rated too');
    assert.deepEqual(
      youngBad.issues.map((i) => `${i.path.join('.')}:${i.code}`),
      ['ratingPoints.1:over_criterion_max'],
    );
  });

  test('1,200 rows go in through chunked multi-row inserts; approved ones rate their entity', async () => {
    const rows = ids.flatMap((id, i) =>
      [2021, 2022, 2023, 2024].map((year) =>
        rowFor(id, year, year === 2024 && i % 2 === 0 ? 'draft' : 'approved', { officialMembers: 80 + year - 2021 }),
      ),
    );
    const result = await db.transaction((tx) => insertReportsBulk(tx, rows, SYSTEM_ACTOR, { source: 'test.xlsx' }));
    assert.equal(result.written, 1200);
    const [n] = await db.select({ n: count() }).from(annualReports);
    assert.equal(n?.n, 1200);
    const rated = await db
      .select({ id: entities.id, rating: entities.rating, year: entities.ratingYear })
      .from(entities)
      .where(inArray(entities.id, [ids[0]!, ids[1]!]));
    const byId = new Map(rated.map((r) => [r.id, r]));
    assert.equal(byId.get(ids[0]!)?.year, 2023, 'the 2024 draft does not count');
    assert.equal(byId.get(ids[1]!)?.year, 2024);
    assert.equal(byId.get(ids[1]!)?.rating, 'average');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'report.imported'));
    assert.deepEqual(entry?.after, {
      source: 'test.xlsx',
      count: 1200,
      entities: 300,
      years: [2021, 2022, 2023, 2024],
    });
    const found = await findReportsByKeys(db, [
      { entityId: ids[0]!, year: 2024 },
      { entityId: ids[1]!, year: 2020 },
    ]);
    assert.deepEqual([...found.keys()], [`${ids[0]}:2024`]);
  });

  test('drafts are replaced; a locked report fails the whole batch, which rolls back', async () => {
    const draft = rowFor(ids[0]!, 2024, 'draft', { revenue: 5e9 });
    await db.transaction((tx) => insertReportsBulk(tx, [draft], SYSTEM_ACTOR));
    const where = and(eq(annualReports.entityId, ids[0]!), eq(annualReports.year, 2024));
    assert.equal((await db.select().from(annualReports).where(where))[0]?.revenue, 5e9);
    const batch = [rowFor(ids[0]!, 2024, 'draft', { revenue: 6e9 }), rowFor(ids[1]!, 2024, 'draft')];
    await assert.rejects(
      db.transaction((tx) => insertReportsBulk(tx, batch, SYSTEM_ACTOR)),
      (err) => err instanceof AppError && err.code === 'REPORT_NOT_EDITABLE',
    );
    assert.equal((await db.select().from(annualReports).where(where))[0]?.revenue, 5e9, 'rolled back');
    const twice = [rowFor(ids[2]!, 2020, 'draft'), rowFor(ids[2]!, 2020, 'draft')];
    await assert.rejects(
      db.transaction((tx) => insertReportsBulk(tx, twice, SYSTEM_ACTOR)),
      (err) => err instanceof AppError && err.code === 'VALIDATION_FAILED',
    );
  });
});
