import type { Page } from '@playwright/test';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';
import { uniqueSuffix } from '../fixtures/users.ts';

const SHOTS = process.env.PLANS_SHOTS;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

async function openPlans(page: Page) {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Kế hoạch, chỉ tiêu' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kế hoạch và chỉ tiêu' })).toBeVisible();
}

const card = (page: Page) => page.locator('article[data-indicator="coop_entities_new"]');
const actualOf = async (page: Page) =>
  Number((await card(page).locator('[data-figure="actual"]').innerText()).replace(/\D/g, ''));

test.describe('plans and targets', () => {
  test.describe.configure({ mode: 'serial' });
  const suffix = uniqueSuffix();
  const planNumber = `99/KH-E2E-${suffix}`;

  test('a city admin creates a plan, splits a target to communes, sees it move with the register, drills down and exports', async ({
    page,
  }) => {
    await signIn(page, DEMO.admin);
    await openPlans(page);
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.getByLabel('Số hiệu').fill(planNumber);
    await page.getByLabel('Tên kế hoạch').fill(`Kế hoạch thử nghiệm ${suffix}`);
    await page.getByLabel('Ngày ban hành').fill('2026-01-10');
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Chỉ tiêu của kế hoạch' })).toBeVisible();

    // A city target: new cooperative entities this year.
    await page.getByLabel('Loại chỉ tiêu').selectOption({ label: 'Tổ hợp tác, HTX, liên hiệp HTX thành lập mới' });
    await page.getByLabel('Giá trị', { exact: true }).fill('25');
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const item = page.locator('li[data-target="coop_entities_new"]');
    await expect(item).toContainText('ít nhất 25');

    // Edit its value.
    await item.getByRole('button', { name: 'Sửa', exact: true }).click();
    const edit = item.getByRole('form', { name: 'Sửa giá trị chỉ tiêu' });
    await edit.getByLabel('Giá trị', { exact: true }).fill('20');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await expect(item).toContainText('ít nhất 20');

    // Split it: 12 to Đông Anh, 8 to Bát Tràng; the form says what is shared.
    await item.getByRole('button', { name: 'Giao về xã' }).click();
    const split = item.getByRole('form', { name: 'Giao chỉ tiêu về xã, phường' });
    await split.locator('select[name="share-0-code"]').selectOption({ label: 'Xã Đông Anh' });
    await split.locator('input[name="share-0-value"]').fill('12');
    await split.getByRole('button', { name: 'Thêm xã' }).click();
    await split.locator('select[name="share-1-code"]').selectOption({ label: 'Xã Bát Tràng' });
    await split.locator('input[name="share-1-value"]').fill('8');
    await expect(split.getByRole('status')).toHaveText('Đã phân bổ 20 / 20');
    await split.getByRole('button', { name: 'Lưu phân bổ' }).click();
    await expect(item).toContainText('Giao cho 2 xã');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/plan-targets.png`, fullPage: true });

    // The dashboard reads the register live.
    await page.getByRole('tab', { name: 'Bảng theo dõi' }).click();
    await expect(card(page)).toBeVisible();
    const before = await actualOf(page);
    const res = await page.request.post('/api/entities', {
      data: {
        type: 'cooperative',
        name: `HTX Kế hoạch ${suffix}`,
        code: `9${String(Date.now()).slice(-9)}`,
        registrationDate: today(),
        address: 'Thôn Thử, Xã Đông Anh',
        communeCode: '00454',
        sectors: ['agriculture'],
        specialisations: ['rau an toàn'],
        charterCapital: 1_000_000_000,
        officialMembers: 9,
        legalRepresentative: 'Người Thử Nghiệm',
        phone: '0912 000 000',
      },
    });
    expect(res.status()).toBe(201);
    await page.reload();
    await expect.poll(() => actualOf(page)).toBe(before + 1);
    await expect(card(page).locator('[data-figure="target"]')).toHaveText('20');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/plan-dashboard.png`, fullPage: true });

    // The league table, then the records behind Đông Anh's figure.
    const row = card(page).locator('tr[data-unit="00454"]');
    await expect(row).toContainText('Xã Đông Anh');
    await expect(row).toContainText('12');
    await row.getByRole('button', { name: 'Hồ sơ' }).click();
    await expect(card(page).getByRole('region', { name: 'Hồ sơ được tính' })).toContainText(`HTX Kế hoạch ${suffix}`);

    // Exports: the dashboard and the records behind the figure.
    const [board] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải XLSX' }).first().click(),
    ]);
    expect(board.suggestedFilename()).toMatch(/^ke-hoach-.*\.xlsx$/);
    const [records] = await Promise.all([
      page.waitForEvent('download'),
      card(page).getByRole('region', { name: 'Hồ sơ được tính' }).getByRole('link', { name: 'Tải XLSX' }).click(),
    ]);
    expect(records.suggestedFilename()).toMatch(/^ho-so-chi-tieu-coop_entities_new-.*\.xlsx$/);

    // Drill down to the commune: its figure against its share.
    await row.getByRole('button', { name: 'Xem chi tiết' }).click();
    await expect(page).toHaveURL(/scope=commune%3A00454|scope=commune:00454/);
    await expect(card(page).locator('[data-figure="target"]')).toHaveText('12');
    await expect(card(page).locator('tr[data-unit]')).toHaveCount(0);
  });

  test('a commune officer sees only their communes', async ({ page }) => {
    await signIn(page, DEMO.officer);
    await openPlans(page);
    await page.getByRole('link', { name: `Kế hoạch thử nghiệm ${suffix}` }).click();
    await expect(card(page)).toBeVisible();
    await expect(page.getByLabel('Phạm vi')).toHaveValue('');
    const options = await page.getByLabel('Phạm vi').locator('option').allInnerTexts();
    expect(options).toEqual(['Các xã của tôi', 'Xã Đông Anh', 'Xã Bát Tràng']);
    const units = await card(page)
      .locator('tr[data-unit]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));
    expect(units.sort()).toEqual(['00454', '00577']);
    await expect(card(page).locator('[data-figure="target"]')).toHaveText('20');
    // No editing for officers.
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await expect(page.getByRole('button', { name: 'Giao về xã' })).toHaveCount(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/plan-officer.png`, fullPage: true });
  });

  test('the demo Plan 35/KH-UBND (2021) reads the synthetic register, by former district', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await openPlans(page);
    await page
      .getByRole('link', { name: /Kế hoạch phát triển kinh tế tập thể, hợp tác xã Thành phố Hà Nội năm 2021/ })
      .click();
    await expect(page.locator('article.plan-target')).toHaveCount(4);
    const total = page.locator('article[data-indicator="coop_entities_total"]');
    await expect(total.locator('[data-figure="target"]')).toHaveText('3.200');
    expect(Number((await total.locator('[data-figure="actual"]').innerText()).replace(/\D/g, ''))).toBeGreaterThan(
      1000,
    );
    await expect(total.getByText(/Xếp hạng theo quận, huyện cũ/)).toBeVisible();
    if (SHOTS) {
      const started = Date.now();
      const res = await page.request.get(page.url().replace(/\/plans\/([^/?]+).*/, '/api/plans/$1/dashboard'));
      console.log(`plan 35 dashboard: ${res.status()} in ${Date.now() - started} ms`);
      await page.screenshot({ path: `${SHOTS}/plan-35.png`, fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${SHOTS}/plan-35-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 360, height: 800 });
      await page.screenshot({ path: `${SHOTS}/plan-35-360.png`, fullPage: false });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('link', { name: '← Danh sách kế hoạch' }).click();
      await page.getByRole('link', { name: /Chương trình OCOP/ }).click();
      await expect(page.locator('article.plan-target')).toHaveCount(3);
      await page.screenshot({ path: `${SHOTS}/plan-ocop.png`, fullPage: true });
    }
  });
});
