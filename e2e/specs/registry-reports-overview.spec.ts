import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';

const SHOTS = '/tmp/reg-e2e-shots';
/** The year whose report is due now, as the app computes it: last calendar year in Hanoi. */
const YEAR =
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date())) - 1;

function completeness(page: Page, year: number) {
  return page.getByRole('table', { name: `Tình hình nộp báo cáo năm ${year} theo xã, phường` });
}

/** The body rows, one per commune (the header row has no cells; the footer row is a row header). */
function communeRows(page: Page, year: number) {
  return completeness(page, year).locator('tbody').getByRole('row');
}

/** A count cell of a row, by its column (each cell carries its column name for narrow screens). */
function countIn(row: Locator, column: string) {
  return row.locator(`td[data-label="${column}"]`);
}

/** A count as shown (vi-VN groups thousands with dots). */
async function numberIn(row: Locator, column: string): Promise<number> {
  return Number((await countIn(row, column).textContent())!.replace(/\./g, ''));
}

test.describe('registry: annual report overview', () => {
  test("an officer sees their communes' completeness and who has not reported", async ({ page }) => {
    await signIn(page, DEMO.officer);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ đăng ký' }).click();
    await page.getByRole('link', { name: 'Báo cáo năm', exact: true }).click();
    await expect(page).toHaveURL(/\/registry\/reports$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tình hình nộp báo cáo năm' })).toBeVisible();
    await expect(page.getByLabel('Năm báo cáo')).toHaveValue(String(YEAR));
    // The deadline is shown; setting it is the city's.
    await expect(page.getByRole('heading', { name: `Hạn nộp báo cáo năm ${YEAR}` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Đặt hạn nộp' })).toHaveCount(0);

    // Only the officer's two communes, and the total.
    const rows = communeRows(page, YEAR);
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Xã Đông Anh' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Xã Bát Tràng' })).toHaveCount(1);
    await expect(completeness(page, YEAR).locator('tfoot')).toContainText('Toàn bộ');

    const dongAnh = rows.filter({ hasText: 'Xã Đông Anh' });
    const expected = await numberIn(dongAnh, 'Phải nộp');
    const missing = await numberIn(dongAnh, 'Chưa báo cáo');
    expect(expected).toBeGreaterThan(0);
    expect(missing).toBeGreaterThan(0);
    const filed = ['Đã nộp', 'Đã tiếp nhận', 'Đã phê duyệt'];
    let inHand = 0;
    for (const column of filed) inHand += await numberIn(dongAnh, column);
    expect(inHand + missing, 'filed + not filed = expected').toBe(expected);
    await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });

    // The drill-down: who in Xã Đông Anh has not reported.
    await dongAnh.getByRole('button', { name: `Xem ${missing} chưa báo cáo` }).click();
    await expect(page).toHaveURL(/commune=00454/);
    const list = page.getByRole('region', { name: `Chủ thể chưa báo cáo năm ${YEAR} — Xã Đông Anh` });
    await expect(list).toBeVisible();
    await expect(list.getByRole('status')).toHaveText(`${missing} chủ thể chưa nộp`);
    await expect(list.getByRole('listitem')).toHaveCount(Math.min(missing, 20));
    await expect(dongAnh.getByRole('button', { name: `Xem ${missing} chưa báo cáo` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.screenshot({ path: `${SHOTS}/overview-missing.png`, fullPage: true });

    // Each entry leads to that entity's report for the year, which is indeed not filed.
    const first = list.getByRole('listitem').first().getByRole('link');
    const name = (await first.textContent())!;
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/registry/[0-9a-f-]{36}\\?tab=reports&year=${YEAR}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Báo cáo năm' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 3, name: `Báo cáo năm ${YEAR}` })).toBeVisible();
    await expect(page.locator('.report__head')).toContainText(/Chưa báo cáo|Bản nháp|Bị trả lại/);

    // Back to the overview, another year.
    await page.goBack();
    await expect(list).toBeVisible();
    await page.getByRole('button', { name: 'Đóng danh sách' }).click();
    await expect(list).toHaveCount(0);
    await page.getByLabel('Năm báo cáo').selectOption(String(YEAR - 1));
    await expect(page).toHaveURL(new RegExp(`year=${YEAR - 1}`));
    await expect(communeRows(page, YEAR - 1)).toHaveCount(2);
    await expect(page.getByRole('heading', { name: `Mức độ đầy đủ báo cáo năm ${YEAR - 1}` })).toBeVisible();
  });
});
