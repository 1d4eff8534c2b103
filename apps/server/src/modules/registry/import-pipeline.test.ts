import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { foldVietnamese, type SessionUser } from '@hoptac/core';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows, type Db } from '../../db/client.ts';
import { createTestDatabase, SAMPLE_REPORT_FIGURES } from '../../testing/index.ts';
import { createImportsService, type ImportsService } from './imports.service.ts';
import { REPORT_COLUMNS } from './report-columns.ts';
import { entities, registryImports } from './registry.schema.ts';
import { REPORT_STATUS_LABELS } from './xlsx-columns.ts';

type Row = Record<string, string | number | null>;

/** 1,200 entities and two years: 2,400 rows, three chunks of the import. */
const ENTITIES = 1200;
const code = (i: number) => `02${String(i).padStart(8, '0')}`;
const reportRow = (i: number, year: number, o: Row = {}): Row => ({
  entityCode: code(i),
  year,
  ...SAMPLE_REPORT_FIGURES,
  status: REPORT_STATUS_LABELS.submitted,
  ...o,
});
const twoYears = (year: number) =>
  Array.from({ length: ENTITIES * 2 }, (_, i) => reportRow(i % ENTITIES, year + Math.floor(i / ENTITIES)));

/** A template-shaped workbook; `store` leaves its parts uncompressed (to break one in place). */
async function workbook(rows: Row[], store = false): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dữ liệu');
  sheet.addRow(REPORT_COLUMNS.map((c) => c.vi));
  sheet.addRow(REPORT_COLUMNS.map((c) => c.en));
  for (const r of rows) sheet.addRow(REPORT_COLUMNS.map((c) => r[c.key] ?? null));
  const zip = store ? { compression: 'STORE' } : undefined;
  return Buffer.from(await book.xlsx.writeBuffer({ zip } as ExcelJS.XlsxWriteOptions));
}

