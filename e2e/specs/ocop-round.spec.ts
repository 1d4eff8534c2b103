import type { Page, Response } from '@playwright/test';
import { uniqueSuffix } from '../fixtures/users.ts';
import { DEMO, expect, signIn, test } from '../fixtures/test.ts';
import {
  answerAll,
  COOP_NAME,
  criterionCodes,
  floorAnswers,
  loadSheet,
  noSideScroll,
  ownPage,
  pickBest,
  raiseTo,
  SHEET,
  signedInPage,
  type Answers,
} from '../fixtures/ocop.ts';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

/** Performs an action and waits for the API's answer to it, which must be a success. */
async function expectOk(page: Page, path: RegExp, method: string, action: () => Promise<unknown>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === method),
    action(),
  ]);
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response;
}

const AGGREGATE = 'Kết quả tổng hợp của hội đồng';
const BLIND = 'Bạn sẽ thấy điểm của các thành viên khác sau khi nộp phiếu.';

/** A council member opens the dossier from their list and scores it, without seeing anyone else's score. */
async function scoreBlind(page: Page, product: string, answers: Answers, total: number, remark?: string) {
  await nav(page).getByRole('link', { name: 'Chấm điểm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chấm điểm' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(product) });
  await expect(row).toContainText('Chưa chấm');
  await row.getByRole('link', { name: 'Chấm điểm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: product })).toBeVisible();

  // Blind: a plain note where the aggregate will be, and the producer's own score for reference.
  await expect(page.getByRole('note').filter({ hasText: BLIND })).toBeVisible();
  await expect(page.getByRole('region', { name: AGGREGATE })).toHaveCount(0);
  await expect(page.getByText('Để tham khảo: chủ thể tự đánh giá 100 điểm, 5 sao.')).toBeVisible();

  const summary = page.locator('#ocop-summary');
  const submit = page.getByRole('button', { name: 'Nộp phiếu chấm' });
  await expect(submit).toBeDisabled();
  await answerAll(page, answers);
  await expect(summary.getByRole('status')).toContainText(`${total}/100 điểm`);
  await expect(summary.getByRole('status')).toContainText('4 sao');
  if (remark) {
    await page.getByRole('button', { name: 'Thêm nhận xét cho tiêu chí 1.1' }).click();
    await page.getByLabel('Nhận xét tiêu chí 1.1 (không bắt buộc)').fill(remark);
    await expectOk(page, /\/sheets\/mine$/, 'PUT', () => page.getByRole('button', { name: 'Lưu nháp' }).click());
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu nháp phiếu chấm.' })).toBeVisible();
  }
  await submit.click();
  const dialog = page.getByRole('dialog', { name: 'Nộp phiếu chấm?' });
  await expect(dialog).toContainText(`${total} điểm, 4 sao`);
  await expectOk(page, /\/sheets\/mine\/submit$/, 'POST', () =>
    dialog.getByRole('button', { name: 'Nộp phiếu' }).click(),
  );
  await expect(page.getByRole('status').filter({ hasText: 'Đã nộp phiếu chấm.' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: BLIND })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lưu nháp' })).toHaveCount(0);
  return page.getByRole('region', { name: AGGREGATE });
}

test.describe('OCOP evaluation round', () => {
  test('submitted, forwarded, scored blind by the council, confirmed, decided: the certificate verifies and the producer reads the feedback', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const name = `Mứt sen Xuân Canh ${uniqueSuffix()}`;

    // 1. The producer registers the product, scores it (every criterion at its best) and submits it.
    await signIn(page, DEMO.coop);
    await nav(page).getByRole('link', { name: 'Sản phẩm OCOP' }).click();
    await page.getByRole('link', { name: 'Đăng ký sản phẩm' }).click();
    await page.getByLabel('Bộ tiêu chí (phiếu đánh giá)').selectOption({ label: `7. ${SHEET}` });
    await page.getByLabel('Tên sản phẩm').fill(name);
    await page.getByLabel('Nguồn gốc nguyên liệu').fill('Sen Tây Hồ, liên kết với hộ trồng sen Xuân Canh');
    await page.getByRole('button', { name: 'Đăng ký sản phẩm' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const productUrl = page.url().replace(/\?.*$/, '');
    for (const code of await criterionCodes(page)) await pickBest(page, code);
    await expect(page.locator('#ocop-summary').getByRole('status')).toContainText('100/100 điểm');
    await page.getByRole('button', { name: 'Nộp hồ sơ tự đánh giá' }).click();
    await expectOk(page, /\/api\/ocop\/products\/[^/]+\/submit$/, 'POST', () =>
      page.getByRole('dialog').getByRole('button', { name: 'Nộp hồ sơ' }).click(),
    );
    const dossierCard = page.getByRole('region', { name: 'Hồ sơ đánh giá OCOP' });
    await expect(dossierCard).toContainText('Xã đang kiểm tra');
    await expect(dossierCard).toContainText('Cán bộ xã, phường đang kiểm tra hồ sơ.');

    // 2. The commune officer finds it in the open round and forwards it; returning it needs a comment.
    let dossierPath = '';
    const officer = await signedInPage(browser, baseURL, DEMO.officer);
    try {
      const o = officer.page;
      await nav(o).getByRole('link', { name: 'Đợt đánh giá' }).click();
      await expect(o.getByRole('heading', { level: 1, name: 'Đợt đánh giá, phân hạng OCOP' })).toBeVisible();
      const open = o.getByRole('row').filter({ hasText: 'Đang nhận hồ sơ' });
      await open.getByRole('link').first().click();
      await expect(o.getByRole('heading', { level: 1, name: /Kỳ đánh giá, phân hạng sản phẩm OCOP/ })).toBeVisible();
      await expect(o.getByRole('tab')).toHaveCount(0);
      await o.getByRole('searchbox', { name: 'Tìm theo tên sản phẩm' }).fill(name);
      await expect(o).toHaveURL(/[?&]q=/);
      const row = o.getByRole('row', { name: new RegExp(name) });
      await expect(row).toContainText('Xã đang kiểm tra');
      await expect(row).toContainText('5★ · 100 điểm');
      await expect(row).toContainText('Xã Đông Anh');
      await row.getByRole('link', { name }).click();
      await expect(o.getByRole('heading', { level: 1, name })).toBeVisible();
      dossierPath = new URL(o.url()).pathname;

      const review = o.getByRole('region', { name: 'Kiểm tra hồ sơ' });
      const comment = review.getByLabel('Nhận xét của cán bộ xã, phường');
      await review.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
      await expect(comment).toHaveAccessibleDescription(/Nhập nhận xét \(ít nhất 3 ký tự\)/);
      await comment.fill('Hồ sơ đầy đủ, đề nghị hội đồng đánh giá.');
      await expectOk(o, /\/forward$/, 'POST', () => review.getByRole('button', { name: 'Chuyển hội đồng' }).click());
      await expect(o.getByRole('status').filter({ hasText: 'Đã chuyển hồ sơ cho hội đồng đánh giá.' })).toBeVisible();
      await expect(o.locator('header.page-header')).toContainText('Hội đồng đang chấm');
      await expect(review).toHaveCount(0);
      await expect(o.getByRole('region', { name: AGGREGATE })).toHaveCount(0);
    } finally {
      await officer.close();
    }

    // 3. The council scores blind: 74 (member), 80 (secretary), 86 (chair) — all above the 4★ minimums.
    const sheet = await loadSheet(page.request);
    const floor = floorAnswers(sheet, 4);
    const member = await signedInPage(browser, baseURL, DEMO.council3);
    const secretary = await signedInPage(browser, baseURL, DEMO.council2);
    const chair = await signedInPage(browser, baseURL, DEMO.council1);
    try {
      const afterMember = await scoreBlind(member.page, name, raiseTo(sheet, floor, 74), 74);
      await expect(afterMember).toContainText('Đã nộp 1/3 phiếu chấm');
      await expect(afterMember).toContainText('Còn chờ:');
      await expect(afterMember).toContainText('Tạm tính');

      const afterSecretary = await scoreBlind(secretary.page, name, raiseTo(sheet, floor, 80), 80);
      await expect(afterSecretary).toContainText('Đã nộp 2/3 phiếu chấm');
      await expect(afterSecretary).toContainText('77 điểm');
      await expect(afterSecretary.getByRole('row', { name: /Đỗ Thu Trang/ })).toContainText('74');
      await expect(afterSecretary).toContainText('Chờ đủ phiếu chấm (2/3) mới xác nhận được kết quả.');

      const remark = 'Nguyên liệu sen có hợp đồng liên kết rõ ràng với hộ trồng';
      const afterChair = await scoreBlind(chair.page, name, raiseTo(sheet, floor, 86), 86, remark);
      await expect(afterChair).toContainText('Đã nộp 3/3 phiếu chấm');
      await expect(afterChair).toContainText('Đủ phiếu');
      // The chair may confirm too; the secretary does it here.

      // 4. The secretary, with every sheet in, confirms with the minutes.
      const s = secretary.page;
      await expectOk(s, /\/aggregate$/, 'GET', () => s.reload());
      const aggregate = s.getByRole('region', { name: AGGREGATE });
      await expect(aggregate).toContainText('Đã nộp 3/3 phiếu chấm');
      await expect(aggregate.getByRole('status')).toContainText('80 điểm');
      await expect(aggregate.getByRole('status')).toContainText('4 sao');
      await expect(aggregate).toContainText('Chênh lệch lớn:');
      await expect(aggregate).toContainText('chênh nhau 12 điểm, vượt ngưỡng 10 điểm');
      await expect(aggregate.getByRole('table', { name: 'Điểm của các thành viên theo tiêu chí' })).toBeVisible();
      const minutes = aggregate.getByLabel('Biên bản họp hội đồng');
      await minutes.fill(
        'Biên bản họp hội đồng: thảo luận chênh lệch giữa các phiếu, thống nhất kết quả 80 điểm, 4 sao.',
      );
      await aggregate.getByRole('button', { name: 'Xác nhận kết quả' }).click();
      const dialog = s.getByRole('dialog', { name: 'Xác nhận kết quả của hội đồng?' });
      await expect(dialog).toContainText('80 điểm, 4 sao');
      await expectOk(s, /\/confirm$/, 'POST', () => dialog.getByRole('button', { name: 'Xác nhận' }).click());
      const result = s.getByRole('region', { name: 'Kết quả của hội đồng' });
      await expect(result).toContainText('80 điểm');
      await expect(result).toContainText('4 sao');
      await expect(result).toContainText('thống nhất kết quả 80 điểm');
      await expect(s.locator('header.page-header')).toContainText('Đã có kết quả');
      await expect(s.locator('header.page-header')).toContainText('Chờ quyết định công nhận');
    } finally {
      await member.close();
      await secretary.close();
      await chair.close();
    }

    // 5. The city records the provincial decision: the certificate is issued, its PDF downloads.
    let number = '';
    const admin = await signedInPage(browser, baseURL, DEMO.admin);
    try {
      const a = admin.page;
      await a.goto(dossierPath);
      await expect(a.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(a.getByRole('region', { name: 'Kết quả của hội đồng' })).toContainText('Biên bản họp hội đồng');
      const decision = a.getByRole('region', { name: 'Quyết định công nhận' });
      await decision.getByLabel('Số quyết định').fill('1234/QĐ-UBND');
      await expectOk(a, /\/decision$/, 'POST', () =>
        decision.getByRole('button', { name: 'Ghi quyết định và cấp giấy chứng nhận' }).click(),
      );
      await expect(a).toHaveURL(/\/ocop\/certificates\/OCOP-HN-\d{4}-\d{6}\?issued=true$/);
      number = decodeURIComponent(new URL(a.url()).pathname.split('/').pop()!);
      await expect(a.getByRole('status').filter({ hasText: `cấp giấy chứng nhận ${number}` })).toBeVisible();
      await expect(a.locator('header.page-header')).toContainText('Còn hiệu lực');
      await expect(a.locator('header.page-header')).toContainText('4 sao');

      const pdfLink = a.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' });
      const href = await pdfLink.getAttribute('href');
      expect(href).toBe(`/api/ocop/certificates/${number}/pdf`);
      const pdf = await a.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      await nav(a).getByRole('link', { name: 'Giấy chứng nhận' }).click();
      await expect(a.getByRole('heading', { level: 1, name: 'Giấy chứng nhận OCOP' })).toBeVisible();
      await expect(a.getByRole('row', { name: new RegExp(number) })).toContainText('Còn hiệu lực');
    } finally {
      await admin.close();
    }

    // 6. Anyone scanning the QR code on a phone, signed out, sees it valid.
    const visitor = await ownPage(browser, baseURL, { viewport: { width: 360, height: 740 } });
    try {
      const v = visitor.page;
      await v.goto(`/verify/${number}`);
      await expect(v.getByRole('heading', { level: 1, name: 'Còn hiệu lực' })).toBeVisible();
      const card = v.getByRole('article');
      await expect(card).toContainText(name);
      await expect(card).toContainText('Sản phẩm OCOP 4 sao');
      await expect(card).toContainText(COOP_NAME);
      await expect(card).toContainText('Xã Đông Anh');
      await expect(card).toContainText('1234/QĐ-UBND');
      await expect(card).toContainText(number);
      await noSideScroll(v);
    } finally {
      await visitor.close();
    }

    // 7. The producer reads the outcome: the officer's comment, the council's points per criterion,
    //    the remark without the member's name, and what would lift the product to 5 stars.
    await page.goto(productUrl);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(dossierCard).toContainText('Đã cấp giấy chứng nhận');
    await expect(dossierCard.getByRole('link', { name: number })).toBeVisible();
    await expect(dossierCard).toContainText('Hồ sơ đầy đủ, đề nghị hội đồng đánh giá.');
    await expect(dossierCard.getByRole('status')).toContainText('80 điểm');
    await expect(dossierCard.getByRole('status')).toContainText('4 sao');
    const criteria = dossierCard.getByRole('table', {
      name: 'Điểm đồng thuận của hội đồng so với điểm tối đa của từng tiêu chí',
    });
    await expect(criteria.getByRole('row', { name: /^1\.1\. / })).toContainText('/3 điểm');
    const remarks = dossierCard.getByRole('region', { name: 'Nhận xét của thành viên hội đồng' });
    await expect(remarks).toContainText('Nguyên liệu sen có hợp đồng liên kết rõ ràng với hộ trồng');
    await expect(dossierCard).not.toContainText('Lê Thị Lan');
    const plan = dossierCard.getByRole('region', { name: 'Kế hoạch lên 5 sao' });
    await expect(plan).toBeVisible();
    await expect(plan.getByRole('listitem').first()).toBeVisible();
    await expect(dossierCard).not.toContainText('Biên bản họp hội đồng');

    // 8. A post-audit finds a fault: the city revokes the certificate, and its public page says so.
    const auditor = await signedInPage(browser, baseURL, DEMO.admin);
    try {
      const a = auditor.page;
      await a.goto(`/ocop/certificates/${number}`);
      await a.getByRole('button', { name: 'Thu hồi…' }).click();
      await a.getByLabel('Lý do thu hồi').fill('Hậu kiểm: không duy trì điều kiện an toàn thực phẩm');
      await a.getByRole('button', { name: 'Thu hồi giấy chứng nhận' }).click();
      const dialog = a.getByRole('dialog', { name: `Thu hồi giấy chứng nhận ${number}?` });
      await expectOk(a, /\/revoke$/, 'POST', () =>
        dialog.getByRole('button', { name: 'Thu hồi giấy chứng nhận' }).click(),
      );
      await expect(a.getByRole('status').filter({ hasText: 'Đã thu hồi giấy chứng nhận.' })).toBeVisible();
      await expect(a.locator('header.page-header')).toContainText('Đã thu hồi');
      await expect(a.getByRole('note').filter({ hasText: 'Giấy chứng nhận đã bị thu hồi' })).toContainText(
        'không duy trì điều kiện an toàn thực phẩm',
      );
      await a.goto(`/verify/${number}`);
      await expect(a.getByRole('heading', { level: 1, name: 'Đã thu hồi' })).toBeVisible();
    } finally {
      await auditor.close();
    }
  });
});
