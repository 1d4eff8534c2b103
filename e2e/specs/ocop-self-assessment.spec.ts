import { uniqueSuffix } from '../fixtures/users.ts';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';
import { COOP_NAME, criterion, criterionCodes, pickBest, SHEET, signedInPage } from '../fixtures/ocop.ts';

test.describe('OCOP self-assessment', () => {
  test('a producer registers a product, scores it live, saves, completes and submits it; the officer sees it', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const name = `Mứt mơ Xuân Canh ${uniqueSuffix()}`;
    await signIn(page, DEMO.coop);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Sản phẩm OCOP' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm OCOP' })).toBeVisible();
    await page.getByRole('link', { name: 'Đăng ký sản phẩm' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký sản phẩm OCOP' })).toBeVisible();

    // The member registers for their own entity only; nothing chosen yet is refused at the fields.
    await expect(page.locator('form')).toContainText(COOP_NAME);
    await expect(page.getByRole('combobox', { name: 'Chủ thể' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Đăng ký sản phẩm' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Vui lòng sửa các trường được đánh dấu.' })).toBeVisible();
    await expect(page.getByLabel('Tên sản phẩm')).toHaveAccessibleDescription(
      /Nhập tên sản phẩm \(ít nhất 2 ký tự\)\./,
    );
    await expect(page.getByLabel('Bộ tiêu chí (phiếu đánh giá)')).toHaveAccessibleDescription(/Chọn bộ tiêu chí\./);

    // Only sheets in force, grouped by product group; the single product set is preselected.
    const sheet = page.getByLabel('Bộ tiêu chí (phiếu đánh giá)');
    await expect(sheet.locator('optgroup[label="Sản phẩm thực phẩm"] option')).toHaveCount(13);
    await expect(sheet.locator('option')).toHaveCount(27);
    await sheet.selectOption({ label: `7. ${SHEET}` });
    await expect(page.getByLabel('Bộ sản phẩm')).toHaveValue(SHEET);
    await page.getByLabel('Tên sản phẩm').fill(name);
    await page.getByLabel('Giá bán lẻ (VND)').fill('45.000');
    await page.getByLabel('Đơn vị tính giá').fill('hộp 500 g');
    await page.getByLabel('Nguồn gốc nguyên liệu').fill('Mơ vùng Hương Sơn và Đông Anh');
    await page.getByRole('button', { name: 'Đăng ký sản phẩm' }).click();

    await expect(page).toHaveURL(/\/ocop\/products\/[0-9a-f-]{36}\?created=true$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Đã đăng ký sản phẩm.' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Hồ sơ sản phẩm' })).toContainText('45.000 VND / hộp 500 g');
    const productUrl = page.url().replace(/\?.*$/, '');

    // Every click rescores in the browser: unanswered criteria count at their lowest level.
    const summary = page.locator('#ocop-summary');
    const total = summary.getByRole('status');
    await expect(summary).toContainText('0/32 tiêu chí đã chấm');
    await expect(total).toContainText('16/100 điểm');
    await expect(total).toContainText('1 sao');
    await pickBest(page, '1.1');
    await expect(total).toContainText('18/100 điểm');
    for (const code of ['4.1', '4.3', '5.1']) await pickBest(page, code);
    await expect(total).toContainText('32/100 điểm');
    await expect(total).toContainText('2 sao');
    await criterion(page, '5.2').getByRole('radio', { name: 'Không áp dụng' }).check();
    await expect(summary).toContainText('5/32 tiêu chí đã chấm');
    await expect(summary.getByRole('definition').nth(1)).toHaveText('15/25 điểm');

    // The next-star plan: the 3-star minimums first, marked mandatory.
    const plan = summary.getByRole('region', { name: 'Kế hoạch lên 3 sao' });
    await expect(plan).toBeVisible();
    await expect(plan.getByRole('listitem').filter({ hasText: '2.2. Đóng gói, bao bì sản phẩm' })).toContainText(
      'Bắt buộc',
    );
    await expect(plan.getByRole('listitem').filter({ hasText: '5.3. Trí tuệ/bản sắc địa phương' })).toContainText(
      'Bắt buộc',
    );

    // Not complete: submitting is blocked, with the reason.
    const submit = page.getByRole('button', { name: 'Nộp hồ sơ tự đánh giá' });
    await expect(submit).toBeDisabled();
    await expect(submit).toHaveAccessibleDescription('Còn 27 tiêu chí chưa chấm: chấm đủ mới nộp được hồ sơ.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bảng tự đánh giá.' })).toBeVisible();

    // The answers are kept.
    await page.goto(productUrl);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(summary).toContainText('5/32 tiêu chí đã chấm');
    await expect(criterion(page, '1.1').getByRole('radio').last()).toBeChecked();
    await expect(criterion(page, '5.2').getByRole('radio', { name: 'Không áp dụng' })).toBeChecked();
    await expect(criterion(page, '1.2').getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(total).toContainText('32/100 điểm');
    await expect(summary.getByRole('region', { name: 'Kế hoạch lên 3 sao' })).toBeVisible();
    await expect(submit).toBeDisabled();

    // Every criterion at its best except the packaging: 97 points is a 5-star total, but missing
    // the packaging minimum keeps the product at 2 stars, and the page says why.
    const codes = await criterionCodes(page);
    expect(codes).toHaveLength(32);
    for (const code of codes) if (code !== '2.2') await pickBest(page, code);
    await criterion(page, '2.2').getByRole('radio').first().check();
    await expect(summary).toContainText('32/32 tiêu chí đã chấm');
    await expect(total).toContainText('97/100 điểm');
    await expect(total).toContainText('2 sao');
    await expect(summary).toContainText('Tổng điểm đủ 5 sao nhưng chưa đạt mức tối thiểu');
    const blockers = summary.getByRole('region', { name: 'Chưa đạt tối thiểu' });
    await expect(blockers).toContainText('Để đạt 3 sao:');
    await expect(blockers.getByRole('link', { name: '2.2. Đóng gói, bao bì sản phẩm' }).first()).toBeVisible();
    await expect(blockers).toContainText('cần 2 điểm, đang 0 điểm');

    await pickBest(page, '2.2');
    await expect(total).toContainText('100/100 điểm');
    await expect(total).toContainText('5 sao');
    await expect(summary).toContainText('Đã đạt hạng cao nhất (5 sao).');
    await expect(submit).toBeEnabled();

    // Submitting asks first; unsaved answers are saved with it.
    await submit.click();
    const dialog = page.getByRole('dialog', { name: 'Nộp hồ sơ tự đánh giá?' });
    await expect(dialog).toContainText('100 điểm, 5 sao');
    await dialog.getByRole('button', { name: 'Huỷ' }).click();
    await expect(dialog).toBeHidden();
    await submit.click();
    await dialog.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã nộp hồ sơ tự đánh giá.' })).toBeVisible();
    await expect(page.locator('header.page-header')).toContainText('Đã nộp');
    await expect(page.getByText(/Đã nộp hồ sơ tự đánh giá lúc .*; không sửa được nữa\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lưu nháp' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sửa hồ sơ' })).toHaveCount(0);
    await expect(criterion(page, '1.1').getByRole('radio').last()).toBeDisabled();

    // After a reload too, and the list shows it submitted with its star.
    await page.reload();
    await expect(page.locator('header.page-header')).toContainText('Đã nộp');
    await expect(page.locator('header.page-header')).toContainText('5 sao');
    await page.getByRole('link', { name: 'Danh sách sản phẩm OCOP' }).click();
    await page.getByRole('searchbox', { name: 'Tìm theo tên sản phẩm' }).fill(name);
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Đã nộp');

    // The commune officer of Đông Anh finds it among the products of the communes they serve.
    const officer = await signedInPage(browser, baseURL, DEMO.officer);
    try {
      await officer.page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Sản phẩm OCOP' })
        .click();
      await officer.page.getByLabel('Trạng thái').selectOption({ label: 'Đã nộp' });
      await officer.page.getByRole('searchbox', { name: 'Tìm theo tên sản phẩm' }).fill(name.toLowerCase());
      const row = officer.page.getByRole('row', { name: new RegExp(name) });
      await expect(row).toContainText(COOP_NAME);
      await expect(row).toContainText('Xã Đông Anh');
      await expect(row).toContainText(SHEET);
      await expect(row).toContainText('5★');
      await row.getByRole('link', { name }).click();
      await expect(officer.page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(officer.page.locator('#ocop-summary').getByRole('status')).toContainText('100/100 điểm');
      await expect(officer.page.getByRole('button', { name: 'Nộp hồ sơ tự đánh giá' })).toHaveCount(0);
    } finally {
      await officer.close();
    }
  });

  test('a buyer has no OCOP products page', async ({ page }) => {
    await signIn(page, DEMO.buyer);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link', { name: 'Bộ tiêu chí OCOP' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Sản phẩm OCOP' })).toHaveCount(0);
    await page.goto('/ocop/products');
    await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
    await expect(page.getByText('Trang này dành cho cán bộ thành phố, cán bộ xã, phường')).toBeVisible();
    await page.goto('/ocop/products/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
    const api = await page.request.get('/api/ocop/products');
    expect(api.status()).toBe(403);
  });
});
