import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

const SHEET = 'Chế biến từ rau, củ, quả, hạt';

async function noSideScroll(page: Page) {
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, `page scroll width at ${width}px`).toBeLessThanOrEqual(width + 1);
}

test.describe('OCOP scoring sheets', () => {
  test('a visitor finds a sheet by searching without diacritics and reads it as a scoring guide', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Bộ tiêu chí OCOP' })
      .click();
    await expect(page).toHaveURL(/\/ocop\/rubrics$/);
    await expect(page).toHaveTitle('Bộ tiêu chí OCOP · Hợp tác');
    await expect(page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí OCOP' })).toBeVisible();
    await expect(
      page.getByRole('note').filter({ hasText: 'giữ nguyên hạng sao đến khi giấy chứng nhận hết hạn' }),
    ).toBeVisible();

    // The 26 sheets in force first, grouped by product group; the 6 of earlier decisions after them.
    const current = page.getByRole('region', { name: 'Bộ tiêu chí hiện hành — Quyết định 26/2026/QĐ-TTg' });
    const history = page.getByRole('region', { name: 'Bộ tiêu chí cũ (để tham khảo)' });
    await expect(current.getByRole('link')).toHaveCount(26);
    await expect(history.getByRole('link')).toHaveCount(6);
    await expect(current.getByRole('heading', { level: 3, name: 'Sản phẩm đồ uống' })).toBeVisible();
    await expect(history.getByText('Chỉ có một phần')).toHaveCount(1);

    await page.getByRole('searchbox', { name: 'Tìm theo tên bộ sản phẩm' }).fill('che bien rau');
    await expect(current.getByRole('link')).toHaveCount(1);
    await expect(current.getByRole('link', { name: `7. ${SHEET}` })).toBeVisible();
    await expect(history.getByRole('link', { name: SHEET })).toBeVisible();
    await expect(page).toHaveURL((url) => url.searchParams.get('q') === 'che bien rau');
    await page.getByRole('searchbox', { name: 'Tìm theo tên bộ sản phẩm' }).fill('khong co bo nao');
    await expect(page.getByText('Không có bộ tiêu chí nào khớp với “khong co bo nao”.')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Tìm theo tên bộ sản phẩm' }).fill('che bien rau');

    await current.getByRole('link', { name: `7. ${SHEET}` }).click();
    await expect(page).toHaveURL(/\/ocop\/rubrics\/qd26-2026-che-bien-tu-rau-cu-qua-hat$/);
    await expect(page.getByRole('heading', { level: 1, name: `Bộ sản phẩm: ${SHEET}` })).toBeVisible();
    await expect(page.getByText('Bộ tiêu chí OCOP · Phiếu số 7 · 26/2026/QĐ-TTg')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Thông tin phiếu' })).toContainText('Từ 22/05/2026');
    const bands = page.getByRole('region', { name: 'Hạng sao theo tổng điểm' });
    await expect(bands.getByRole('row')).toHaveCount(6);
    await expect(bands.getByRole('row', { name: /5 sao/ })).toContainText('Từ 90 đến 100 điểm');

    // Parts with their maxima, groups, criteria, levels with points and the star minimums.
    const partA = page.getByRole('region', { name: /^Phần A — Sản phẩm và sức mạnh của cộng đồng/ });
    await expect(partA.getByRole('heading', { level: 2 })).toContainText('40 điểm');
    await expect(partA.getByRole('heading', { level: 3, name: /^1\. Tổ chức sản xuất/ })).toContainText('18 điểm');
    const c11 = page.getByRole('article', { name: '1.1. Nguồn nguyên liệu' });
    await expect(c11).toContainText('tối đa 3 điểm');
    await expect(c11.getByRole('listitem').filter({ hasText: 'dưới 50%' })).toContainText('tối thiểu cho 3★/4★/5★');
    await expect(c11).toContainText('Loại hồ sơ: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu');
    const c15 = page.getByRole('article', { name: '1.5. Liên kết chuỗi trong sản xuất' });
    await expect(c15).toContainText('tối thiểu cho 4★');
    await expect(c15).toContainText('tối thiểu cho 5★');
    await expect(page.getByRole('article', { name: '5.2. Cấu trúc câu chuyện sản phẩm' })).toContainText(
      'Điều kiện áp dụng: Chỉ áp dụng khi có câu chuyện sản phẩm',
    );
    await expect(page.getByRole('article', { name: '6.1. Tạp chất' })).toContainText('Dừng đánh giá:');
    await expect(page.getByRole('note').filter({ hasText: 'Điều kiện loại hồ sơ' })).toContainText('Giả mạo hồ sơ');
    await expect(page.getByRole('heading', { level: 2, name: 'Nguồn văn bản' })).toBeVisible();

    // A sheet of an earlier decision says so; the fragment says it cannot be used.
    await page.goto('/ocop/rubrics/qd148-gao-ngu-coc-hat-so-che-khac');
    await expect(page.getByRole('note').filter({ hasText: 'Bộ tiêu chí cũ, chỉ để tham khảo' })).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: 'Chỉ biết một phần phiếu này' })).toBeVisible();
    await page.goto('/ocop/rubrics/khong-co-phieu-nay');
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
  });

  test('the sheets read on a phone, alternative cases included @phone', async ({ page }) => {
    await page.goto('/ocop/rubrics?q=du%20lich');
    const current = page.getByRole('region', { name: /^Bộ tiêu chí hiện hành/ });
    await expect(current.getByRole('link')).toHaveCount(1);
    await noSideScroll(page);
    await current.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /Dịch vụ du lịch cộng đồng/ })).toBeVisible();
    const c8 = page.getByRole('article', { name: /^8\. / });
    await expect(c8).toContainText('Chọn một trường hợp: Lựa chọn một trong hai trường hợp sau:');
    await expect(c8).toContainText('Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp');
    await expect(c8).toContainText('Trường hợp 2: Điểm dịch vụ du lịch');
    await noSideScroll(page);
  });
});
