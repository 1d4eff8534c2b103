import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';

const SHOTS = '/tmp/reg-e2e-shots';
const COOP_NAME = 'HTX Cây ăn quả Xuân Canh';
/** The year whose report is due now, as the app computes it: last calendar year in Hanoi. */
const YEAR =
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date())) - 1;

const EXPECTED_HTTP_4XX = /^Failed to load resource: the server responded with a status of 4\d\d/;

/**
 * A second browser context signed in as another user, held to the same rule as the journey's
 * own page: no console errors. `close` fails the journey if there were any.
 */
async function signedInPage(browser: Browser, baseURL: string | undefined, email: string) {
  const context = await browser.newContext({ baseURL, locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !EXPECTED_HTTP_4XX.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await signIn(page, email);
  return {
    page,
    close: async () => {
      await context.close();
      expect(errors, `browser console errors (${email})`).toEqual([]);
    },
  };
}

async function coopId(api: APIRequestContext): Promise<string> {
  const res = await api.get('/api/entities', { params: { q: 'xuan canh', type: 'cooperative' } });
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const coop = items.find((i) => i.name === COOP_NAME);
  expect(coop, `${COOP_NAME} in the demo register`).toBeDefined();
  return coop!.id;
}

async function reportStatus(api: APIRequestContext, id: string, year: number): Promise<string | null> {
  const res = await api.get(`/api/entities/${id}/reports/${year}`);
  if (res.status() === 404) return null;
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { status: string }).status;
}

async function act(api: APIRequestContext, id: string, year: number, action: string, reason?: string) {
  const res = await api.post(`/api/entities/${id}/reports/${year}/actions`, { data: { action, reason } });
  expect(res.status(), await res.text()).toBe(200);
}

/** From the register to one year's report of the demo cooperative, as an official. */
async function openCoopReport(page: Page, year: number) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ đăng ký' }).click();
  await page.getByRole('searchbox', { name: 'Tìm theo tên chủ thể' }).fill('xuan canh');
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === 'xuan canh');
  await page.getByRole('link', { name: COOP_NAME }).click();
  await expect(page.getByRole('heading', { level: 1, name: COOP_NAME })).toBeVisible();
  await page.getByRole('tab', { name: 'Báo cáo năm' }).click();
  await expect(page.getByRole('tab', { name: 'Báo cáo năm' })).toHaveAttribute('aria-selected', 'true');
  const card = page.getByRole('button', { name: `Mở báo cáo năm ${year}` });
  if ((await card.getAttribute('aria-pressed')) !== 'true') await card.click();
  await expect(card).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 3, name: `Báo cáo năm ${year}` })).toBeVisible();
}

function reportHead(page: Page) {
  return page.locator('.report__head');
}

/** Unlocks an approved report through the page, as the city admin. */
async function unlockAsAdmin(page: Page, year: number, reason: string) {
  await openCoopReport(page, year);
  await expect(reportHead(page)).toContainText('Đã phê duyệt');
  await page.getByRole('button', { name: 'Mở khóa', exact: true }).click();
  // The reason is required.
  await page.getByRole('button', { name: 'Xác nhận mở khóa' }).click();
  await expect(page.getByLabel('Lý do mở khóa')).toHaveAccessibleDescription(/Ghi lý do \(ít nhất 3 ký tự\)\./);
  await page.getByLabel('Lý do mở khóa').fill(reason);
  await page.getByRole('button', { name: 'Xác nhận mở khóa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã mở khóa báo cáo.' })).toBeVisible();
  await expect(reportHead(page)).toContainText('Bị trả lại');
  await expect(page.getByRole('note').filter({ hasText: reason })).toBeVisible();
}

