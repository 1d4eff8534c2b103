import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';
import { uniqueSuffix } from '../fixtures/users.ts';

const SHOTS = '/tmp/reg-e2e-shots';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Row {
  name: string;
  code: string;
  commune: string;
}

/**
 * Fills the downloaded template: row 3 (the example) and the rows below it, each a copy of the
 * example with its own name, code and commune. Columns are found by their English heading (row 2),
 * so the test follows the template rather than a fixed column order.
 */
async function fillTemplate(template: Buffer, rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const columnOf = new Map<string, number>();
  sheet.getRow(2).eachCell((cell, col) => columnOf.set(String(cell.value), col));
  const col = (heading: string) => {
    const at = columnOf.get(heading);
    expect(at, `template column "${heading}"`).toBeDefined();
    return at!;
  };
  const example = sheet.getRow(3).values as ExcelJS.CellValue[];
  rows.forEach((r, i) => {
    const row = sheet.getRow(3 + i);
    example.forEach((value, c) => {
      if (c > 0) row.getCell(c).value = value ?? null;
    });
    row.getCell(col('Name')).value = r.name;
    row.getCell(col('Registration or tax code')).value = r.code;
    row.getCell(col('Commune code (from 1 July 2025)')).value = r.commune;
    row.getCell(col('Address')).value = `Thôn Nhập ${i + 1}`;
    row.font = {};
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function results(page: Page) {
  return page.getByRole('table', { name: 'Danh sách chủ thể trong sổ đăng ký' });
}

async function registerCount(page: Page, q: string): Promise<number> {
  const res = await page.request.get('/api/entities', { params: { q, pageSize: 1 } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

async function upload(page: Page, file: Buffer, name: string) {
  await page.getByLabel('Tệp XLSX').setInputFiles({ name, mimeType: XLSX_TYPE, buffer: file });
  await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
  await expect(page).toHaveURL(/\/registry\/import\?job=/, { timeout: 15_000 });
}

test.describe('registry: XLSX import', () => {
  test('an officer imports entities: a file with a bad row is refused whole, the corrected file goes in', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const tag = `Nhập thử ${uniqueSuffix()}`;
    const base = `9${String(Date.now()).slice(-7)}`;
    const rows: Row[] = [
      { name: `HTX ${tag} Một`, code: `${base}01`, commune: '00454' },
      { name: `HTX ${tag} Hai`, code: 'MST-SAI', commune: '00454' },
      { name: `HTX ${tag} Ba`, code: `${base}03`, commune: '00577' },
      { name: `HTX ${tag} Bốn`, code: `${base}04`, commune: '00577' },
    ];

    await signIn(page, DEMO.officer);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ đăng ký' }).click();
    await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
    await expect(page).toHaveURL(/\/registry\/import$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ Excel' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /Chủ thể \(sổ đăng ký\)/ })).toBeChecked();

    // The template downloads.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải tệp mẫu: Chủ thể (sổ đăng ký)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('mau-nhap-chu-the.xlsx');
    const template = fs.readFileSync((await download.path())!);
    expect(template.subarray(0, 2).toString()).toBe('PK');

    // Row 4 (the second data row) has a code of the wrong shape.
    const bad = await fillTemplate(template, rows);
    expect(await registerCount(page, tag)).toBe(0);
    await upload(page, bad, 'chu-the-co-loi.xlsx');
    // The import runs in the background; on a busy two-core machine the first one can take a while.
    await expect(page.getByRole('heading', { name: 'Không nhập được tệp' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toContainText('Tệp có 1 lỗi.');
    await expect(page.getByRole('alert')).toContainText('Chưa có dữ liệu nào được thay đổi.');
    const errors = page.getByRole('table', { name: 'Các lỗi theo dòng' });
    const errorRows = errors.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(errorRows).toHaveCount(1);
    await expect(errorRows.getByRole('cell').first()).toHaveText('4');
    await expect(errorRows).toContainText('Mã số đăng ký / MST');
    await page.screenshot({ path: `${SHOTS}/import-errors.png`, fullPage: true });
    // All or nothing: not even the good rows went in.
    expect(await registerCount(page, tag)).toBe(0);

    // The corrected file: every row goes in.
    await page.getByRole('button', { name: 'Tải lên tệp đã sửa' }).click();
    await expect(page).toHaveURL(/\/registry\/import$/);
    rows[1]!.code = `${base}02`;
    await upload(page, await fillTemplate(template, rows), 'chu-the.xlsx');
    await expect(page.getByRole('heading', { name: 'Đã nhập xong' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 4 dòng.' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/import-done.png`, fullPage: true });

    await page.getByRole('link', { name: 'Xem sổ đăng ký' }).click();
    await page.getByRole('searchbox', { name: 'Tìm theo tên chủ thể' }).fill(tag.toLowerCase());
    await expect(page.getByRole('status').filter({ hasText: /^Tìm thấy 4 chủ thể$/ })).toBeVisible();
    for (const r of rows) {
      const row = results(page)
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: r.name }) });
      await expect(row).toContainText(r.code);
      await expect(row).toContainText(r.commune === '00454' ? 'Xã Đông Anh' : 'Xã Bát Tràng');
      await expect(row).toContainText('Đang hoạt động');
    }
  });
});
