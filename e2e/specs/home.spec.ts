import { expect, test } from '../fixtures/test.ts';

test('the public home page fits the screen and leads to units and sign-in @phone', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Hợp tác');
  await expect(page.getByRole('heading', { level: 1, name: 'Hợp tác' })).toBeVisible();
  await expect(page.getByText('Thành phố Hà Nội', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Đơn vị hành chính' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Đang xây dựng/ })).toBeVisible();

  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, `page scroll width at ${width}px`).toBeLessThanOrEqual(width + 1);

  const units = page.getByRole('main').getByRole('link', { name: 'Tra cứu xã, phường' });
  await expect(units).toHaveAttribute('href', '/units');
  const signIn = page.getByRole('main').getByRole('link', { name: 'Vào hệ thống' });
  await expect(signIn).toHaveAttribute('href', '/login');

  await signIn.click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  const loginWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(loginWidth).toBeLessThanOrEqual(width + 1);

  await page.goBack();
  await units.click();
  await expect(page).toHaveURL(/\/units$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' })).toBeVisible();

  // On a phone the navigation folds into a menu that opens and offers the same pages.
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) {
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  }
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByRole('link', { name: 'Đơn vị hành chính' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Trang chủ' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Hợp tác' })).toBeVisible();
  if (await menu.isVisible()) await expect(menu).toHaveAttribute('aria-expanded', 'false');
});
