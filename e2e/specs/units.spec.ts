import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

const NEW_EDITION = 'Sau sắp xếp (01/07/2025)';
const OLD_EDITION = 'Trước sắp xếp (01/01/2025)';

function results(page: Page) {
  return page.getByRole('table', { name: 'Danh sách đơn vị hành chính' });
}

/** The body rows of the results table (the header row has no cells). */
function unitRows(page: Page) {
  return results(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
}

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Tìm theo tên hoặc mã' }).fill(text);
  // The box commits to the URL after a short pause; the list follows the URL.
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === text);
}

/** No sideways scrolling: the page is never wider than the viewport. */
async function expectNoHorizontalScroll(page: Page) {
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, `page scroll width at ${width}px`).toBeLessThanOrEqual(width + 1);
}

test.describe('administrative units', () => {
  test('accent-free search in both editions', async ({ page }) => {
    await page.goto('/units');
    await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' })).toBeVisible();
    await expect(page.getByRole('tab', { name: NEW_EDITION })).toHaveAttribute('aria-selected', 'true');

    await search(page, 'dong anh');
    await expect(page.getByText('Tìm thấy 1 đơn vị')).toBeVisible();
    await expect(results(page).getByRole('link', { name: 'Xã Đông Anh' })).toBeVisible();
    await expect(results(page).getByRole('row')).toHaveCount(2); // header + one unit

    await page.getByRole('tab', { name: OLD_EDITION }).click();
    await expect(page.getByRole('tab', { name: OLD_EDITION })).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/scheme=2025-01/);
    // The search carries over to the other edition.
    await expect(page.getByRole('searchbox', { name: 'Tìm theo tên hoặc mã' })).toHaveValue('dong anh');
    await expect(page.getByText('Tìm thấy 2 đơn vị')).toBeVisible();
    const district = unitRows(page).filter({ has: page.getByRole('cell', { name: 'Huyện', exact: true }) });
    await expect(district.getByRole('link', { name: 'Huyện Đông Anh', exact: true })).toBeVisible();
    await expect(district).toContainText('Thành phố Hà Nội');
    const town = unitRows(page).filter({ has: page.getByRole('cell', { name: 'Thị trấn', exact: true }) });
    await expect(town.getByRole('link', { name: 'Thị trấn Đông Anh', exact: true })).toBeVisible();
    // The town sat inside the district, which links back to it.
    await expect(town.getByRole('link', { name: 'Huyện Đông Anh', exact: true })).toBeVisible();
    await expect(results(page).getByRole('link', { name: 'Xã Đông Anh' })).toHaveCount(0);

    await search(page, 'khong co don vi nay');
    await expect(page.getByText('Không có đơn vị nào phù hợp.')).toBeVisible();
  });

  test('an old ward split between new wards, and a new ward formed from old ones', async ({ page }) => {
    await page.goto('/units');
    await page.getByRole('tab', { name: OLD_EDITION }).click();
    await search(page, 'Điện Biên');
    await results(page).getByRole('link', { name: 'Phường Điện Biên' }).click();

    await expect(page).toHaveURL(/\/units\/2025-01\/00019$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Phường Điện Biên' })).toBeVisible();
    const facts = page.getByRole('region', { name: 'Thông tin đơn vị' });
    await expect(facts).toContainText(OLD_EDITION);
    await expect(facts.getByRole('link', { name: 'Quận Ba Đình' })).toBeVisible();

    const became = page.getByRole('region', { name: 'Đã nhập vào' });
    const successors = became.getByRole('listitem');
    await expect(successors.first()).toBeVisible();
    expect(await successors.count()).toBeGreaterThan(1);
    // Split: every successor took only part of the old ward.
    for (const item of await successors.all()) {
      await expect(item.getByText('một phần', { exact: true })).toBeVisible();
      await expect(item.getByText('toàn bộ', { exact: true })).toHaveCount(0);
    }
    const baDinh = successors.filter({ has: page.getByRole('link', { name: 'Phường Ba Đình', exact: true }) });
    await expect(baDinh).toHaveCount(1);
    await baDinh.getByRole('link', { name: 'Phường Ba Đình', exact: true }).click();

    await expect(page).toHaveURL(/\/units\/2025-07\/00004$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Phường Ba Đình' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Thông tin đơn vị' })).toContainText(NEW_EDITION);
    const formedFrom = page.getByRole('region', { name: 'Hình thành từ' });
    const predecessors = formedFrom.getByRole('listitem');
    const dienBien = predecessors.filter({ has: page.getByRole('link', { name: 'Phường Điện Biên', exact: true }) });
    await expect(dienBien).toContainText('một phần');
    await expect(dienBien).toContainText('Quận Ba Đình');
    const trucBach = predecessors.filter({ has: page.getByRole('link', { name: 'Phường Trúc Bạch', exact: true }) });
    await expect(trucBach).toContainText('toàn bộ');

    await page
      .getByRole('navigation', { name: 'Vị trí trang' })
      .getByRole('link', { name: 'Quay lại danh sách' })
      .click();
    await expect(page).toHaveURL(/\/units\?scheme=2025-07$/);
    await expect(page.getByRole('tab', { name: NEW_EDITION })).toHaveAttribute('aria-selected', 'true');
  });

  test('an old commune taken over whole by one new commune', async ({ page }) => {
    await page.goto('/units?scheme=2025-01');
    await search(page, 'son dong');
    // "son dong" also finds Xã Sơn Đông (09613); the one wanted is 09859.
    const row = unitRows(page).filter({ hasText: '09859' });
    await expect(row).toHaveCount(1);
    await row.getByRole('link', { name: 'Xã Sơn Đồng', exact: true }).click();

    await expect(page).toHaveURL(/\/units\/2025-01\/09859$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Xã Sơn Đồng' })).toBeVisible();
    const successors = page.getByRole('region', { name: 'Đã nhập vào' }).getByRole('listitem');
    await expect(successors).toHaveCount(1);
    await expect(successors.getByRole('link', { name: 'Xã Sơn Đồng', exact: true })).toBeVisible();
    await expect(successors.getByText('toàn bộ', { exact: true })).toBeVisible();
    await expect(successors.getByText('một phần', { exact: true })).toHaveCount(0);
  });

  test('pagination moves through the list', async ({ page }) => {
    await page.goto('/units');
    const pagination = page.getByRole('navigation', { name: 'Phân trang' });
    await expect(pagination).toContainText('Trang 1/8');
    await expect(pagination.getByRole('button', { name: 'Trang trước' })).toBeDisabled();
    const firstRow = results(page).getByRole('row').nth(1);
    await expect(firstRow).toContainText('Thành phố Hà Nội');
    const pageOneFirst = await firstRow.getByRole('link').first().textContent();

    await pagination.getByRole('button', { name: 'Trang sau' }).click();
    await expect(pagination).toContainText('Trang 2/8');
    await expect(pagination).toContainText('21–40 trong tổng số 160');
    await expect(page).toHaveURL(/page=2/);
    await expect(firstRow).not.toContainText(pageOneFirst!);
    await expect(results(page).getByRole('row')).toHaveCount(21);
    await expect(pagination.getByRole('button', { name: 'Trang trước' })).toBeEnabled();

    await pagination.getByRole('button', { name: 'Trang trước' }).click();
    await expect(pagination).toContainText('Trang 1/8');
    await expect(firstRow).toContainText(pageOneFirst!);
  });

  test('search is usable on a phone @phone', async ({ page }) => {
    await page.goto('/');
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Tra cứu xã, phường' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' })).toBeVisible();
    // Both editions can be reached without scrolling the tab strip sideways.
    for (const name of [NEW_EDITION, OLD_EDITION]) {
      const box = (await page.getByRole('tab', { name }).boundingBox())!;
      expect(box.x, `left edge of tab ${name}`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `right edge of tab ${name}`).toBeLessThanOrEqual(page.viewportSize()!.width);
    }
    await expectNoHorizontalScroll(page);

    await search(page, 'dong anh');
    const link = results(page).getByRole('link', { name: 'Xã Đông Anh' });
    await expect(link).toBeVisible();
    await expectNoHorizontalScroll(page);

    await page.getByRole('tab', { name: OLD_EDITION }).click();
    await expect(page.getByText('Tìm thấy 2 đơn vị')).toBeVisible();
    await results(page).getByRole('link', { name: 'Thị trấn Đông Anh' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thị trấn Đông Anh' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Đã nhập vào' }).getByRole('link', { name: 'Xã Đông Anh' }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
