import { DEMO, DEMO_PASSWORD, expect, signIn, test } from '../fixtures/test.ts';

// Names and translated role labels as the demo data and the Vietnamese locale define them.
const ACCOUNTS = [
  { key: 'admin', name: 'Nguyễn Thị Hà (Sở NN&MT)', role: 'Quản trị viên thành phố', admin: true },
  { key: 'officer', name: 'Trần Văn Minh (cán bộ xã)', role: 'Cán bộ xã, phường', admin: false },
  { key: 'council1', name: 'Lê Thị Lan (Hội đồng OCOP)', role: 'Thành viên hội đồng đánh giá', admin: false },
  { key: 'council2', name: 'Phạm Quốc Hùng (Hội đồng OCOP)', role: 'Thành viên hội đồng đánh giá', admin: false },
  { key: 'council3', name: 'Đỗ Thu Trang (Hội đồng OCOP)', role: 'Thành viên hội đồng đánh giá', admin: false },
  { key: 'coop', name: 'Vũ Đức Thắng (HTX)', role: 'Thành viên chủ thể', admin: false },
  { key: 'buyer', name: 'Hoàng Mai Anh (người mua)', role: 'Người mua', admin: false },
  { key: 'outlet', name: 'Bùi Thanh Tâm (điểm bán OCOP)', role: 'Đơn vị vận hành điểm bán', admin: false },
] as const;

test.describe('sign-in', () => {
  for (const account of ACCOUNTS) {
    test(`${account.key} signs in, sees name, role and navigation, signs out`, async ({ page }) => {
      const email = DEMO[account.key];
      await signIn(page, email);

      const main = page.getByRole('main');
      await expect(main.getByRole('heading', { level: 1, name: 'Tài khoản' })).toBeVisible();
      const profile = main.getByRole('region', { name: 'Thông tin tài khoản' });
      await expect(profile).toContainText(account.name);
      await expect(profile).toContainText(email);
      await expect(profile.getByText(account.role, { exact: true })).toBeVisible();
      if (account.key === 'officer') {
        await expect(profile).toContainText('Xã Đông Anh');
        await expect(profile).toContainText('Xã Bát Tràng');
      }

      const header = page.getByRole('banner');
      await expect(header.getByText(account.name, { exact: true })).toBeVisible();
      await expect(header.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();

      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await expect(nav.getByRole('link', { name: 'Tài khoản' })).toHaveAttribute('aria-current', 'page');
      await expect(nav.getByRole('link', { name: 'Đơn vị hành chính' })).toBeVisible();
      if (account.admin) {
        await expect(nav.getByRole('link', { name: 'Nhật ký' })).toBeVisible();
        await expect(nav.getByRole('link', { name: 'Người dùng' })).toBeVisible();
      } else {
        await expect(nav.getByRole('link', { name: 'Nhật ký' })).toHaveCount(0);
        await expect(nav.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
      }

      const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
      await header.getByRole('button', { name: 'Đăng xuất' }).click();
      expect((await loggedOut).status()).toBe(204);
      await expect(page).toHaveURL(/\/$/);
      await expect(header.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
      await expect(header.getByText(account.name, { exact: true })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'Tài khoản' })).toHaveCount(0);

      // The session is gone on the server too: the account page sends the visitor to sign in.
      await page.goto('/account');
      await expect(page).toHaveURL(/\/login\?redirect=%2Faccount$/, { timeout: 15_000 });
    });
  }

  test('a wrong password shows the generic error and stays on the sign-in page', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(DEMO.officer);
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await expect(page.getByRole('alert')).toHaveText('Email hoặc mật khẩu không đúng.');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
    // What was typed stays, so the user only fixes the password.
    await expect(page.getByLabel('Email')).toHaveValue(DEMO.officer);
  });

  test('the account page asks a visitor to sign in and returns there afterwards', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?redirect=%2Faccount$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();

    await page.getByLabel('Email').fill(DEMO.council2);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Thông tin tài khoản' })).toContainText(DEMO.council2);
  });
});
