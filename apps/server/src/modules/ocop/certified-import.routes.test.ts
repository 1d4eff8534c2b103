import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/client.ts';
import {
  createTestApp,
  DEMO,
  insertTestEntity,
  multipartBody,
  otherRoles,
  SAMPLE_FILES,
  type TestApp,
} from '../../testing/index.ts';
import { certifiedImportColumns } from './certified-import.columns.ts';
import { SET } from './rounds.fixtures.ts';

type Row = Record<string, string | number | null>;
type RowError = { row: number; column: string | null; code: string; message: string };

const COLUMNS = certifiedImportColumns([SET]);
const TEMPLATE = '/api/ocop/certified-imports/template.xlsx';
const IMPORT = '/api/ocop/certified-imports';

/** An XLSX laid out like the template (Vietnamese headers, English headers, data), built in memory. */
async function workbook(rows: Row[], columns = COLUMNS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sản phẩm OCOP');
  sheet.addRow(columns.map((c) => c.vi));
  sheet.addRow(columns.map((c) => c.en));
  for (const r of rows) sheet.addRow(columns.map((c) => r[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const CODE = '0109000001';
const row = (i: number, o: Row = {}): Row => ({
  entityCode: CODE,
  entityName: 'HTX Rau sạch Vân Nội',
  productName: `Dưa cải muối số ${i}`,
  productSet: SET,
  star: 4,
  score: 75.5,
  decisionNumber: '2231/QĐ-UBND',
  decisionDate: '12/12/2024',
  certificateNumber: `GCN-2024-${String(i).padStart(5, '0')}`,
  ...o,
});

describe('ocop: importing products certified before the platform (XLSX)', () => {
  let t: TestApp;
  let admin: string;
  let byCode = '';
  let byName = '';
  before(async () => {
    t = await createTestApp({ now: () => new Date('2026-11-25T03:00:00Z') });
    admin = await t.login(DEMO.admin);
    const db = t.database.db;
    byCode = await insertTestEntity(db, 'HTX Rau sạch Vân Nội', '00454', { code: CODE });
    byName = await insertTestEntity(db, 'Hợp tác xã Gốm Sứ Bát Tràng Một', '00577');
    // Two entities of the same name in one commune: a name alone cannot tell them apart.
    await insertTestEntity(db, 'Tổ hợp tác Mây tre Phú Vinh', '00454');
    await insertTestEntity(db, 'Tổ hợp tác Mây tre Phú Vinh', '00454', { type: 'cooperative_group' });
  });
  after(() => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const upload = (content: Buffer, cookie: string | undefined, name = 'san-pham-ocop.xlsx') => {
    const { payload, headers } = multipartBody({}, { name, content });
    return t.app.inject({ method: 'POST', url: IMPORT, payload, headers: cookie ? { ...headers, cookie } : headers });
  };
  const certificates = async () =>
    Number((await queryRows<{ n: string }>(t.database.db, sql`select count(*) as n from ocop_certificates`))[0]!.n);
  const rowErrors = (res: Awaited<ReturnType<typeof upload>>) => {
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'IMPORT_ROWS_INVALID');
    return res.json().error.details.errors as RowError[];
  };

  test('401 signed out and 403 for every role but the city admin', async () => {
    const file = await workbook([row(1)]);
    assert.equal((await get(TEMPLATE)).statusCode, 401);
    assert.equal((await upload(file, undefined)).statusCode, 401);
    for (const email of otherRoles('admin')) {
      const cookie = await t.login(email);
      assert.equal((await get(TEMPLATE, cookie)).statusCode, 403, email);
      assert.equal((await upload(file, cookie)).statusCode, 403, email);
    }
  });

  test('the template has the columns, an example row, the product sets and a guide', async () => {
    const res = await get(TEMPLATE, admin);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v).replace(/ \*$/, ''));
    assert.deepEqual(
      headings,
      COLUMNS.map((c) => c.vi),
    );
    assert.ok(book.getWorksheet('Hướng dẫn'));
    const lists = book.getWorksheet('Danh mục')!;
    const sets: string[] = [];
    lists.getColumn(1).eachCell((c, n) => void (n > 1 && sets.push(String(c.value))));
    assert.ok(sets.includes(SET), 'the product sets of the current sheets are offered');
    // The template as downloaded imports nothing: its example row is skipped.
    assert.equal(rowErrors(await upload(Buffer.from(res.rawPayload), admin))[0]!.code, 'empty_file');
  });

  test('400 for a file that is not XLSX, missing columns, and no file', async () => {
    const text = await upload(SAMPLE_FILES.text, admin, 'san-pham.xlsx');
    assert.equal(text.statusCode, 415, 'a renamed text file is refused by its content');
    assert.equal(text.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
    const missing = rowErrors(await upload(await workbook([row(1)], COLUMNS.slice(0, 5)), admin));
    assert.deepEqual(
      missing.map((e) => [e.code, e.column]),
      COLUMNS.slice(5).map((c) => ['missing_column', c.vi]),
    );
    const { payload, headers } = multipartBody({ note: 'x' }, null);
    const none = await t.app.inject({ method: 'POST', url: IMPORT, payload, headers: { ...headers, cookie: admin } });
    assert.equal(none.statusCode, 400);
  });

  test('every row rule is reported by row and column, and nothing is written', async () => {
    const before = await certificates();
    const heading = (key: string) => COLUMNS.find((c) => c.key === key)!.vi;
    const rows: Row[] = [
      row(1), // good, but the file is refused whole
      row(2, { productName: null }),
      row(3, { star: 5 }), // 75.5 is 4★
      row(4, { star: 2, score: 40 }),
      row(5, { productSet: 'Bộ không có thật' }),
      row(6, { decisionDate: '01/01/2027' }),
      row(7, { validUntil: '01/12/2024' }),
      row(8, { certificateNumber: 'GCN-2024-00001' }), // row 1's number
      row(9, { entityCode: '0109999999' }),
      row(10, { entityCode: null, entityName: 'HTX Không Có', communeCode: '00454' }),
      row(11, { entityCode: null, entityName: 'Tổ hợp tác Mây tre Phú Vinh', communeCode: '00454' }),
      row(12, { productName: 'Dưa cải muối số 1' }), // same entity and product as row 1
      row(13, { entityCode: null, communeCode: null }),
      row(14, { score: 'nhiều' }),
    ];
    const errors = rowErrors(await upload(await workbook(rows), admin));
    const found = errors.map((e) => [e.row, e.code, e.column]).sort((x, y) => Number(x[0]) - Number(y[0]));
    assert.deepEqual(found, [
      [4, 'invalid_type', heading('productName')],
      [5, 'star_score_mismatch', heading('star')],
      [6, 'too_small', heading('star')],
      [7, 'invalid_option', heading('productSet')],
      [8, 'in_future', heading('decisionDate')],
      [9, 'before_decision', heading('validUntil')],
      [10, 'duplicate_in_file', heading('certificateNumber')],
      [11, 'entity_not_found', heading('entityCode')],
      [12, 'entity_not_found', heading('entityName')],
      [13, 'ambiguous_entity', heading('entityName')],
      [14, 'duplicate_in_file', heading('productName')],
      [15, 'required', heading('communeCode')],
      [16, 'not_number', heading('score')],
    ]);
    assert.match(errors.find((e) => e.code === 'entity_not_found' && e.row === 12)!.message, /HTX Không Có.*00454/);
    assert.equal(await certificates(), before);
  });

  test('a few hundred rows import at once and show wherever certificates show', async () => {
    const before = await certificates();
    const rows = Array.from({ length: 300 }, (_, i) => row(100 + i));
    rows[0] = row(100, { star: 5, score: 92, decisionNumber: '155/QĐ-BNNMT' });
    rows[1] = row(101, {
      entityCode: null,
      entityName: 'hop tac xa gom su bat trang mot',
      communeCode: '00577',
      validUntil: '31/12/2026',
      certificateNumber: 'Số 12/GCN-UBND',
    });
    const res = await upload(await workbook(rows), admin);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { inserted: 300, rows: 300 });
    assert.equal(await certificates(), before + 300);

    const list = (await get(`/api/ocop/certificates?entity=${byCode}&pageSize=1`, admin)).json();
    assert.equal(list.total, 299);
    const fives = (await get(`/api/ocop/certificates?entity=${byCode}&star=5`, admin)).json();
    assert.equal(fives.total, 1);
    const five = fives.items[0];
    assert.equal(five.number, 'GCN-2024-00100');
    assert.deepEqual(
      [five.star, five.total, five.decision.issuer, five.decision.date, five.validUntil, five.status],
      [5, 92, 'ministry', '2024-12-12', '2027-12-12', 'valid'],
    );
    const verified = (await get(`/api/public/verify/${encodeURIComponent('Số 12/GCN-UBND')}`)).json();
    assert.deepEqual(
      [verified.status, verified.producer.id, verified.certificate.validUntil, verified.certificate.issuerName],
      ['valid', byName, '2026-12-31', 'Ủy ban nhân dân Thành phố Hà Nội'],
    );
    assert.equal((await get('/api/public/verify/GCN-2024-00399')).json().product.name, 'Dưa cải muối số 399');

    // One closed round of imported records per decision year; sequences from the year's counter.
    const [round] = await queryRows<{ name: string; status: string; n: string }>(
      t.database.db,
      sql`select r.name, r.status, count(d.id) as n from ocop_rounds r join ocop_dossiers d on d.round_id = r.id
          where r.name like 'Sản phẩm OCOP đã công nhận trước khi dùng Hoptac%' group by r.id`,
    );
    assert.deepEqual(
      [round!.name, round!.status, Number(round!.n)],
      ['Sản phẩm OCOP đã công nhận trước khi dùng Hoptac — năm 2024', 'closed', 300],
    );
    const [counter] = await queryRows<{ last: number; max: number }>(
      t.database.db,
      sql`select c.last, (select max(sequence) from ocop_certificates where year = 2024) as max
          from ocop_certificate_counters c where c.year = 2024`,
    );
    assert.equal(counter!.last, counter!.max);
    const [audit] = await queryRows<{ after: { rows: number; inserted: number } }>(
      t.database.db,
      sql`select after from audit_log where action = 'ocop.certified.import'`,
    );
    assert.deepEqual([audit!.after.rows, audit!.after.inserted], [300, 300]);

    // The same file again: every number is taken now, and nothing more is written.
    const again = rowErrors(await upload(await workbook(rows.slice(0, 3)), admin));
    assert.deepEqual(
      again.map((e) => e.code),
      ['certificate_exists', 'certificate_exists', 'certificate_exists'],
    );
    assert.equal(await certificates(), before + 300);
  });
});
