import { expect, test } from '../fixtures/test.ts';

test('the UI is Vietnamese by default, switches to English, remembers it, and switches back', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 2, name: 'Đơn vị hành chính' })).toBeVisible();
  await expect(page.getByText('Nền tảng kinh tế tập thể và chương trình OCOP — Mỗi xã một sản phẩm')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tra cứu xã, phường' })).toBeVisible();

  const vietnameseSwitch = page.getByRole('group', { name: 'Ngôn ngữ' });
  await expect(vietnameseSwitch.getByRole('button', { name: 'VI' })).toHaveAttribute('aria-pressed', 'true');
  await vietnameseSwitch.getByRole('button', { name: 'EN' }).click();

  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Administrative units' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Look up communes and wards' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }),
  ).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Đơn vị hành chính', { exact: true })).toHaveCount(0);

  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Administrative units' })).toBeVisible();
  const englishSwitch = page.getByRole('group', { name: 'Language' });
  await expect(englishSwitch.getByRole('button', { name: 'EN' })).toHaveAttribute('aria-pressed', 'true');

  // The choice follows the visitor to other pages.
  await page.getByRole('link', { name: 'Look up communes and wards' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrative units' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'After reorganisation (1 Jul 2025)' })).toBeVisible();

  await englishSwitch.getByRole('button', { name: 'VI' }).click();
  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Sau sắp xếp (01/07/2025)' })).toBeVisible();

  await page.reload();
  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' })).toBeVisible();
});
