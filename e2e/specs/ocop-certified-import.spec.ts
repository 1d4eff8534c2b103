import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';
import { uniqueSuffix } from '../fixtures/users.ts';

const SHOTS = '/tmp/ocop-certified-import-shots';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Row = { product: string; star: number; score: number; certificate: string };

/**
 * Fills the downloaded template from row 3 (over the example) for a demo producer found by its
 * name and commune. Columns are found by their English heading (row 2), as the template lays them out.
 */
async function fillTemplate(template: Buffer, rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const columnOf = new Map<string, number>();
  sheet.getRow(2).eachCell((cell, col) => columnOf.set(String(cell.value), col));
  const productSet = sheet.getRow(3).getCell(columnOf.get('Product set')!).value;
  rows.forEach((r, i) => {
    const row = sheet.getRow(3 + i);
    const set = (heading: string, value: ExcelJS.CellValue) => {
      expect(columnOf.get(heading), `template column "${heading}"`).toBeDefined();
      row.getCell(columnOf.get(heading)!).value = value;
    };
    set('Registration or tax code', null);
    set('Entity name', 'HTX Gốm sứ Bát Tràng');
    set('Commune code (from 1 July 2025)', '00577');
    set('Product name', r.product);
    set('Product set', productSet);
    set('Stars', r.star);
    set('Score', r.score);
    set('Decision number', '3120/QĐ-UBND');
    set('Decision date', '20/11/2024');
    set('Certificate number', r.certificate);
    set('Valid until', null);
    row.font = {};
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, file: Buffer, name: string) {
  await page.getByLabel('Tệp Excel đã điền').setInputFiles({ name, mimeType: XLSX_TYPE, buffer: file });
  await page.getByRole('button', { name: 'Nhập tệp' }).click();
}

test.describe('ocop: importing products certified before Hoptac', () => {
  test('the city admin imports certified products: a bad file is refused whole with its row report, a good one goes in', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const tag = uniqueSuffix().toUpperCase();
    const rows: Row[] = [
      { product: `Bình gốm men lam ${tag}`, star: 4, score: 78, certificate: `GCN-E2E-${tag}-1` },
      { product: `Ấm chén men rạn ${tag}`, star: 5, score: 75, certificate: `GCN-E2E-${tag}-2` },
    ];

    await signIn(page, DEMO.admin);
    await page.goto('/ocop/certificates');
    await page.getByRole('link', { name: 'Nhập sản phẩm đã công nhận' }).click();
    await expect(page).toHaveURL(/\/ocop\/certificates\/import$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nhập sản phẩm OCOP đã công nhận' })).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải tệp mẫu (.xlsx)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('mau-nhap-san-pham-ocop-da-cong-nhan.xlsx');
    const template = fs.readFileSync((await download.path())!);

    // Row 4: 5★ with a score in the 4★ band.
    await upload(page, await fillTemplate(template, rows), 'san-pham-co-loi.xlsx');
    await expect(page.getByRole('heading', { name: 'Tệp chưa được nhập' })).toBeVisible({ timeout: 30_000 });
    const report = page.getByRole('table', { name: 'Lỗi theo dòng' });
    const errorRows = report.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(errorRows).toHaveCount(1);
    await expect(errorRows.getByRole('cell').first()).toHaveText('4');
    await expect(errorRows).toContainText('Số sao');
    await page.screenshot({ path: `${SHOTS}/report.png`, fullPage: true });
    const verifyOf = async (number: string) =>
      (await (await page.request.get(`/api/public/verify/${encodeURIComponent(number)}`)).json()) as {
        status: string;
      };
    expect((await verifyOf(rows[0]!.certificate)).status).toBe('unknown');

    rows[1]!.score = 93;
    await upload(page, await fillTemplate(template, rows), 'san-pham.xlsx');
    await expect(page.getByRole('heading', { name: 'Đã nhập xong' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 2 sản phẩm' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/done.png`, fullPage: true });
    for (const r of rows) expect((await verifyOf(r.certificate)).status).toBe('valid');

    await page.getByRole('link', { name: 'Xem danh sách giấy chứng nhận' }).click();
    await expect(page).toHaveURL(/\/ocop\/certificates$/);
  });

  test('the page is for city admins only', async ({ page }) => {
    await signIn(page, DEMO.officer);
    await page.goto('/ocop/certificates/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
    await page.goto('/ocop/certificates');
    await expect(page.getByRole('link', { name: 'Nhập sản phẩm đã công nhận' })).toHaveCount(0);
  });
});
