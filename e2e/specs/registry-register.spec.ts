import type { Page } from '@playwright/test';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';
import { uniqueSuffix } from '../fixtures/users.ts';

const SHOTS = '/tmp/reg-e2e-shots';

/** A 10-digit tax code no demo entity uses (they start with 01), unique to this run and call. */
function uniqueTaxCode(): string {
  return `9${String(Date.now()).slice(-7)}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
}

function filters(page: Page) {
  return page.getByRole('search', { name: 'Tìm kiếm và lọc sổ đăng ký' });
}

function registerTable(page: Page) {
  return page.getByRole('table', { name: 'Danh sách chủ thể trong sổ đăng ký' });
}

/** The body rows of the register (the header row has no cells). */
function entityRows(page: Page) {
  return registerTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
}

async function searchRegister(page: Page, text: string) {
  await filters(page).getByRole('searchbox', { name: 'Tìm theo tên chủ thể' }).fill(text);
  // The box commits to the URL after a short pause; the list follows the URL.
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === text);
}

async function openRegister(page: Page) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ đăng ký' }).click();
  await expect(page).toHaveURL(/\/registry$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sổ đăng ký' })).toBeVisible();
}

interface NewCooperative {
  name: string;
  code: string;
  representative: string;
  phone: string;
}

/** Fills the registration form for a cooperative in Xã Đông Anh (the officer's commune). */
async function fillCooperative(page: Page, coop: NewCooperative) {
  await page.getByLabel('Loại hình').selectOption({ label: 'Hợp tác xã' });
  await page.getByLabel('Mã số đăng ký (mã số thuế)').fill(coop.code);
  await page.getByLabel('Tên chủ thể').fill(coop.name);
  await page.getByLabel('Ngày đăng ký').fill('2024-03-15');
  await page.getByLabel('Địa chỉ trụ sở').fill('Thôn Thử, Xã Đông Anh');
  await page.getByLabel('Xã, phường (từ 01/07/2025)').selectOption({ label: 'Xã Đông Anh' });
  await page.getByLabel('Người đại diện theo pháp luật').fill(coop.representative);
  await page.getByLabel('Điện thoại').fill(coop.phone);
  await page.getByRole('checkbox', { name: 'Nông nghiệp', exact: true }).check();
  await page.getByLabel('Chuyên ngành, sản phẩm chính').fill('rau an toàn, cây ăn quả');
  await page.getByLabel('Vốn điều lệ (VND)').fill('1.500.000.000');
  await page.getByLabel('Thành viên chính thức (người)').fill('12');
}

test.describe('registry: the register', () => {
  test('an officer searches without diacritics and filters by type and status, only in their communes', async ({
    page,
  }) => {
    await signIn(page, DEMO.officer);
    await openRegister(page);

    await searchRegister(page, 'xuan canh');
    await expect(page.getByRole('status').filter({ hasText: /^Tìm thấy 2 chủ thể$/ })).toBeVisible();
    const coop = entityRows(page).filter({ has: page.getByRole('link', { name: 'HTX Cây ăn quả Xuân Canh' }) });
    await expect(coop).toHaveCount(1);
    await expect(coop).toContainText('Xã Đông Anh');

    // The type filter leaves the cooperative, not the company of the same village.
    await filters(page).getByLabel('Loại hình').selectOption({ label: 'Hợp tác xã' });
    await expect(page).toHaveURL(/type=cooperative/);
    await expect(page.getByRole('status').filter({ hasText: /^Tìm thấy 1 chủ thể$/ })).toBeVisible();
    await expect(entityRows(page)).toHaveCount(1);
    await expect(coop).toContainText('Hợp tác xã');
    await expect(coop).toContainText('Đang hoạt động');

    await filters(page).getByLabel('Tình trạng').selectOption({ label: 'Đang hoạt động' });
    await expect(page).toHaveURL(/status=active/);
    await expect(entityRows(page)).toHaveCount(1);
    await filters(page).getByLabel('Tình trạng').selectOption({ label: 'Đã giải thể' });
    await expect(page).toHaveURL(/status=dissolved/);
    await expect(page.getByText('Không có chủ thể nào phù hợp với bộ lọc.')).toBeVisible();

    // The commune filter offers only the officer's two communes.
    await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
    await expect(page).toHaveURL(/\/registry$/);
    const commune = filters(page).getByLabel('Xã, phường', { exact: true });
    await expect(commune.getByRole('option')).toHaveCount(3);
    await expect(commune.getByRole('option').first()).toHaveText('Tất cả xã, phường');
    await expect(commune.getByRole('option', { name: /^Xã Đông Anh \(\d+\)$/ })).toHaveCount(1);
    await expect(commune.getByRole('option', { name: /^Xã Bát Tràng \(\d+\)$/ })).toHaveCount(1);
    const batTrang = Number(
      /\((\d+)\)$/.exec((await commune.getByRole('option', { name: /^Xã Bát Tràng/ }).textContent())!)![1],
    );
    await commune.selectOption('00577');
    await expect(page).toHaveURL(/commune=00577/);
    await expect(page.getByRole('status').filter({ hasText: /^Tìm thấy \d+ chủ thể$/ })).toHaveText(
      `Tìm thấy ${batTrang} chủ thể`,
    );
    await expect(entityRows(page)).toHaveCount(Math.min(batTrang, 25));
    await expect(entityRows(page).filter({ hasNotText: 'Xã Bát Tràng' })).toHaveCount(0);

    // Every entity of the register is in their communes …
    await page.goto('/registry?sort=commune');
    await expect(page.getByRole('status').filter({ hasText: /^Tìm thấy \d+ chủ thể$/ })).toBeVisible();
    await expect(entityRows(page)).toHaveCount(25);
    await expect(entityRows(page).filter({ hasNotText: /Xã (Đông Anh|Bát Tràng)/ })).toHaveCount(0);
    // … and a commune outside them, typed into the address, lists nothing.
    await page.goto('/registry?commune=00004');
    await expect(filters(page).getByLabel('Xã, phường', { exact: true })).toHaveValue('00004');
    await expect(page.getByText('Không có chủ thể nào phù hợp với bộ lọc.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Tìm thấy 0 chủ thể$/ })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/register-out-of-scope.png`, fullPage: true });
  });

  test('an officer registers a cooperative, meets the duplicate warning and a bad code; visitors see only the public profile', async ({
    page,
    browser,
    baseURL,
  }) => {
    const suffix = uniqueSuffix();
    const coop: NewCooperative = {
      name: `HTX Rau sạch Thử nghiệm ${suffix}`,
      code: uniqueTaxCode(),
      representative: `Nguyễn Thị Đại Diện ${suffix}`,
      phone: '0912 345 678',
    };

    await signIn(page, DEMO.officer);
    await openRegister(page);
    await page.getByRole('link', { name: 'Đăng ký chủ thể' }).click();
    await expect(page).toHaveURL(/\/registry\/new$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký chủ thể' })).toBeVisible();

    // The officer can only place it in one of their communes.
    await expect(page.getByLabel('Xã, phường (từ 01/07/2025)').getByRole('option')).toHaveText([
      'Chọn xã, phường',
      'Xã Đông Anh',
      'Xã Bát Tràng',
    ]);
    await fillCooperative(page, { ...coop, code: '01234' });
    await page.getByRole('button', { name: 'Đăng ký vào sổ' }).click();
    // A code of the wrong shape is refused at the field.
    const code = page.getByLabel('Mã số đăng ký (mã số thuế)');
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(code).toHaveAccessibleDescription(/Mã số gồm 10 chữ số/);
    await expect(page.getByRole('alert').filter({ hasText: 'Vui lòng sửa các trường được đánh dấu.' })).toBeVisible();
    await expect(page).toHaveURL(/\/registry\/new$/);
    await page.screenshot({ path: `${SHOTS}/register-bad-code.png`, fullPage: true });

    await code.fill(coop.code);
    await page.getByRole('button', { name: 'Đăng ký vào sổ' }).click();
    await expect(page).toHaveURL(/\/registry\/[0-9a-f-]{36}\?created=true$/);
    const entityUrl = new URL(page.url());
    entityUrl.search = '';
    await expect(page.getByText('Đã đăng ký chủ thể vào sổ.')).toBeVisible();
    const header = page.locator('header.entity-header');
    await expect(header.getByRole('heading', { level: 1, name: coop.name })).toBeVisible();
    await expect(header).toContainText('Hợp tác xã');
    await expect(header).toContainText('Đang hoạt động');
    await expect(header).toContainText('Xã Đông Anh');
    await expect(header).toContainText(coop.code);
    await expect(page.getByRole('tab', { name: 'Hồ sơ' })).toHaveAttribute('aria-selected', 'true');
    for (const name of ['Thành viên', 'Báo cáo năm', 'Tình trạng'])
      await expect(page.getByRole('tab', { name })).toBeVisible();
    const registration = page.getByRole('region', { name: 'Đăng ký và liên hệ' });
    await expect(registration).toContainText(coop.representative);
    await expect(registration).toContainText(coop.phone);
    await expect(registration).toContainText('1.500.000.000 VND');
    const general = page.getByRole('region', { name: 'Thông tin chung' });
    await expect(general).toContainText('Thôn Thử, Xã Đông Anh');
    await expect(general).toContainText('Nông nghiệp');
    await expect(general).toContainText('12 chính thức, 0 liên kết');
    await page.screenshot({ path: `${SHOTS}/register-created.png`, fullPage: true });

    // It is in the register, found without diacritics.
    await page
      .getByRole('navigation', { name: 'Vị trí trang' })
      .getByRole('link', { name: 'Quay lại sổ đăng ký' })
      .click();
    await searchRegister(page, `htx rau sach thu nghiem ${suffix}`);
    await expect(entityRows(page)).toHaveCount(1);
    await expect(entityRows(page)).toContainText(coop.code);

    // The same name in the same commune again: a warning, never a silent merge.
    await page.getByRole('link', { name: 'Đăng ký chủ thể' }).click();
    const twinCode = uniqueTaxCode();
    await fillCooperative(page, { ...coop, code: twinCode });
    await page.getByRole('button', { name: 'Đăng ký vào sổ' }).click();
    const warning = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Có thể chủ thể này đã có trong sổ' }) });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('link', { name: coop.name })).toBeVisible();
    await expect(warning).toContainText('trùng tên trong cùng xã, phường');
    await expect(page).toHaveURL(/\/registry\/new$/);
    await page.screenshot({ path: `${SHOTS}/register-duplicate.png`, fullPage: true });
    await warning.getByRole('button', { name: 'Đây là chủ thể khác — vẫn đăng ký' }).click();
    await expect(page).toHaveURL(/\/registry\/[0-9a-f-]{36}\?created=true$/);
    await expect(page.locator('header.entity-header')).toContainText(twinCode);
    expect(page.url()).not.toContain(entityUrl.pathname);
    await page
      .getByRole('navigation', { name: 'Vị trí trang' })
      .getByRole('link', { name: 'Quay lại sổ đăng ký' })
      .click();
    await searchRegister(page, `htx rau sach thu nghiem ${suffix}`);
    await expect(entityRows(page)).toHaveCount(2);

    // A visitor sees the public profile: no representative, no phone.
    const visitor = await browser.newContext({ baseURL, locale: 'vi-VN' });
    try {
      const publicPage = await visitor.newPage();
      const errors: string[] = [];
      publicPage.on('pageerror', (err) => errors.push(err.message));
      publicPage.on('console', (msg) => {
        if (
          msg.type() === 'error' &&
          !/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())
        )
          errors.push(msg.text());
      });
      await publicPage.goto(entityUrl.pathname);
      await expect(publicPage.getByRole('heading', { level: 1, name: coop.name })).toBeVisible();
      const profile = publicPage.getByRole('region', { name: 'Thông tin công khai' });
      await expect(profile).toContainText('Thôn Thử, Xã Đông Anh');
      await expect(profile).toContainText('Nông nghiệp');
      await expect(publicPage.getByRole('main')).not.toContainText(coop.representative);
      await expect(publicPage.getByRole('main')).not.toContainText('0912 345 678');
      await expect(publicPage.getByRole('main')).not.toContainText(coop.code);
      await expect(publicPage.getByRole('tab')).toHaveCount(0);
      await expect(publicPage.getByText('Người đại diện theo pháp luật')).toHaveCount(0);
      await publicPage.screenshot({ path: `${SHOTS}/register-public-profile.png`, fullPage: true });
      expect(errors, 'visitor console errors').toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
