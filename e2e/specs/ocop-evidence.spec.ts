import { uniqueSuffix } from '../fixtures/users.ts';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';
import { SHEET, SHEET_ID } from '../fixtures/ocop.ts';

// A one-page PDF and a 1×1 PNG, as a producer's scanner and phone would give them.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const TEST_REPORT = 'Phiếu kết quả kiểm nghiệm';
const SHOTS = process.env.E2E_SHOTS_DIR;

test.describe('OCOP evidence locker and product photos', () => {
  test('the producer keeps documents, sees the dossier checklist turn complete and adds a photo; a wrong file is refused', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.coop);
    const me = (await (await page.request.get('/api/auth/me')).json()) as { entityId: string };
    const name = `Nhãn sấy dẻo ${uniqueSuffix()}`;
    const created = await page.request.post('/api/ocop/products', {
      data: { entityId: me.entityId, name, rubricId: SHEET_ID, productSet: SHEET },
    });
    expect(created.status()).toBe(201);
    const productId = ((await created.json()) as { id: string }).id;

    // The demo locker holds what a food product needs; the producer removes the test report.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Kho minh chứng' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kho minh chứng' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Giấy tờ trong kho minh chứng' });
    await expect(table.getByRole('row')).toHaveCount(5);
    await table.getByRole('button', { name: `Xoá ${TEST_REPORT}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xoá' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã xoá giấy tờ.' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(4);

    // The product's checklist now names the missing document and links to the locker.
    await page.goto(`/ocop/products/${productId}`);
    const checklist = page.getByRole('region', { name: 'Giấy tờ bắt buộc' });
    await expect(checklist.locator('li[data-status="missing"]')).toContainText(TEST_REPORT);
    await expect(checklist).toContainText('Còn thiếu hoặc hết hạn 1 giấy tờ');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/product-incomplete.png`, fullPage: true });
    await checklist.getByRole('link', { name: 'Mở kho minh chứng' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kho minh chứng' })).toBeVisible();

    // A text file named .pdf is refused from its bytes, with the reason on the file field.
    const form = page.getByRole('form', { name: 'Tải lên giấy tờ' });
    await form.getByLabel('Loại giấy tờ').selectOption({ label: TEST_REPORT });
    await form.getByLabel('Tên giấy tờ').fill('Phiếu kết quả kiểm nghiệm số 88/KN-2026');
    await form.getByLabel('Ngày cấp').fill('2026-10-01');
    await form.getByLabel('Hiệu lực đến').fill('2027-10-01');
    await form.getByLabel('Tệp').setInputFiles({
      name: 'kiem-nghiem.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Đây không phải là tệp PDF'),
    });
    await form.getByRole('button', { name: 'Tải lên' }).click();
    await expect(form.getByLabel('Tệp')).toHaveAccessibleDescription(
      /Tệp phải là PDF, JPEG, PNG hoặc WebP\. Tệp đã chọn không đúng định dạng\./,
    );
    await expect(table.getByRole('row')).toHaveCount(4);

    // The real PDF goes in.
    await form.getByLabel('Tệp').setInputFiles({ name: 'kiem-nghiem.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByRole('button', { name: 'Tải lên' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Đã tải lên “Phiếu kết quả kiểm nghiệm số 88/KN-2026”.' }),
    ).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(5);
    await expect(table.getByRole('row', { name: /88\/KN-2026/ })).toContainText('Còn hiệu lực');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/locker.png`, fullPage: true });

    // Back on the product: the checklist is complete; a photo is added and shown.
    await page.goto(`/ocop/products/${productId}`);
    await expect(checklist.getByRole('status')).toHaveText('Đủ giấy tờ bắt buộc.');
    await expect(checklist.locator('li[data-status="missing"]')).toHaveCount(0);
    const photos = page.getByRole('region', { name: 'Ảnh sản phẩm' });
    await photos.getByLabel('Thêm ảnh').setInputFiles({ name: 'nhan-say.pdf', mimeType: 'image/png', buffer: PDF });
    await expect(photos.getByLabel('Thêm ảnh')).toHaveAccessibleDescription(/Ảnh phải là JPEG, PNG hoặc WebP\./);
    await photos.getByLabel('Thêm ảnh').setInputFiles({ name: 'nhan-say.png', mimeType: 'image/png', buffer: PNG });
    const img = photos.getByRole('img', { name: 'Ảnh 1 của sản phẩm' });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/product-complete.png`, fullPage: true });

    // The notifications page answers for every signed-in user (no reminder is due in the demo).
    await page.getByRole('link', { name: /^Thông báo/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeVisible();
  });
});
