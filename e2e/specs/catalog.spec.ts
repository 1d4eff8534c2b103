import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { noSideScroll, ownPage } from '../fixtures/ocop.ts';
import { expect, test } from '../fixtures/test.ts';

// The public side on a phone: the catalogue, a product and where to buy it, the outlets map, the
// pages behind QR codes — readable without JavaScript and without serious accessibility faults.

const PHONE = { width: 360, height: 740 };
/** A 1×1 PNG: map tiles are served locally so the journey never leaves the machine. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function serveTiles(page: Page) {
  await page.route(/tile\.openstreetmap\.org/, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  );
}

/** No serious or critical axe-core violation on the page as it stands. */
async function accessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${page.url()}`).toEqual([]);
}

/** The URL the product's QR code holds, as printed on its public page. */
async function qrUrlOf(page: Page, search: string, name: string) {
  await page.goto(`/catalog?q=${encodeURIComponent(search)}`);
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const href = await page.locator('.qr a').first().getAttribute('href');
  expect(href).toMatch(/\/(v|01)\//);
  return new URL(href!).pathname;
}

test.describe('public catalogue and QR verification', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test('a consumer searches without diacritics, filters, opens a product and sees where to buy on the list and map', async ({
    page,
  }) => {
    await serveTiles(page);
    await page.goto('/catalog');
    await expect(page.getByRole('heading', { level: 1, name: 'Tìm sản phẩm OCOP' })).toBeVisible();
    await expect(page).toHaveTitle(/Tìm sản phẩm OCOP/);

    // Autocomplete while typing, without diacritics.
    const box = page.getByRole('searchbox', { name: 'Tên sản phẩm hoặc nhà sản xuất' });
    await box.fill('buoi dien');
    const suggestions = page.getByRole('listbox', { name: 'Gợi ý' });
    await expect(suggestions.getByRole('link', { name: /Bưởi Diễn Phú Diễn/ })).toBeVisible();
    await box.press('Enter');
    await expect(page).toHaveURL(/q=buoi\+dien/, { timeout: 15_000 });
    const results = page.getByRole('region', { name: /sản phẩm$/ });
    await expect(results.getByRole('link', { name: 'Bưởi Diễn Phú Diễn' })).toBeVisible();
    await noSideScroll(page);

    // Filters: stars, then the commune (each applies on change).
    await page.goto('/catalog');
    await page.getByText('Bộ lọc').click();
    await page.getByRole('combobox', { name: 'Hạng sao' }).selectOption('4');
    await expect(page).toHaveURL(/stars=4/, { timeout: 15_000 });
    await page.getByRole('combobox', { name: 'Xã, phường' }).selectOption({ label: 'Xã Bát Tràng (1)' });
    await expect(page).toHaveURL(/commune=00577/, { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 2, name: '1 sản phẩm' })).toBeVisible();
    await page.getByRole('link', { name: 'Bộ ấm chén gốm men rạn Bát Tràng' }).click();

    // The product page: certificate, producer, where to buy.
    await expect(page.getByRole('heading', { level: 1, name: 'Bộ ấm chén gốm men rạn Bát Tràng' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Chứng nhận OCOP' })).toContainText('OCOP-HN-2024-');
    await expect(page.getByRole('link', { name: 'HTX Gốm sứ Bát Tràng' })).toBeVisible();
    const where = page.getByRole('region', { name: 'Nơi mua' });
    const outlets = where.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    expect(await outlets.count()).toBeGreaterThan(0);
    const firstOutlet = (await outlets.first().getByRole('heading', { level: 3 }).textContent())!;
    await expect(where.getByRole('button', { name: 'Điểm bán gần tôi trước' })).toBeVisible();
    await noSideScroll(page);

    // Nearest first, with the visitor's permission.
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: 20.9756, longitude: 105.9127 });
    await where.getByRole('button', { name: 'Điểm bán gần tôi trước' }).click();
    await expect(page).toHaveURL(/near=20\.976(%2C|,)105\.913/, { timeout: 15_000 });
    await expect(page.getByText('Đang xếp theo khoảng cách từ vị trí của bạn.')).toBeVisible();
    await expect(where.getByText(/cách [\d.,]+ km/).first()).toBeVisible();

    // The same outlets on the map page, with the clustered map.
    await where.getByRole('link', { name: 'Xem trên bản đồ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Điểm bán có Bộ ấm chén/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Bản đồ các điểm bán' })).toBeVisible();
    await expect(page.locator('#map .leaflet-marker-icon').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: firstOutlet })).toBeVisible();
    await noSideScroll(page);
  });

  test('QR codes of a valid, an expired and a revoked certificate show the right state', async ({ page }) => {
    const valid = await qrUrlOf(page, 'buoi dien', 'Bưởi Diễn Phú Diễn');
    await page.goto(valid);
    await expect(page.getByRole('heading', { level: 1, name: 'CÒN HIỆU LỰC' })).toBeVisible();
    await expect(page.getByRole('article')).toContainText('Bưởi Diễn Phú Diễn');
    await expect(page.getByRole('article')).toContainText('Sản phẩm OCOP 4 sao');
    await expect(page.getByRole('article')).toContainText('HTX Nông nghiệp Phú Diễn');
    await noSideScroll(page);

    const expired = await qrUrlOf(page, 'che xanh ba vi', 'Chè xanh Ba Vì');
    await page.goto(expired);
    await expect(page.getByRole('heading', { level: 1, name: 'HẾT HIỆU LỰC' })).toBeVisible();
    await expect(page.getByRole('article')).toContainText('OCOP-HN-2023-000001');

    // A revoked product leaves the catalogue; its certificate's page still says what happened.
    await page.goto('/verify/OCOP-HN-2025-000005');
    await expect(page.getByRole('heading', { level: 1, name: 'ĐÃ THU HỒI' })).toBeVisible();
    await expect(page.getByRole('article')).toContainText('Mật ong hoa nhãn Đông Anh');
    await expect(page.getByRole('article')).toContainText('Thu hồi ngày');
    await accessible(page);
  });

  test('an unknown code gets a helpful page, not an error', async ({ page }) => {
    const res = await page.goto('/verify/OCOP-HN-2026-999999');
    expect(res!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'KHÔNG XÁC ĐỊNH' })).toBeVisible();
    await expect(page.getByText('Không tìm thấy sản phẩm OCOP nào ứng với mã “OCOP-HN-2026-999999”.')).toBeVisible();
    await expect(page.getByText('Kiểm tra lại mã in trên nhãn hoặc quét lại mã QR.', { exact: false })).toBeVisible();
    await expect(page).toHaveTitle(/KHÔNG XÁC ĐỊNH · Xác thực OCOP-HN-2026-999999/);
    await expect(page.getByRole('heading', { name: 'CÒN HIỆU LỰC' })).toHaveCount(0);
    await noSideScroll(page);

    await page.goto('/verify/khong-phai-so-giay');
    await expect(page.getByRole('heading', { level: 1, name: 'KHÔNG XÁC ĐỊNH' })).toBeVisible();
    await expect(page.getByText('mã “khong-phai-so-giay”')).toBeVisible();
    // The search form on the page leads back to the catalogue.
    await page.getByRole('searchbox').fill('gom bat trang');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await expect(page.getByRole('link', { name: 'Bình gốm men lam Bát Tràng' })).toBeVisible();
    await accessible(page);
  });

  test('public pages pass axe and switch to English', async ({ page }) => {
    await serveTiles(page);
    await page.goto('/catalog?q=gom%20bat%20trang');
    await accessible(page);
    await page.getByRole('link', { name: 'Bình gốm men lam Bát Tràng' }).click();
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
    await accessible(page);
    await page.getByRole('link', { name: 'HTX Gốm sứ Bát Tràng' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'HTX Gốm sứ Bát Tràng' })).toBeVisible();
    await accessible(page);
    await noSideScroll(page);
    await page.goto('/outlets');
    await expect(page.locator('#map .leaflet-container, #map.leaflet-container')).toHaveCount(1);
    await accessible(page);

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Where to buy OCOP products' })).toBeVisible();
    await page.getByRole('link', { name: 'OCOP products' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Find OCOP products' })).toBeVisible();
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tìm sản phẩm OCOP' })).toBeVisible();
  });

  test('pages are readable with JavaScript off', async ({ browser, baseURL }) => {
    const context = await (browser as Browser).newContext({
      baseURL,
      locale: 'vi-VN',
      viewport: PHONE,
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      await page.goto('/catalog?q=luaa%20van%20phuc');
      await expect(page.getByRole('link', { name: 'Khăn lụa tơ tằm Vạn Phúc' })).toBeVisible();
      await page.getByRole('link', { name: 'Khăn lụa tơ tằm Vạn Phúc' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Khăn lụa tơ tằm Vạn Phúc' })).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'Nơi mua' }).getByRole('heading', { level: 3 }).first(),
      ).toBeVisible();
      await page.goto('/outlets');
      await expect(page.getByRole('heading', { level: 2, name: /Danh sách điểm bán/ })).toBeVisible();
      expect(await page.locator('ul.outlets > li').count()).toBeGreaterThan(3);
      await page.goto('/verify/OCOP-HN-2023-000001');
      await expect(page.getByRole('heading', { level: 1, name: 'HẾT HIỆU LỰC' })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('a visitor page holds no signed-in app code', async ({ browser, baseURL }) => {
    const visitor = await ownPage(browser, baseURL, { viewport: PHONE });
    try {
      const scripts: string[] = [];
      visitor.page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      await visitor.page.goto('/catalog');
      await expect(visitor.page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(scripts.every((s) => s.includes('/catalog/assets/'))).toBe(true);
    } finally {
      await visitor.close();
    }
  });
});
