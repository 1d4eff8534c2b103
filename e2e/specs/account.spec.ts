import { expect, signIn, test } from '../fixtures/test.ts';
import { createUserAsAdmin, uniqueSuffix } from '../fixtures/users.ts';

test('a user renames themselves and changes their password', async ({ page, browser, baseURL }) => {
  const suffix = uniqueSuffix();
  const email = `account-${suffix}@e2e.hoptac.vn`;
  const firstPassword = `mat-khau-dau-${suffix}`;
  const newPassword = `mat-khau-moi-${suffix}`;
  await createUserAsAdmin(browser, baseURL, {
    email,
    displayName: 'Người dùng thử',
    password: firstPassword,
    roles: ['buyer'],
  });

  await signIn(page, email, firstPassword);
  const header = page.getByRole('banner');
  await expect(header.getByText('Người dùng thử', { exact: true })).toBeVisible();

  // Display name: saved, then shown in the header and the profile.
  const nameForm = page.getByRole('region', { name: 'Đổi tên hiển thị' });
  const newName = `Trần Thị Thử ${suffix}`;
  await nameForm.getByLabel('Tên hiển thị').fill(newName);
  await nameForm.getByRole('button', { name: 'Lưu' }).click();
  await expect(nameForm.getByRole('status')).toHaveText('Đã lưu tên hiển thị.');
  await expect(header.getByText(newName, { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Thông tin tài khoản' })).toContainText(newName);

  // Password: too short is refused next to the field, before anything is sent.
  const passwordForm = page.getByRole('region', { name: 'Đổi mật khẩu' });
  const current = passwordForm.getByLabel('Mật khẩu hiện tại', { exact: true });
  const next = passwordForm.getByLabel('Mật khẩu mới', { exact: true });
  const submit = passwordForm.getByRole('button', { name: 'Đổi mật khẩu' });
  await current.fill(firstPassword);
  await next.fill('ngan');
  await submit.click();
  await expect(next).toHaveAttribute('aria-invalid', 'true');
  await expect(next).toHaveAccessibleDescription(/Mật khẩu cần ít nhất 10 ký tự\./);
  await expect(passwordForm.getByText('Mật khẩu cần ít nhất 10 ký tự.')).toBeVisible();

  // A wrong current password is reported by the server, at the field it concerns.
  await current.fill('khong-phai-mat-khau');
  await next.fill(newPassword);
  await submit.click();
  await expect(passwordForm.getByRole('alert')).toHaveText('Mật khẩu hiện tại không đúng.');
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(/Mật khẩu hiện tại không đúng\./);
  await expect(next).not.toHaveAttribute('aria-invalid', 'true');

  // The right one changes it; the fields are emptied.
  await current.fill(firstPassword);
  await next.fill(newPassword);
  await submit.click();
  await expect(passwordForm.getByRole('status')).toHaveText('Đã đổi mật khẩu.');
  await expect(current).toHaveValue('');
  await expect(next).toHaveValue('');
  await expect(passwordForm.getByRole('alert')).toHaveCount(0);

  // The session that changed the password stays signed in.
  await page.reload();
  await expect(header.getByText(newName, { exact: true })).toBeVisible();

  await header.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(header.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();

  // The old password no longer works; the new one does.
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(firstPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email hoặc mật khẩu không đúng.');
  await expect(page).toHaveURL(/\/login$/);

  await signIn(page, email, newPassword);
  await expect(page.getByRole('region', { name: 'Thông tin tài khoản' })).toContainText(newName);
  await expect(header.getByText(newName, { exact: true })).toBeVisible();
});
