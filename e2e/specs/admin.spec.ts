import { DEMO, DEMO_PASSWORD, expect, signIn, test } from '../fixtures/test.ts';
import { createUserAsAdmin, uniqueSuffix } from '../fixtures/users.ts';

test.describe('account administration', () => {
  test('the city admin creates a commune officer, meets a duplicate, deactivates it and finds it in the audit log', async ({
    page,
  }) => {
    const suffix = uniqueSuffix();
    const email = `officer-${suffix}@e2e.hoptac.vn`;
    const name = `Cán bộ thử ${suffix}`;
    const password = `mat-khau-${suffix}`;

    await signIn(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Người dùng' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();

    // Create, choosing the commune by typing its name without diacritics.
    const form = page.getByRole('region', { name: 'Tạo người dùng' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Tên hiển thị').fill(name);
    await form.getByRole('checkbox', { name: 'Cán bộ xã, phường' }).check();
    const picker = form.getByRole('combobox', { name: 'Xã, phường phụ trách' });
    await picker.fill('bat trang');
    const option = form.getByRole('option', { name: /Xã Bát Tràng/ });
    await expect(picker).toHaveAttribute('aria-expanded', 'true');
    await option.click();
    const chosen = form.getByRole('list', { name: 'Đã chọn' });
    await expect(chosen.getByRole('listitem')).toHaveCount(1);
    await expect(chosen).toContainText('Xã Bát Tràng');
    await expect(chosen.getByRole('button', { name: 'Bỏ Xã Bát Tràng' })).toBeVisible();
    await expect(picker).toHaveValue('');
    await form.getByLabel('Mật khẩu ban đầu').fill(password);
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Đã tạo người dùng' })).toHaveText(
      `Đã tạo người dùng ${email}.`,
    );
    await expect(form.getByLabel('Email')).toHaveValue('');

    // Listed, with the translated role, the commune and an active status.
    const list = page.getByRole('region', { name: 'Danh sách người dùng' });
    await list.getByRole('searchbox', { name: 'Tìm người dùng' }).fill(suffix);
    await expect(list.getByText('1 người dùng', { exact: true })).toBeVisible();
    const row = list.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText(name);
    await expect(row).toContainText('Cán bộ xã, phường');
    await expect(row).toContainText('Xã Bát Tràng');
    await expect(row).toContainText('Đang hoạt động');
    await expect(row).toContainText('Chưa đăng nhập');

    // The same e-mail again: the form says so at the e-mail field.
    await form.getByLabel('Email').fill(email.toUpperCase());
    await form.getByLabel('Tên hiển thị').fill('Trùng email');
    await form.getByRole('checkbox', { name: 'Người mua' }).check();
    await form.getByLabel('Mật khẩu ban đầu').fill(password);
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    const emailField = form.getByLabel('Email');
    await expect(emailField).toHaveAttribute('aria-invalid', 'true');
    await expect(emailField).toHaveAccessibleDescription(/Email này đã được sử dụng\./);
    await expect(form.getByRole('alert')).toHaveText('Email này đã được sử dụng.');
    await expect(list.getByText('1 người dùng', { exact: true })).toBeVisible();

    // Deactivate: the row says so and offers to activate again.
    await row.getByRole('button', { name: `Vô hiệu hoá ${email}` }).click();
    await expect(list.getByRole('status').filter({ hasText: email })).toHaveText(
      `Đã cập nhật trạng thái của ${email}.`,
    );
    await expect(row).toContainText('Đã vô hiệu hoá');
    await expect(row).not.toContainText('Đang hoạt động');
    await expect(row.getByRole('button', { name: `Kích hoạt ${email}` })).toBeVisible();

    // The audit log has the creation, with the new e-mail and its before/after.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhật ký' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nhật ký hoạt động' })).toBeVisible();
    const filters = page.getByRole('search', { name: 'Bộ lọc' });
    await filters.getByLabel('Hành động').fill('user.created');
    await filters.getByLabel('Email người thực hiện').fill(DEMO.admin);
    await filters.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect(page).toHaveURL(/action=user\.created/);

    const log = page.getByRole('table', { name: 'Các mục nhật ký' });
    const entry = log.getByRole('row').filter({ hasText: email });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('user.created');
    await expect(entry).toContainText('Nguyễn Thị Hà (Sở NN&MT)');
    const toggle = entry.getByRole('button', { name: 'Xem thay đổi' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    const hide = entry.getByRole('button', { name: 'Ẩn thay đổi' });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator(`#${await hide.getAttribute('aria-controls')}`);
    await expect(panel.getByRole('heading', { name: 'Trước' })).toBeVisible();
    await expect(panel.getByText('(không có)')).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Sau' })).toBeVisible();
    await expect(panel).toContainText(`"email": "${email}"`);
    await expect(panel).toContainText('commune_officer');
    await hide.click();
    await expect(panel).toBeHidden();

    // The deactivation is logged too.
    await filters.getByLabel('Hành động').fill('user.disabled');
    await filters.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect(log.getByRole('row').filter({ hasText: 'user.disabled' }).first()).toBeVisible();
  });

  test('a deactivated account cannot sign in', async ({ page, browser, baseURL }) => {
    const suffix = uniqueSuffix();
    const email = `disabled-${suffix}@e2e.hoptac.vn`;
    const password = `mat-khau-${suffix}`;
    await createUserAsAdmin(browser, baseURL, {
      email,
      displayName: 'Tài khoản đã khoá',
      password,
      roles: ['buyer'],
      active: false,
    });

    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toHaveText('Tài khoản đã bị vô hiệu hoá. Vui lòng liên hệ quản trị viên.');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  });

  test('a buyer opening the users page is told it is not for them', async ({ page }) => {
    await signIn(page, DEMO.buyer);
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
    await expect(page.getByText('Trang này chỉ dành cho quản trị viên thành phố.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Tạo người dùng' })).toHaveCount(0);
    await expect(
      page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Người dùng' }),
    ).toHaveCount(0);

    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  test('a visitor opening the users page is offered the sign-in', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Dùng tài khoản quản trị' }).click();
    await expect(page).toHaveURL(/\/login\?redirect=/);
    await page.getByLabel('Email').fill(DEMO.admin);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();
  });
});