/** The figures of a plausible year, after last year's (revenue about 3.6 billion đồng). */
const FIGURES: [string, string][] = [
  ['Tổng doanh thu (VND)', '3.800.000.000'],
  ['Doanh thu từ giao dịch với thành viên (VND)', '3.000.000.000'],
  ['Lợi nhuận trước thuế (VND)', '250.000.000'],
  ['Tổng nguồn vốn (VND)', '7.200.000.000'],
  ['Tài sản không chia (VND)', '2.100.000.000'],
  ['Thu nhập bình quân của thành viên (VND/người/năm)', '51.000.000'],
  ['Thu nhập bình quân của người lao động (VND/người/tháng)', '7.800.000'],
  ['Thành viên chính thức (người)', '1073'],
  ['Thành viên liên kết (người)', '0'],
  ['Hộ thành viên (hộ)', '930'],
  ['Tổng số lao động (người)', '16'],
  ['Lao động là thành viên (người)', '12'],
  ['Hợp đồng liên kết chuỗi giá trị (hợp đồng)', '1'],
  ['Sản phẩm OCOP đang có (sản phẩm)', '2'],
  ['Số tháng hoạt động (tháng)', '12'],
  ['Số tháng tạm ngừng (tháng)', '0'],
];
/** Self-assessed points (TT 01/2020): 25 + 26 + 32 = 83, a "good" cooperative. */
const POINTS: [string, string][] = [
  ['1. Vốn hoạt động', '6'],
  ['2. Tài sản', '5'],
  ['3. Kết quả sản xuất, kinh doanh', '9'],
  ['4. Trích lập quỹ', '5'],
  ['5. Chấp hành pháp luật', '7'],
  ['6. Tranh chấp, khiếu nại', '6'],
  ['7. Trình độ cán bộ quản lý', '5'],
  ['8. Chính sách với thành viên, người lao động', '5'],
  ['9. Công nghệ, thương hiệu, chuỗi giá trị', '3'],
  ['10. Mức độ tham gia của thành viên', '6'],
  ['11. Lợi ích của thành viên', '6'],
  ['12. Sản phẩm, dịch vụ cho thành viên', '6'],
  ['13. Thông tin, đào tạo', '6'],
  ['14. Tác động tích cực tới cộng đồng', '5'],
  ['15. Khen thưởng trong năm', '3'],
];

