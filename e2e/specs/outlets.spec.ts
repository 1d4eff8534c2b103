import { signedInPage } from '../fixtures/ocop.ts';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';

// Outlets in the web app: an outlet operator keeps the stock of their shop; the city adds an outlet.

test.describe('outlets', () => {
  test('an outlet operator updates the stock of their outlet', async ({ page }) => {
    await signIn(page, DEMO.outlet);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Điểm bán của tôi' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Điểm bán của tôi' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'điểm bán' })).toHaveText('2 điểm bán');
    await page.getByRole('link', { name: 'Điểm bán sản phẩm OCOP Đông Anh' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Điểm bán sản phẩm OCOP Đông Anh' })).toBeVisible();

    const onSale = page.getByRole('region', { name: 'Sản phẩm OCOP đang bán' });
    const adding = page.getByRole('region', { name: 'Thêm sản phẩm' });
    // The demo outlet stocks some products already: wait for them before counting.
    await expect(onSale.getByRole('listitem').first()).toBeVisible();
    const before = await onSale.getByRole('listitem').count();

    // Add the first certified product not on the shelf yet.
    const add = adding.getByRole('button', { name: /^Thêm .+ vào điểm bán$/ }).first();
    const label = (await add.getAttribute('aria-label'))!;
    const name = label.replace(/^Thêm /, '').replace(/ vào điểm bán$/, '');
    await add.click();
    await expect(onSale.getByRole('listitem')).toHaveCount(before + 1);
    await expect(onSale.getByText(name, { exact: true })).toBeVisible();

    // And take it off again.
    await onSale.getByRole('button', { name: `Bỏ ${name} khỏi điểm bán` }).click();
    await expect(onSale.getByRole('listitem')).toHaveCount(before);
  });

  test('the city admin adds an outlet, which the public list shows', async ({ page, browser, baseURL }) => {
    await signIn(page, DEMO.admin);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Điểm bán OCOP' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Điểm bán sản phẩm OCOP' })).toBeVisible();
    await page.getByRole('link', { name: 'Thêm điểm bán' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thêm điểm bán' })).toBeVisible();

    const name = `Điểm bán OCOP Bát Tràng ${Date.now() % 100_000}`;
    await page.getByLabel('Tên điểm bán').fill(name);
    await page.getByLabel('Loại điểm bán').selectOption({ label: 'Cửa hàng làng nghề' });
    await page.getByLabel('Địa chỉ').fill('Số 1 đường Giang Cao');
    const picker = page.getByRole('combobox', { name: 'Xã, phường' });
    await picker.fill('bat trang');
    await page.getByRole('option', { name: /Xã Bát Tràng/ }).click();
    await page.getByLabel('Vĩ độ').fill('20,9756');
    await page.getByLabel('Kinh độ').fill('105.9127');
    await page.getByLabel('Giờ mở cửa').fill('8:00–18:00');
    await page.getByRole('button', { name: 'Thêm điểm bán' }).click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Cửa hàng làng nghề · Số 1 đường Giang Cao, Xã Bát Tràng')).toBeVisible();
    await expect(page.getByText('Đang hoạt động')).toBeVisible();

    // The public API lists it at once, without any account.
    const visitor = await signedInPage(browser, baseURL, DEMO.buyer);
    const res = await visitor.page.request.get('/api/public/outlets?commune=00577&type=craft_village_shop');
    const body = (await res.json()) as { items: { name: string }[] };
    expect(body.items.map((o) => o.name)).toContain(name);
    await visitor.close();

    // The scan anomalies page answers for the city.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Quét mã bất thường' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quét mã bất thường' })).toBeVisible();
  });
});