describe('registry imports: chunk by chunk, all or nothing', () => {
  let db: Db;
  let close: () => Promise<void>;
  let tmpDir: string;
  let service: ImportsService;
  const admin: SessionUser = {
    id: randomUUID(),
    email: 'admin@test.hoptac.vn',
    displayName: 'Admin',
    roles: ['city_admin'],
    communes: [],
    entityId: null,
    locale: 'vi',
  };
  const actor = { userId: admin.id, requestId: null, ip: null };

  before(async () => {
    const t = await createTestDatabase({ seedDemo: false });
    db = t.database.db;
    close = t.close;
    tmpDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'hoptac-import-test-'));
    service = createImportsService({ db, tmpDir });
    await db.insert(entities).values(
      Array.from({ length: ENTITIES }, (_, i) => ({
        type: 'cooperative',
        code: code(i),
        name: `HTX thử ${i}`,
        nameFolded: foldVietnamese(`HTX thử ${i}`),
        address: 'Hà Nội',
        communeScheme: '2025-07',
        communeCode: '00454',
        registrationDate: '2018-01-01',
        sectors: ['agriculture'],
      })),
    );
  });
  after(async () => {
    await close();
    await fs.promises.rm(tmpDir, { recursive: true, force: true });
  });

  const start = (file: Buffer) =>
    service.start(admin, actor, {
      kind: 'annual-reports',
      fileName: 'bao-cao.xlsx',
      stream: Readable.from([file]),
      acknowledgeDuplicates: false,
    });
  async function importFile(file: Buffer) {
    const { id } = await start(file);
    await service.drain();
    return service.get(admin, id);
  }
  const countReports = async (year: number) =>
    (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from annual_reports where year = ${year}`))[0]!.n;
  const leftovers = () => fs.promises.readdir(tmpDir);

  test('errors in several chunks are all reported, in row order, and nothing is written', async () => {
    const rows = twoYears(2021);
    rows[5] = reportRow(5, 2021, { revenueFromMembers: 9_000_000_000 });
    rows[1500] = reportRow(0, 2021, { entityCode: '0299999999' });
    rows[2300] = reportRow(10, 2021);
    const job = await importFile(await workbook(rows));
    assert.equal(job.status, 'failed');
    assert.deepEqual(
      job.errors.map((e) => [e.row, e.code]),
      [
        [8, 'exceeds_revenue'],
        [1503, 'entity_not_found'],
        [2303, 'duplicate_in_file'],
      ],
    );
    assert.match(job.errors[2]!.message, /dòng 13/);
    assert.equal(job.totalRows, 2400);
    assert.equal(job.insertedRows, 0);
    assert.equal((await countReports(2021)) + (await countReports(2022)), 0);
    assert.deepEqual(await leftovers(), []);
  });

  test('a clean file of several chunks is written whole, with one audit entry and no temporary file left', async () => {
    const job = await importFile(await workbook(twoYears(2021)));
    assert.equal(job.status, 'completed', JSON.stringify(job.errors));
    assert.equal(job.totalRows, 2400);
    assert.equal(job.processedRows, 2400);
    assert.equal(job.insertedRows, 2400);
    assert.equal(await countReports(2021), ENTITIES);
    assert.equal(await countReports(2022), ENTITIES);
    const audit = await queryRows<{ after: { count: number; source: string } }>(
      db,
      sql`select after from audit_log where action = 'report.imported'`,
    );
    assert.deepEqual(
      audit.map((a) => a.after.count),
      [2400],
    );
    assert.equal(audit[0]!.after.source, `registry_import:${job.id}`);
    assert.deepEqual(await leftovers(), []);
  });

  test('each row keeps the workflow stamps of its own status, whatever the first row is', async () => {
    const label = REPORT_STATUS_LABELS;
    const rows = [
      reportRow(0, 2020, { status: label.draft }),
      reportRow(1, 2020, { status: label.submitted }),
      reportRow(2, 2020, { status: label.approved }),
    ];
    const job = await importFile(await workbook(rows));
    assert.equal(job.status, 'completed', JSON.stringify(job.errors));
    const stored = await queryRows<{ code: string; status: string; submitted: boolean; approved: boolean }>(
      db,
      sql`select e.code, r.status, r.submitted_at is not null as submitted, r.approved_at is not null as approved
          from annual_reports r join entities e on e.id = r.entity_id where r.year = 2020 order by e.code`,
    );
    assert.deepEqual(stored, [
      { code: code(0), status: 'draft', submitted: false, approved: false },
      { code: code(1), status: 'submitted', submitted: true, approved: false },
      { code: code(2), status: 'approved', submitted: true, approved: true },
    ]);
  });

  test('two imports of the same reports at once: one is written, the other fails and writes nothing', async () => {
    const file = await workbook(Array.from({ length: 50 }, (_, i) => reportRow(100 + i, 2019)));
    const [a, b] = await Promise.all([start(file), start(file)]);
    await service.drain();
    const jobs = await Promise.all([service.get(admin, a.id), service.get(admin, b.id)]);
    assert.deepEqual(jobs.map((j) => j.status).sort(), ['completed', 'failed']);
    const failed = jobs.find((j) => j.status === 'failed')!;
    assert.ok(
      failed.errors.every((e) => e.code === 'report_locked' || e.code === 'changed_meanwhile'),
      JSON.stringify(failed.errors),
    );
    assert.equal(failed.insertedRows, 0);
    assert.equal(await countReports(2019), 50);
  });

  test('a file that breaks off after some chunks fails as unreadable; what was written is rolled back', async () => {
    const file = await workbook(twoYears(2023), true);
    // Same length, so the archive stays whole: the cell's reference loses its quotes.
    const at = file.indexOf('<c r="A2000"');
    assert.ok(at > 0);
    file.write('<c r= A2000 ', at, 'latin1');
    const job = await importFile(file);
    assert.equal(job.status, 'failed');
    assert.deepEqual(
      job.errors.map((e) => e.code),
      ['unreadable_file'],
    );
    assert.equal((await countReports(2023)) + (await countReports(2024)), 0);
    assert.deepEqual(await leftovers(), []);
  });

  test('imports cut off by a stopped process are closed as interrupted; live ones are left running', async () => {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const insert = (status: string, heartbeatAt: Date) =>
      db
        .insert(registryImports)
        .values({ kind: 'annual-reports', fileName: 'x.xlsx', status, createdBy: admin.id, heartbeatAt })
        .returning({ id: registryImports.id })
        .then(([r]) => r!.id);
    const cutOff = await insert('validating', minutesAgo(30));
    const cutOffWriting = await insert('importing', minutesAgo(30));
    const elsewhere = await insert('validating', minutesAgo(0));
    const finished = await insert('completed', minutesAgo(30));

    assert.equal(await service.closeInterrupted(), 2);
    for (const id of [cutOff, cutOffWriting]) {
      const job = await service.get(admin, id);
      assert.equal(job.status, 'failed');
      assert.deepEqual(
        job.errors.map((e) => e.code),
        ['interrupted'],
      );
      assert.ok(job.finishedAt);
    }
    assert.equal((await service.get(admin, elsewhere)).status, 'validating');
    assert.equal((await service.get(admin, finished)).status, 'completed');
    assert.equal(await service.closeInterrupted(), 0, 'closing twice changes nothing');
  });

  test("a running import's heartbeat keeps it from being closed, even when the heartbeat lags", async () => {
    const { id } = await start(await workbook(Array.from({ length: 20 }, (_, i) => reportRow(300 + i, 2018))));
    // As if the heartbeat had queued behind the import's own write for a long time.
    await db
      .update(registryImports)
      .set({ heartbeatAt: new Date(0) })
      .where(eq(registryImports.id, id));
    assert.equal(await service.closeInterrupted(), 0);
    await service.drain();
    const job = await service.get(admin, id);
    assert.equal(job.status, 'completed', JSON.stringify(job.errors));
  });
});
