import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { foldVietnamese } from '@hoptac/core';
import ExcelJS from 'exceljs';
import { createTestApp, DEMO, otherRoles, SAMPLE_REPORT_FIGURES, type TestApp } from '../../testing/index.ts';
import { insertEntitiesBulk } from './imports.repository.ts';

const entity = (o: Record<string, unknown> = {}) => ({
  type: 'cooperative',
  name: 'HTX Nông nghiệp Thụy Lâm',
  code: '0109876543',
  registrationDate: '2019-05-20',
  address: 'Thôn Đông, xã Đông Anh, "Hà Nội"',
  communeCode: '00454',
  sectors: ['agriculture'],
  specialisations: ['rau an toàn', 'bưởi Diễn'],
  charterCapital: 2_000_000_000,
  officialMembers: 45,
  legalRepresentative: 'Nguyễn Văn An',
  ...o,
});

const report = { ...SAMPLE_REPORT_FIGURES, profit: -210_000_000, productsServices: 'Bưởi Diễn, rau cải' };

async function readXlsx(payload: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

/** Rows of a sheet as arrays of displayed values (column A first). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** A small RFC 4180 reader: enough to check what Excel would show. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (quoted || ch !== '\r') {
      field += ch;
    }
  }
  return rows;
}

describe('registry: XLSX and CSV exports', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let thuyLam: string;
  before(async () => {
    t = await createTestApp();
    admin = await t.login(DEMO.admin);
    officer = await t.login(DEMO.officer);
    const post = async (body: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/entities',
        payload: body,
        headers: { cookie: admin },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    thuyLam = await post(entity());
    await post(entity({ name: 'HTX Gốm sứ Bát Tràng', code: '0101111111', communeCode: '00577' }));
    await post(entity({ name: 'Hộ kinh doanh Đỗ Thị Hằng', code: 'HKD-00454-7', type: 'household_business' }));
    await post(entity({ name: 'HTX Dịch vụ Ba Đình', code: '0102222222', communeCode: '00004' }));
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/entities/${thuyLam}/reports/2024`,
      payload: report,
      headers: { cookie: admin },
    });
    assert.equal(saved.statusCode, 200, saved.body);
  });
  after(() => t.close());
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  test('401 signed out, 403 for entity members, the public and other roles; 400 on bad filters', async () => {
    for (const url of [
      '/api/entities/export.xlsx',
      '/api/entities/export.csv',
      '/api/annual-reports/export.xlsx?year=2024',
    ]) {
      assert.equal((await get(url)).statusCode, 401, url);
      for (const email of otherRoles('admin', 'officer')) {
        assert.equal((await get(url, await t.login(email))).statusCode, 403, `${url} ${email}`);
      }
    }
    assert.equal((await get('/api/entities/export.csv?status=zombie', admin)).statusCode, 400);
    assert.equal((await get('/api/annual-reports/export.xlsx', admin)).statusCode, 400);
  });

  test('XLSX: the filtered rows with Vietnamese text intact, template columns first', async () => {
    const res = await get(`/api/entities/export.xlsx?q=${encodeURIComponent('thuy lam')}&type=cooperative`, admin);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="so-dang-ky-chu-the-.+\.xlsx"$/);
    const rows = sheetRows(await readXlsx(res.rawPayload));
    assert.equal(rows.length, 3, 'two header rows and one entity');
    assert.deepEqual(rows[0]!.slice(0, 3), ['Loại hình', 'Tên chủ thể', 'Tên tiếng Anh']);
    assert.deepEqual(rows[1]!.slice(0, 2), ['Type', 'Name']);
    const data = rows[2]!;
    assert.equal(data[0], 'Hợp tác xã');
    assert.equal(data[1], 'HTX Nông nghiệp Thụy Lâm');
    assert.equal(data[3], '0109876543');
    assert.ok(data.includes('rau an toàn; bưởi Diễn'));
    assert.ok(data.includes('Xã Đông Anh'));
    assert.ok(data.includes(thuyLam));
  });

  test('CSV: UTF-8 with a byte order mark, quoted fields, scoped to the officer’s communes', async () => {
    const res = await get('/api/entities/export.csv', officer);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.rawPayload.toString('utf8').slice(1));
    assert.equal(rows[0]![1], 'Tên chủ thể');
    const names = rows.slice(1).map((r) => r[1]);
    assert.deepEqual(names.sort(), ['HTX Gốm sứ Bát Tràng', 'HTX Nông nghiệp Thụy Lâm', 'Hộ kinh doanh Đỗ Thị Hằng']);
    const addressAt = rows[0]!.indexOf('Địa chỉ');
    assert.equal(rows[1]![addressAt], 'Thôn Đông, xã Đông Anh, "Hà Nội"');
    const all = parseCsv((await get('/api/entities/export.csv', admin)).rawPayload.toString('utf8').slice(1));
    assert.equal(all.length, 5, 'the city sees every commune');
    const filtered = await get('/api/entities/export.csv?type=household_business&commune=00454', admin);
    assert.deepEqual(
      parseCsv(filtered.rawPayload.toString('utf8').slice(1))
        .slice(1)
        .map((r) => r[1]),
      ['Hộ kinh doanh Đỗ Thị Hằng'],
    );
  });

  test('large exports are read page by page and hold every row', async () => {
    const many = Array.from({ length: 2_345 }, (_, i) => {
      const name = `Tổ hợp tác Trồng rau Vân Nội ${i}`;
      return {
        type: 'cooperative_group',
        name,
        nameFolded: foldVietnamese(name),
        code: `THT-${String(i).padStart(6, '0')}`,
        address: 'Vân Nội',
        communeScheme: '2025-07',
        communeCode: '00577',
        sectors: ['agriculture'],
        status: 'active',
        statusSince: '2020-01-01',
      };
    });
    await insertEntitiesBulk(t.database.db, many, null, 'test');
    const csv = parseCsv(
      (await get('/api/entities/export.csv?type=cooperative_group', officer)).rawPayload.toString('utf8'),
    );
    assert.equal(csv.length, 1 + 2_345);
    const ids = new Set(csv.slice(1).map((r) => r[r.length - 1]));
    assert.equal(ids.size, 2_345, 'no row twice across pages');
    const xlsx = await readXlsx((await get('/api/entities/export.xlsx?type=cooperative_group', admin)).rawPayload);
    assert.equal(xlsx.rowCount, 2 + 2_345);
  });

  test('annual reports of a year, scoped; figures and Vietnamese labels as written', async () => {
    const res = await get('/api/annual-reports/export.xlsx?year=2024', officer);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /bao-cao-nam-2024/);
    const rows = sheetRows(await readXlsx(res.rawPayload));
    assert.equal(rows.length, 3);
    const head = rows[0]!;
    const value = (heading: string) => rows[2]![head.indexOf(heading)];
    assert.equal(value('Mã số đăng ký / MST'), '0109876543');
    assert.equal(value('Tên chủ thể (để đối chiếu)'), 'HTX Nông nghiệp Thụy Lâm');
    assert.equal(value('Lợi nhuận (đồng)'), -210_000_000);
    assert.equal(value('Sản phẩm, dịch vụ chính'), 'Bưởi Diễn, rau cải');
    assert.equal(value('Trạng thái báo cáo'), 'Nháp');
    assert.equal(value('Tên xã/phường'), 'Xã Đông Anh');
    assert.equal(
      sheetRows(await readXlsx((await get('/api/annual-reports/export.xlsx?year=2023', admin)).rawPayload)).length,
      2,
    );
  });
});
