import type { Page } from '@playwright/test';
import { uniqueSuffix } from '../fixtures/users.ts';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';
import { COOP_NAME } from '../fixtures/ocop.ts';

/** A calendar day in Hanoi `days` from now, as the date inputs take it (YYYY-MM-DD). */
function hanoiDay(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
}

async function expectAnswer(page: Page, path: RegExp, method: string, action: () => Promise<unknown>) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === method),
    action(),
  ]);
  return response.status();
}

test.describe('OCOP rounds: the city sets them up', () => {
  test('a city admin creates a round, seats its council, records a conflict of interest and is told why it cannot open yet', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const name = `Đợt đánh giá bổ sung ${uniqueSuffix()}`;
    await signIn(page, DEMO.admin);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Đợt đánh giá' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Đợt đánh giá, phân hạng OCOP' })).toBeVisible();

    // A new round: a deadline in the past is refused by the server, next month is fine.
    await page.getByRole('button', { name: 'Tạo đợt đánh giá' }).click();
    const form = page.getByRole('form', { name: 'Tạo đợt đánh giá mới' });
    await expect(form.getByLabel('Tên đợt đánh giá')).toHaveValue(/^Kỳ đánh giá, phân hạng sản phẩm OCOP/);
    await form.getByLabel('Tên đợt đánh giá').fill(name);
    await expect(form.getByLabel('Quy trình')).toHaveValue('qd26-2026');
    await form.getByRole('button', { name: 'Tạo đợt đánh giá' }).click();
    await expect(form.getByLabel('Hạn nộp hồ sơ')).toHaveAccessibleDescription(/Chọn hạn nộp hồ sơ\./);
    await form.getByLabel('Hạn nộp hồ sơ').fill(hanoiDay(30));
    const created = await expectAnswer(page, /^\/api\/ocop\/rounds$/, 'POST', () =>
      form.getByRole('button', { name: 'Tạo đợt đánh giá' }).click(),
    );
    expect(created).toBe(201);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Đã tạo đợt đánh giá.' })).toBeVisible();
    await expect(page.locator('header.page-header')).toContainText('Chuẩn bị');
    await expect(page.getByRole('note').filter({ hasText: 'Đợt đánh giá đang chuẩn bị' })).toBeVisible();

    // The council: two chairs and no secretary are refused, one of each is saved.
    await page.getByRole('tab', { name: 'Hội đồng' }).click();
    const council = page.getByRole('region', { name: 'Hội đồng đánh giá, phân hạng' });
    await expect(council).toContainText('Chưa lập hội đồng.');
    await council.getByRole('button', { name: 'Lập hội đồng' }).click();
    for (let i = 0; i < 3; i++) await council.getByRole('button', { name: 'Thêm thành viên' }).click();
    const roles = council.getByLabel('Vai trò');
    await expect(roles).toHaveCount(3);
    await roles.nth(0).selectOption({ label: 'Chủ tịch hội đồng' });
    await roles.nth(1).selectOption({ label: 'Chủ tịch hội đồng' });
    await council.getByRole('button', { name: 'Lưu hội đồng' }).click();
    const refusal = council.getByRole('alert');
    await expect(refusal).toContainText('Hội đồng cần đúng một chủ tịch.');
    await expect(refusal).toContainText('Hội đồng cần đúng một thư ký.');
    await roles.nth(1).selectOption({ label: 'Thư ký' });
    await council.getByRole('button', { name: 'Lưu hội đồng' }).click();
    await expect(council.getByRole('status').filter({ hasText: 'Đã lưu hội đồng.' })).toBeVisible();
    await expect(council.getByRole('row')).toHaveCount(4);
    await expect(council.getByRole('row', { name: /Chủ tịch hội đồng/ })).toHaveCount(1);
    await expect(council).toContainText('Ngưỡng chênh lệch: 10 điểm.');

    // A conflict of interest: the member, the entity (searched without diacritics), the reason.
    const conflicts = page.getByRole('region', { name: 'Xung đột lợi ích' });
    await conflicts.getByRole('button', { name: 'Ghi nhận xung đột' }).click();
    const member = conflicts.getByLabel('Thành viên');
    const trang = await member.locator('option', { hasText: 'Đỗ Thu Trang' }).getAttribute('value');
    await member.selectOption(trang!);
    await conflicts.getByRole('combobox', { name: 'Chủ thể liên quan' }).fill('cay an qua xuan canh');
    await conflicts.getByRole('option', { name: new RegExp(COOP_NAME) }).click();
    await conflicts.getByLabel('Lý do').fill('Là thành viên hợp tác xã');
    await conflicts.getByRole('button', { name: 'Lưu khai báo' }).click();
    await expect(conflicts.getByRole('status').filter({ hasText: 'Đã ghi nhận xung đột lợi ích.' })).toBeVisible();
    await expect(conflicts.getByRole('listitem')).toContainText(`Đỗ Thu Trang (Hội đồng OCOP) — ${COOP_NAME}`);
    await expect(conflicts.getByRole('listitem')).toContainText('Là thành viên hợp tác xã · thành phố ghi nhận lúc');
    await conflicts.getByRole('button', { name: /^Xoá xung đột của Đỗ Thu Trang/ }).click();
    await expect(conflicts).toContainText('Chưa có khai báo xung đột lợi ích.');

    // The deadline moves while the round is not closed.
    const later = hanoiDay(45);
    await page.getByRole('button', { name: 'Sửa tên, hạn nộp' }).click();
    const edit = page.getByRole('form', { name: 'Sửa đợt đánh giá' });
    await edit.getByLabel('Hạn nộp hồ sơ').fill(later);
    const patched = await expectAnswer(page, /^\/api\/ocop\/rounds\/[^/]+$/, 'PATCH', () =>
      edit.getByRole('button', { name: 'Lưu thay đổi' }).click(),
    );
    expect(patched).toBe(200);
    await expect(page.locator('header.page-header')).toContainText(
      `Hạn nộp hồ sơ: ${later.split('-').reverse().join('/')}`,
    );

    // The demo round of the same process is open: this one cannot open until it closes.
    await page.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mở đợt đánh giá?' });
    await dialog.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Đang có một đợt đánh giá khác theo cùng quy trình' }),
    ).toBeVisible();
    await expect(page.locator('header.page-header')).toContainText('Chuẩn bị');
  });
});