test.describe('registry: annual report workflow', () => {
  test('the cooperative files its report, the commune officer accepts it and the city approves and locks it', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const admin = await signedInPage(browser, baseURL, DEMO.admin);
    try {
      // The journey files the demo cooperative's only open year. Run again on the same server, it
      // finds that year approved (the city unlocks it below) or stuck half-way (returned here).
      // The admin's browser session serves the API calls: sign-ins are rate-limited per account.
      const id = await coopId(admin.page.request);
      const before = await reportStatus(admin.page.request, id, YEAR);
      if (before === 'submitted' || before === 'accepted')
        await act(admin.page.request, id, YEAR, 'return', 'Chạy lại kiểm thử: trả lại để nộp lại.');
      if (before === 'approved') await unlockAsAdmin(admin.page, YEAR, `Mở lại để kiểm thử lúc ${Date.now()}`);

      // The cooperative: its page leads to the year still to file.
      await signIn(page, DEMO.coop);
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Hợp tác xã của tôi' })
        .click();
      await expect(page).toHaveURL(/\/my-entity/);
      await expect(page.getByRole('heading', { level: 1, name: COOP_NAME })).toBeVisible();
      await expect(page.getByRole('tab', { name: 'Báo cáo năm' })).toHaveAttribute('aria-selected', 'true');
      const cta = page.getByRole('region', {
        name: new RegExp(`^(Chưa nộp báo cáo năm ${YEAR}|Báo cáo năm ${YEAR} (bị trả lại|còn là bản nháp))$`),
      });
      await expect(cta).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/report-my-entity.png` });
      await cta.getByRole('button').click();
      await expect(page.getByRole('heading', { level: 3, name: `Báo cáo năm ${YEAR}` })).toBeInViewport();

      for (const [label, value] of FIGURES) await page.getByLabel(label, { exact: true }).fill(value);
      for (const [label, value] of POINTS) await page.getByLabel(label, { exact: true }).fill(value);
      await expect(page.getByRole('status').filter({ hasText: 'Tổng: 83/100 điểm' })).toContainText('Tốt');

      // Revenue from members above the revenue: refused at the field, nothing saved.
      const fromMembers = page.getByLabel('Doanh thu từ giao dịch với thành viên (VND)', { exact: true });
      await fromMembers.fill('4.500.000.000');
      await page.getByRole('button', { name: 'Lưu nháp' }).click();
      await expect(fromMembers).toHaveAttribute('aria-invalid', 'true');
      await expect(fromMembers).toHaveAccessibleDescription(/Không được lớn hơn tổng doanh thu\./);
      await expect(page.getByRole('alert').filter({ hasText: 'Vui lòng sửa các trường được đánh dấu.' })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/report-field-error.png`, fullPage: true });

      await fromMembers.fill('3.000.000.000');
      await page.getByRole('button', { name: 'Lưu nháp' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã lưu báo cáo.' })).toBeVisible();
      await expect(fromMembers).not.toHaveAttribute('aria-invalid', 'true');
      await expect(reportHead(page)).toContainText(/Bản nháp|Bị trả lại/);

      await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Đã nộp báo cáo.' })).toBeVisible();
      await expect(reportHead(page)).toContainText('Đã nộp');
      await expect(page.getByText('Báo cáo đã nộp, đang chờ xã, phường tiếp nhận; không sửa được nữa.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Lưu nháp' })).toHaveCount(0);
      await expect(page.getByLabel('Tổng doanh thu (VND)', { exact: true })).toHaveAttribute('readonly', '');

      // The commune officer accepts; approving is not theirs.
      const officer = await signedInPage(browser, baseURL, DEMO.officer);
      try {
        await openCoopReport(officer.page, YEAR);
        await expect(reportHead(officer.page)).toContainText('Đã nộp');
        await expect(officer.page.getByLabel('Tổng doanh thu (VND)', { exact: true })).toHaveValue('3.800.000.000');
        await expect(officer.page.getByRole('button', { name: 'Phê duyệt', exact: true })).toHaveCount(0);
        await expect(officer.page.getByRole('button', { name: 'Trả lại', exact: true })).toBeVisible();
        await officer.page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
        await expect(officer.page.getByRole('status').filter({ hasText: 'Đã tiếp nhận báo cáo.' })).toBeVisible();
        await expect(reportHead(officer.page)).toContainText('Đã tiếp nhận');
        await expect(officer.page.getByRole('button', { name: 'Tiếp nhận', exact: true })).toHaveCount(0);
        await officer.page.screenshot({ path: `${SHOTS}/report-accepted.png`, fullPage: true });
      } finally {
        await officer.close();
      }

      // The city approves: the report is locked, with its rating.
      await openCoopReport(admin.page, YEAR);
      await expect(reportHead(admin.page)).toContainText('Đã tiếp nhận');
      await admin.page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
      await expect(admin.page.getByRole('status').filter({ hasText: 'Đã phê duyệt báo cáo.' })).toBeVisible();
      await expect(reportHead(admin.page)).toContainText('Đã phê duyệt');
      await expect(reportHead(admin.page)).toContainText('Ngày phê duyệt');
      await expect(reportHead(admin.page)).toContainText('Tốt');
      await expect(reportHead(admin.page)).toContainText('(83 điểm)');
      await expect(
        admin.page.getByText('Báo cáo đã được phê duyệt và khoá. Chỉ quản trị viên thành phố mở khóa được.'),
      ).toBeVisible();
      await expect(admin.page.getByRole('button', { name: 'Mở khóa', exact: true })).toBeVisible();
      await admin.page.screenshot({ path: `${SHOTS}/report-approved.png`, fullPage: true });
    } finally {
      await admin.close();
    }

    // The cooperative sees it approved and can no longer change it.
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: `Đã nộp báo cáo năm ${YEAR}` })).toContainText(
      'Đã phê duyệt',
    );
    await expect(reportHead(page)).toContainText('Đã phê duyệt');
    await expect(page.getByRole('button', { name: `Mở báo cáo năm ${YEAR}` })).toContainText('Đã phê duyệt');
    await expect(page.getByLabel('Tổng doanh thu (VND)', { exact: true })).toHaveAttribute('readonly', '');
    await expect(page.getByLabel('Tổng doanh thu (VND)', { exact: true })).toHaveValue('3.800.000.000');
    for (const name of ['Lưu nháp', 'Nộp báo cáo', 'Mở khóa'])
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    // Nor through the API: the same figures sent back are refused.
    const id = await coopId(page.request);
    const saved = await page.request.get(`/api/entities/${id}/reports/${YEAR}`);
    const put = await page.request.put(`/api/entities/${id}/reports/${YEAR}`, { data: await saved.json() });
    expect(put.status(), 'an approved report cannot be changed').toBe(409);
  });

  test('the city unlocks an approved report with a reason and the cooperative can correct it', async ({
    page,
    browser,
    baseURL,
  }) => {
    const year = YEAR - 1;
    await signIn(page, DEMO.coop);
    const reason = `Sai số hộ thành viên, cần sửa (${Date.now()})`;
    const admin = await signedInPage(browser, baseURL, DEMO.admin);
    try {
      // The demo cooperative's report for the year before is approved; a run before may have left it unlocked.
      const id = await coopId(admin.page.request);
      const status = await reportStatus(admin.page.request, id, year);
      expect(status).not.toBeNull();
      if (status !== 'approved') {
        if (status === 'draft' || status === 'returned') await act(page.request, id, year, 'submit');
        if (status !== 'accepted') await act(admin.page.request, id, year, 'accept');
        await act(admin.page.request, id, year, 'approve');
      }

      await unlockAsAdmin(admin.page, year, reason);
      await admin.page.screenshot({ path: `${SHOTS}/report-unlocked.png`, fullPage: true });
    } finally {
      await admin.close();
    }

    await page.goto(`/my-entity?year=${year}`);
    const card = page.getByRole('button', { name: `Mở báo cáo năm ${year}` });
    await expect(card).toHaveAttribute('aria-pressed', 'true');
    await expect(card).toContainText('Bị trả lại');
    await expect(page.getByRole('note').filter({ hasText: 'Báo cáo bị trả lại để sửa:' })).toContainText(reason);
    const households = page.getByLabel('Hộ thành viên (hộ)', { exact: true });
    await expect(households).not.toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: 'Lưu nháp' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nộp báo cáo' })).toBeVisible();
  });
});
