import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listCriteria, type RubricSheet } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, insertTestEntity, type TestApp } from '../../testing/index.ts';
import {
  caller,
  COUNCIL,
  createCouncilUsers,
  dossierOf,
  floorAnswers,
  linkEntity,
  raiseTo,
  SHEET,
  submitProduct,
  TEST_PASSWORD,
  userIds,
} from './rounds.fixtures.ts';

// A whole evaluation round on the seeded demo round (council1 chair, council2 secretary, council3 member).
describe('ocop: a full evaluation round', () => {
  let t: TestApp;
  let clock = new Date('2026-11-24T03:00:00Z');
  let call: ReturnType<typeof caller>;
  let sheet: RubricSheet;
  const c: Record<string, string> = {};
  let entityId: string;
  let roundId: string;
  before(async () => {
    t = await createTestApp({ now: () => clock });
    call = caller(t);
    entityId = await insertTestEntity(t.database.db, 'HTX Nông sản Xuân Canh', '00454');
    await linkEntity(t.database.db, DEMO.coop, entityId);
    for (const [k, email] of Object.entries({ admin: DEMO.admin, officer: DEMO.officer, coop: DEMO.coop, ...COUNCIL }))
      c[k] = await t.login(email);
    sheet = (await call('GET', `/api/ocop/rubrics/${SHEET}`)).json();
    roundId = (await call('GET', '/api/ocop/rounds?status=open', c.admin)).json().items[0].id;
  });
  after(() => t.close());

  const f4 = () => floorAnswers(sheet, 4);
  const codes = () => listCriteria(sheet).map((x) => x.criterion.code);

  test('submit → forward → blind scoring → aggregate → confirm → decision → certificate → verify, expire, revoke', async () => {
    const submitted = await submitProduct(t, c.coop!, entityId, 'Mứt sen Xuân Canh', raiseTo(sheet, f4(), 75));
    assert.equal(submitted.status, 200, submitted.body);
    const id = await dossierOf(t, c.admin!, 'Mứt sen Xuân Canh');
    const received = (await call('GET', `/api/ocop/dossiers/${id}`, c.officer)).json();
    assert.deepEqual(
      [received.status, received.round.id, received.rubricVersion, received.selfTotal],
      ['received', roundId, 1, 75],
    );
    // Before forwarding the council does not see it.
    assert.equal((await call('GET', `/api/ocop/dossiers/${id}`, c.member)).statusCode, 403);
    assert.equal((await call('POST', `/api/ocop/dossiers/${id}/forward`, c.officer, {})).statusCode, 200);

    // Member 1 (council3) scores in two steps: a partial draft, then the rest, then submits.
    const m1 = raiseTo(sheet, f4(), 72);
    const half = Object.fromEntries(Object.entries(m1).slice(0, 6));
    const draft = await call('PUT', `/api/ocop/dossiers/${id}/sheets/mine`, c.member, { answers: half });
    assert.equal(draft.statusCode, 200, draft.body);
    assert.equal(draft.json().status, 'draft');
    assert.equal(draft.json().missing.length, codes().length - 6);
    assert.equal(draft.json().result, null);
    const full = await call('PUT', `/api/ocop/dossiers/${id}/sheets/mine`, c.member, { answers: m1 });
    assert.deepEqual([full.json().running.total, full.json().result.total, full.json().missing], [72, 72, []]);
    assert.equal((await call('POST', `/api/ocop/dossiers/${id}/sheets/mine/submit`, c.member)).statusCode, 200);

    // Member 2 (the secretary) cannot see member 1's sheet nor the aggregate before submitting.
    for (const path of ['sheets', 'aggregate']) {
      const hidden = await call('GET', `/api/ocop/dossiers/${id}/${path}`, c.secretary);
      assert.equal(hidden.statusCode, 403, path);
      assert.equal(hidden.json().error.code, 'SCORES_HIDDEN');
    }
    const own = (await call('GET', `/api/ocop/dossiers/${id}/sheets/mine`, c.secretary)).json();
    assert.deepEqual([own.status, own.answers], ['new', {}]);
    await call('PUT', `/api/ocop/dossiers/${id}/sheets/mine`, c.secretary, { answers: raiseTo(sheet, f4(), 75) });
    assert.equal((await call('POST', `/api/ocop/dossiers/${id}/sheets/mine/submit`, c.secretary)).statusCode, 200);
    const seen = (await call('GET', `/api/ocop/dossiers/${id}/sheets`, c.secretary)).json();
    assert.deepEqual(seen.map((s: { total: number }) => s.total).sort(), [72, 75]);
    assert.ok(seen.some((s: { member: { displayName: string } }) => s.member.displayName.startsWith('Đỗ Thu Trang')));
    // A submitted sheet is final.
    const again = await call('PUT', `/api/ocop/dossiers/${id}/sheets/mine`, c.secretary, { answers: {} });
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'SHEET_SUBMITTED']);

    // The chair scores high, with remarks the producer will read without names.
    const firstCode = codes()[0]!;
    await call('PUT', `/api/ocop/dossiers/${id}/sheets/mine`, c.chair, {
      answers: raiseTo(sheet, f4(), 86),
      comments: { [firstCode]: 'Nguyên liệu sen Tây Hồ có hợp đồng liên kết rõ ràng' },
    });
    await call('POST', `/api/ocop/dossiers/${id}/sheets/mine/submit`, c.chair);

    const agg = (await call('GET', `/api/ocop/dossiers/${id}/aggregate`, c.secretary)).json();
    assert.deepEqual([agg.expected, agg.submitted, agg.complete, agg.pending], [3, 3, true, []]);
    assert.deepEqual(
      [agg.result.total, agg.result.totalsSpread, agg.result.disagreement, agg.result.star],
      [77.67, 14, true, 4],
    );
    assert.equal(agg.result.disagreementThreshold, 10);
    assert.equal(agg.result.criteria.length, codes().length);
    assert.ok(agg.result.criteria.some((x: { spread: number }) => x.spread > 0));
    assert.equal((await call('GET', `/api/ocop/dossiers/${id}/aggregate`, c.admin)).statusCode, 200);

    const confirmed = await call('POST', `/api/ocop/dossiers/${id}/confirm`, c.secretary, {
      minutes: 'Biên bản họp hội đồng: thống nhất kết quả 77,67 điểm.',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.deepEqual(
      [confirmed.json().status, confirmed.json().outcome, confirmed.json().finalStar, confirmed.json().finalTotal],
      ['confirmed', 'awaiting_decision', 4, 77.67],
    );

    // The producer's feedback: consensus per criterion, anonymous remarks, the plan for 5★.
    const fb = (await call('GET', `/api/ocop/dossiers/${id}/feedback`, c.coop)).json();
    assert.deepEqual([fb.result.total, fb.result.star, fb.result.nextStar.targetStar], [77.67, 4, 5]);
    assert.ok(
      fb.result.criteria.every((x: { consensusPoints: number; maxPoints: number }) => x.consensusPoints <= x.maxPoints),
    );
    assert.deepEqual(fb.result.memberComments, [
      { criterion: firstCode, comment: 'Nguyên liệu sen Tây Hồ có hợp đồng liên kết rõ ràng' },
    ]);
    assert.ok(!JSON.stringify(fb).includes('Lê Thị Lan'), 'no member names');
    assert.equal((await call('GET', `/api/ocop/dossiers/${id}`, c.coop)).json().result.minutes, null);

    // The city records the provincial decision: a certificate valid 36 months.
    const issued = await call('POST', `/api/ocop/dossiers/${id}/decision`, c.admin, {
      number: '4321/QĐ-UBND',
      date: '2026-11-24',
    });
    assert.equal(issued.statusCode, 201, issued.body);
    const cert = issued.json();
    assert.deepEqual(
      [cert.number, cert.star, cert.status, cert.issuedOn, cert.validUntil, cert.decision.issuer],
      ['OCOP-HN-2026-000001', 4, 'valid', '2026-11-24', '2029-11-24', 'province'],
    );
    const certified = (await call('GET', `/api/ocop/dossiers/${id}`, c.admin)).json();
    assert.equal(certified.status, 'certified');

    const pdf = await call('GET', `/api/ocop/certificates/${cert.number}/pdf`, c.coop);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    // Without a GTIN the certificate's QR code is the product's short verification link.
    const product = (await call('GET', `/api/ocop/products/${certified.product.id}`, c.coop)).json();
    const shortCode = /\/api\/public\/qr\/([0-9A-Z]+)\.svg$/.exec(product.qr?.svgPath ?? '')?.[1];
    assert.ok(shortCode, `the certified product has a short code: ${JSON.stringify(product.qr)}`);
    assert.ok(pdf.rawPayload.toString('latin1').includes(`/v/${shortCode}`), 'the verification link');

    const verify = async () => call('GET', `/api/ocop/certificates/${cert.number}/verify`);
    const v = await verify();
    assert.equal(v.statusCode, 200);
    assert.deepEqual(Object.keys(v.json()).sort(), [
      'communeName',
      'decisionDate',
      'decisionNumber',
      'entityName',
      'issuedOn',
      'issuerName',
      'number',
      'productName',
      'star',
      'status',
      'validUntil',
    ]);
    assert.deepEqual(
      [v.json().status, v.json().productName, v.json().communeName],
      ['valid', 'Mứt sen Xuân Canh', 'Xã Đông Anh'],
    );

    clock = new Date('2029-11-25T03:00:00Z');
    assert.equal((await verify()).json().status, 'expired');
    clock = new Date('2029-11-24T03:00:00Z');
    assert.equal((await verify()).json().status, 'valid', 'valid through its last day');
    clock = new Date('2026-11-24T05:00:00Z');

    const revoked = await call('POST', `/api/ocop/certificates/${cert.number}/revoke`, c.admin, {
      reason: 'Hậu kiểm: không duy trì điều kiện an toàn thực phẩm',
    });
    assert.equal(revoked.json().status, 'revoked');
    assert.equal((await verify()).json().status, 'revoked');
    assert.equal((await call('GET', `/api/ocop/dossiers/${id}`, c.coop)).json().certificate.status, 'revoked');
    const revokedPdf = await call('GET', `/api/ocop/certificates/${cert.number}/pdf`, c.admin);
    assert.equal(revokedPdf.statusCode, 200);

    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where action like 'ocop.%' and (entity_id = ${id} or entity_id = ${cert.number}) order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      [
        'ocop.dossier.forward',
        'ocop.score_sheet.save',
        'ocop.score_sheet.save',
        'ocop.score_sheet.submit',
        'ocop.score_sheet.save',
        'ocop.score_sheet.submit',
        'ocop.score_sheet.save',
        'ocop.score_sheet.submit',
        'ocop.dossier.confirm',
        'ocop.certificate.issue',
        'ocop.certificate.revoke',
      ],
    );
  });

  test('nine members submitting their sheets for one dossier at once: all nine stored and counted', async () => {
    const extra = await createCouncilUsers(t, c.admin!, 'ttv', 6);
    const ids = await userIds(t.database.db, Object.values(COUNCIL));
    const council = await call('PUT', `/api/ocop/rounds/${roundId}/council`, c.admin, {
      members: [
        { userId: ids[COUNCIL.chair], role: 'chair' },
        { userId: ids[COUNCIL.secretary], role: 'secretary' },
        { userId: ids[COUNCIL.member], role: 'member' },
        ...extra.map((u) => ({ userId: u.id, role: 'member' })),
      ],
    });
    assert.equal(council.statusCode, 200, council.body);
    const cookies = [c.chair!, c.secretary!, c.member!];
    for (const u of extra) cookies.push(await t.login(u.email, TEST_PASSWORD));

    const submitted = await submitProduct(t, c.coop!, entityId, 'Trà sen Xuân Canh', raiseTo(sheet, f4(), 80));
    assert.equal(submitted.status, 200, submitted.body);
    const id = await dossierOf(t, c.admin!, 'Trà sen Xuân Canh');
    await call('POST', `/api/ocop/dossiers/${id}/forward`, c.officer, {});

    // First saves race on the (dossier, member) upsert; submissions race on the dossier's share lock.
    const answers = (i: number) => raiseTo(sheet, f4(), 70 + i);
    const saves = await Promise.all(
      cookies.map((cookie, i) => call('PUT', `/api/ocop/dossiers/${id}/sheets/mine`, cookie, { answers: answers(i) })),
    );
    assert.deepEqual(
      saves.map((r) => r.statusCode),
      Array(9).fill(200),
    );
    const submits = await Promise.all(
      cookies.map((cookie) => call('POST', `/api/ocop/dossiers/${id}/sheets/mine/submit`, cookie)),
    );
    assert.deepEqual(
      submits.map((r) => r.statusCode),
      Array(9).fill(200),
    );
    const [{ n }] = (await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from ocop_score_sheets where dossier_id = ${id} and status = 'submitted'`,
    )) as [{ n: number }];
    assert.equal(n, 9);
    const agg = (await call('GET', `/api/ocop/dossiers/${id}/aggregate`, c.chair)).json();
    assert.deepEqual([agg.expected, agg.submitted, agg.complete, agg.result.members], [9, 9, true, 9]);
    assert.equal(agg.result.total, 74);
  });
});
