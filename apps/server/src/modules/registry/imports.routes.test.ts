import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, otherRoles, SAMPLE_REPORT_FIGURES, type TestApp } from '../../testing/index.ts';
import { ENTITY_COLUMNS } from './entity-columns.ts';
import { REPORT_COLUMNS } from './report-columns.ts';
import type { ColumnDef } from '../../kernel/xlsx/columns.ts';

type Row = Record<string, string | number | Date | null>;
type ImportJob = { status: string; errors: { row: number; column: string | null; code: string; message: string }[] };

/** An XLSX laid out like the template (Vietnamese headers, English headers, data), built in memory. */
async function workbook(columns: readonly ColumnDef[], rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dữ liệu');
  sheet.addRow(columns.map((c) => c.vi));
  sheet.addRow(columns.map((c) => c.en));
  for (const r of rows) sheet.addRow(columns.map((c) => r[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(fileName: string, content: Buffer) {
  const boundary = `----hoptac${randomUUID()}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const code = (i: number) => `01${String(i).padStart(8, '0')}`;
const entityRow = (i: number, o: Row = {}): Row => ({
  type: 'Hợp tác xã',
  name: `Hợp tác xã Nông nghiệp Bưởi Diễn số ${i}`,
  code: code(i),
  registrationDate: '15/03/2019',
  address: `Thôn Đông ${i}, xã Đông Anh`,
  communeCode: '00454',
  sectors: 'Nông nghiệp',
  specialisations: 'Trồng cây ăn quả; Dịch vụ thủy lợi',
  charterCapital: '1.500.000.000',
  officialMembers: 25,
  highTech: 'Có',
  ...o,
});
const reportRow = (entityCode: string, o: Row = {}): Row => ({
  entityCode,
  year: 2024,
  ...SAMPLE_REPORT_FIGURES,
  ...o,
});

describe('registry: XLSX templates and imports', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  before(async () => {
    t = await createTestApp();
    admin = await t.login(DEMO.admin);
    officer = await t.login(DEMO.officer);
  });
  after(() => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const upload = (file: Buffer, cookie: string | undefined, query = 'kind=entities', name = 'chu-the.xlsx') => {
    const { payload, headers } = multipart(name, file);
    return t.app.inject({
      method: 'POST',
      url: `/api/registry/imports?${query}`,
      payload,
      headers: cookie ? { ...headers, cookie } : headers,
    });
  };
  const countEntities = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from entities`))[0]!.n;

  /** Polls the import until it ends (bounded: 30 s). */
  async function finished(id: string, cookie: string): Promise<ImportJob> {
    for (let i = 0; i < 600; i++) {
      const res = await get(`/api/registry/imports/${id}`, cookie);
      assert.equal(res.statusCode, 200, res.body);
      const job = res.json();
      if (job.status === 'completed' || job.status === 'failed') return job;
      await sleep(50);
    }
    throw new Error(`import ${id} did not finish`);
  }
  async function importFile(
    file: Buffer,
    cookie: string,
    query?: string,
  ): Promise<ImportJob & Record<string, unknown>> {
    const res = await upload(file, cookie, query);
    assert.equal(res.statusCode, 202, res.body);
    return finished(res.json().id, cookie) as Promise<ImportJob & Record<string, unknown>>;
  }

  test('templates: 401 signed out, 403 for non-officials; Vietnamese headers, example, lists and a guide', async () => {
    assert.equal((await get('/api/registry/templates/entities.xlsx')).statusCode, 401);
    for (const email of otherRoles('admin', 'officer')) {
      assert.equal((await get('/api/registry/templates/entities.xlsx', await t.login(email))).statusCode, 403, email);
    }
    for (const [kind, columns] of [
      ['entities', ENTITY_COLUMNS],
      ['annual-reports', REPORT_COLUMNS],
    ] as const) {
      const res = await get(`/api/registry/templates/${kind}.xlsx`, officer);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /attachment; filename=".+\.xlsx"/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const data = book.worksheets[0]!;
      assert.equal(String(data.getCell(1, 2).value).replace(' *', ''), columns[1]!.vi);
      assert.equal(data.getCell(2, 1).value, columns[0]!.en);
      assert.equal(data.getCell(3, 1).value, columns[0]!.example);
      assert.ok(book.getWorksheet('Hướng dẫn'), 'guide sheet');
      const validation = data.getCell('A10').dataValidation;
      if (kind === 'entities') assert.equal(validation?.type, 'list');
    }
  });

  test('importing: 401 signed out, 403 for non-officials, 415 for non-multipart bodies, 400 for broken ones', async () => {
    const before = await countEntities();
    const file = await workbook(ENTITY_COLUMNS, [entityRow(1)]);
    assert.equal((await upload(file, undefined)).statusCode, 401);
    for (const email of otherRoles('admin', 'officer')) {
      assert.equal((await upload(file, await t.login(email))).statusCode, 403, email);
    }
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/registry/imports?kind=entities',
      payload: { file: 'x' },
      headers: { cookie: admin },
    });
    assert.equal(json.statusCode, 415);
    assert.equal((await upload(file, admin, 'kind=members')).statusCode, 400);
    const raw = (payload: string, type: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/registry/imports?kind=entities',
        payload,
        headers: { 'content-type': type, cookie: admin },
      });
    assert.equal((await raw('garbage', 'multipart/form-data')).statusCode, 400, 'no boundary');
    const field = '--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--b--\r\n';
    assert.equal((await raw(field, 'multipart/form-data; boundary=b')).statusCode, 400, 'no file');
    const cut = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\x03\x04';
    const cutOff = await raw(cut, 'multipart/form-data; boundary=b');
    assert.equal(cutOff.statusCode, 400, 'a body ending inside the file');
    assert.equal(await countEntities(), before);
  });

  test('415 for a text file named .xlsx and for a PNG; 413 over 20 MB', async () => {
    const text = await upload(Buffer.from('Tên,Mã số\nHTX Bưởi Diễn,0100000001\n'), admin);
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    assert.equal((await upload(png, admin, 'kind=entities', 'anh.xlsx')).statusCode, 415);
    const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(256)]);
    assert.equal((await upload(fakeZip, admin)).statusCode, 415);
    const big = Buffer.alloc(20 * 1024 * 1024 + 1);
    big.write('PK\x03\x04', 'latin1');
    const tooBig = await upload(big, admin);
    assert.equal(tooBig.statusCode, 413);
    assert.equal(tooBig.json().error.code, 'PAYLOAD_TOO_LARGE');
  });

  test('422 when headings do not match the template, naming the missing columns', async () => {
    const columns = ENTITY_COLUMNS.filter((c) => c.key !== 'communeCode' && c.key !== 'sectors');
    const res = await upload(await workbook(columns, [entityRow(1)]), admin);
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'IMPORT_INVALID');
    assert.deepEqual(res.json().error.details.missing.sort(), ['Lĩnh vực', 'Mã xã/phường (sau 1/7/2025)']);
  });

  test('a file with headings only fails with a message', async () => {
    const job = await importFile(await workbook(ENTITY_COLUMNS, []), admin);
    assert.equal(job.status, 'failed');
    assert.deepEqual(
      job.errors.map((e) => e.code),
      ['no_rows'],
    );
  });

  test('one bad row fails the whole file with its row number and message; nothing is written', async () => {
    const before = await countEntities();
    const rows = [entityRow(1), entityRow(2, { code: '12345', charterCapital: 'nhiều' }), entityRow(3)];
    const job = await importFile(await workbook(ENTITY_COLUMNS, rows), admin);
    assert.equal(job.status, 'failed');
    assert.equal(job.errorCount, 2);
    const byColumn = Object.fromEntries(job.errors.map((e) => [e.column, e]));
    assert.equal(byColumn['Mã số đăng ký / MST']?.row, 4);
    assert.equal(byColumn['Mã số đăng ký / MST']?.code, 'invalid_format');
    assert.equal(byColumn['Vốn điều lệ (đồng)']?.row, 4);
    assert.match(byColumn['Vốn điều lệ (đồng)']!.message, /không phải là số nguyên/);
    assert.equal(job.insertedRows, 0);
    assert.equal(await countEntities(), before);
  });

  test('a good file of 200 rows is imported completely in one go, with status history and one audit entry', async () => {
    const before = await countEntities();
    const rows = Array.from({ length: 200 }, (_, i) => entityRow(100 + i, { communeCode: i % 2 ? '00454' : '00004' }));
    rows[5] = entityRow(105, { status: 'Tạm ngừng hoạt động', registrationDate: null });
    rows[7] = entityRow(107, { registrationDate: new Date(Date.UTC(2020, 0, 31)), communeCode: '00454' });
    const job = await importFile(await workbook(ENTITY_COLUMNS, rows), admin);
    assert.equal(job.status, 'completed', JSON.stringify(job.errors));
    assert.equal(job.totalRows, 200);
    assert.equal(job.processedRows, 200);
    assert.equal(job.insertedRows, 200);
    assert.equal(await countEntities(), before + 200);
    const [e] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select name, code, charter_capital::float8 as charter_capital, sectors, specialisations, high_tech, registration_date::text as rd
          from entities where code = ${code(100)}`,
    );
    assert.deepEqual(e, {
      name: 'Hợp tác xã Nông nghiệp Bưởi Diễn số 100',
      code: code(100),
      charter_capital: 1_500_000_000,
      sectors: ['agriculture'],
      specialisations: ['Trồng cây ăn quả', 'Dịch vụ thủy lợi'],
      high_tech: true,
      rd: '2019-03-15',
    });
    const [dated] = await queryRows<{ rd: string }>(
      t.database.db,
      sql`select registration_date::text as rd from entities where code = ${code(107)}`,
    );
    assert.equal(dated!.rd, '2020-01-31', 'a date cell');
    const suspended = await get(`/api/entities?q=${encodeURIComponent('Bưởi Diễn số 105')}`, admin);
    assert.equal(suspended.json().items[0].status, 'suspended');
    const [history] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from entity_status_history h join entities e on e.id = h.entity_id
          where e.code like '01000001%' or e.code like '01000002%'`,
    );
    assert.equal(history!.n, 200);
    const audit = await queryRows<{ after: { count: number } }>(
      t.database.db,
      sql`select after from audit_log where action = 'entity.imported'`,
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.after.count, 200);
  });

  test('duplicates against the register and within the file are row errors', async () => {
    const rows = [entityRow(100), entityRow(900), entityRow(900, { name: 'HTX khác' })];
    const job = await importFile(await workbook(ENTITY_COLUMNS, rows), admin);
    assert.equal(job.status, 'failed');
    assert.deepEqual(
      job.errors.map((e) => [e.row, e.code]),
      [
        [3, 'duplicate_code'],
        [5, 'duplicate_in_file'],
      ],
    );
  });

  test('a name already used in the commune is refused unless the uploader confirms the duplicate', async () => {
    const sameName = [entityRow(700, { name: 'Hợp tác xã Nông nghiệp Bưởi Diễn số 199' })];
    const refused = await importFile(await workbook(ENTITY_COLUMNS, sameName), admin);
    assert.deepEqual(
      refused.errors.map((e) => [e.row, e.code, e.column]),
      [[3, 'possible_duplicate', 'Tên chủ thể']],
    );
    const confirmed = await importFile(
      await workbook(ENTITY_COLUMNS, sameName),
      admin,
      'kind=entities&acknowledgeDuplicates=true',
    );
    assert.equal(confirmed.status, 'completed', JSON.stringify(confirmed.errors));
  });

  test('an officer importing a row outside their communes gets a row error; their import status is theirs', async () => {
    const rows = [entityRow(500), entityRow(501, { communeCode: '00004' })];
    const res = await upload(await workbook(ENTITY_COLUMNS, rows), officer);
    assert.equal(res.statusCode, 202);
    const job = await finished(res.json().id, officer);
    assert.equal(job.status, 'failed');
    assert.deepEqual(
      job.errors.map((e) => [e.row, e.code, e.column]),
      [[4, 'outside_scope', 'Mã xã/phường (sau 1/7/2025)']],
    );
    assert.equal((await get(`/api/registry/imports/${res.json().id}`, admin)).statusCode, 200);
    const adminJob = await upload(await workbook(ENTITY_COLUMNS, [entityRow(502)]), admin);
    await finished(adminJob.json().id, admin);
    assert.equal((await get(`/api/registry/imports/${adminJob.json().id}`, officer)).statusCode, 403);
    assert.equal((await get(`/api/registry/imports/${randomUUID()}`, admin)).statusCode, 404);
  });

  test('the downloaded template, filled in with its example row left in place, imports', async () => {
    const res = await get('/api/registry/templates/entities.xlsx', officer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const r = entityRow(600, { communeCode: '00577' });
    sheet.getRow(4).values = ENTITY_COLUMNS.map((c) => r[c.key] ?? null);
    const job = await importFile(Buffer.from(await book.xlsx.writeBuffer()), officer);
    assert.equal(job.status, 'completed', JSON.stringify(job.errors));
    assert.equal(job.insertedRows, 1);
  });

  test('annual reports: rows checked like the API; a city import of approved reports updates the entity rating', async () => {
    const points = {
      'ratingPoints.1': 7,
      'ratingPoints.2': 6,
      'ratingPoints.3': 10,
      'ratingPoints.5': 8,
      'ratingPoints.6': 6,
      'ratingPoints.10': 30,
    };
    const officerBad = await importFile(
      await workbook(REPORT_COLUMNS, [
        reportRow(code(101), { status: 'Thành phố đã duyệt' }),
        reportRow(code(100)),
        reportRow('0199999999'),
        reportRow(code(103), { revenueFromMembers: 9_000_000_000, year: 2099 }),
      ]),
      officer,
      'kind=annual-reports',
    );
    assert.equal(officerBad.status, 'failed');
    assert.deepEqual(
      officerBad.errors.map((e) => [e.row, e.code]),
      [
        [3, 'status_not_allowed'],
        [4, 'outside_scope'],
        [5, 'entity_not_found'],
        [6, 'future_year'],
      ],
    );
    const rows = [101, 103, 105, 107].map((i) => reportRow(code(i), { ...points, status: 'Thành phố đã duyệt' }));
    const job = await importFile(await workbook(REPORT_COLUMNS, rows), admin, 'kind=annual-reports');
    assert.equal(job.status, 'completed', JSON.stringify(job.errors));
    assert.equal(job.insertedRows, 4);
    const list = (await get(`/api/entities?q=${encodeURIComponent('Bưởi Diễn số 101')}`, admin)).json();
    const detail = (await get(`/api/entities/${list.items[0].id}`, admin)).json();
    assert.equal(detail.rating, 'fair');
    assert.equal(detail.ratingYear, 2024);
    const report = (await get(`/api/entities/${list.items[0].id}/reports/2024`, admin)).json();
    assert.equal(report.status, 'approved');
    assert.equal(report.ratingTotal, 67);
    const again = await importFile(await workbook(REPORT_COLUMNS, rows.slice(0, 1)), admin, 'kind=annual-reports');
    assert.deepEqual(
      again.errors.map((e) => e.code),
      ['report_locked'],
    );
  });
});
