import { expect, test } from '../fixtures/test.ts';
import { noSideScroll } from '../fixtures/ocop.ts';

test.describe('OCOP certificate verification (the QR code page)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('an unknown certificate number says so plainly on a phone, signed out @phone', async ({ page }) => {
    const verify = page.waitForResponse((r) => r.url().endsWith('/api/ocop/certificates/OCOP-HN-2026-999999/verify'));
    await page.goto('/verify/OCOP-HN-2026-999999');
    expect((await verify).status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy giấy chứng nhận' })).toBeVisible();
    await expect(page.getByText('Không có giấy chứng nhận OCOP nào mang số “OCOP-HN-2026-999999”.')).toBeVisible();
    await expect(page.getByText('Kiểm tra lại số in trên giấy chứng nhận hoặc quét lại mã QR.')).toBeVisible();
    await expect(page).toHaveTitle('Xác thực giấy chứng nhận OCOP-HN-2026-999999 · Hợp tác');
    await expect(page.getByRole('heading', { name: 'Còn hiệu lực' })).toHaveCount(0);
    await noSideScroll(page);

    // Something that is not a certificate number at all is not even looked up.
    let asked = false;
    page.on('request', (r) => {
      if (r.url().includes('/api/ocop/certificates/')) asked = true;
    });
    await page.goto('/verify/khong-phai-so-giay');
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy giấy chứng nhận' })).toBeVisible();
    await expect(page.getByText('mang số “khong-phai-so-giay”')).toBeVisible();
    expect(asked).toBe(false);
    await noSideScroll(page);
  });
});
