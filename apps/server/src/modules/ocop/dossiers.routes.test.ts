import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { vietnamDate, type RubricSheet } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, insertTestEntity, otherRoles, type TestApp } from '../../testing/index.ts';
import {
  caller,
  COUNCIL,
  createCouncilUsers,
  dossierOf,
  floorAnswers,
  issuePaths,
  linkEntity,
  MISSING_ID,
  raiseTo,
  submitProduct,
  SHEET,
  TEST_PASSWORD,
  userIds,
  type Method,
} from './rounds.fixtures.ts';
import { fillEvidenceLocker } from './evidence.seed.ts';

describe('ocop: dossiers — intake, commune review, visibility', () => {
  let t: TestApp;
  let clock = new Date('2026-11-24T03:00:00Z');
  let call: ReturnType<typeof caller>;
  let sheet: RubricSheet;
  const c: Record<string, string> = {};
  const e = { own: '', outside: '' };
  const d = { own: '', outside: '' };
  let roundId: string;
  let outsider: string;
  const answers = () => raiseTo(sheet, floorAnswers(sheet, 3), 60);
  const login = async () => {
    for (const [k, email] of Object.entries({ admin: DEMO.admin, officer: DEMO.officer, coop: DEMO.coop, ...COUNCIL }))
      c[k] = await t.login(email);
  };
  const dossierCount = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from ocop_dossiers`))[0]!.n;

  before(async () => {
    t = await createTestApp({ now: () => clock });
    call = caller(t);
    e.own = await insertTestEntity(t.database.db, 'HTX Nông sản Xuân Canh', '00454');
    e.outside = await insertTestEntity(t.database.db, 'HTX Ba Đình', '00004');
    await fillEvidenceLocker(t.database.db, e.own, vietnamDate(new Date()));
    await fillEvidenceLocker(t.database.db, e.outside, vietnamDate(new Date()));
    await linkEntity(t.database.db, DEMO.coop, e.own);
    await login();
    sheet = (await call('GET', `/api/ocop/rubrics/${SHEET}`)).json();
    outsider = (await createCouncilUsers(t, c.admin!, 'ngoai', 1))[0]!.email;
    c.outsider = await t.login(outsider, TEST_PASSWORD);
  });
  after(() => t.close());

  test('with no round open a submission is refused (NO_OPEN_ROUND) and the product stays a draft', async () => {
    const demo = (await call('GET', '/api/ocop/rounds?status=open', c.admin)).json().items[0].id;
    await call('POST', `/api/ocop/rounds/${demo}/close`, c.admin);
    const refused = await submitProduct(t, c.coop!, e.own, 'Mứt sen Xuân Canh', answers());
    assert.equal(refused.status, 409);
    assert.equal(JSON.parse(refused.body).error.code, 'NO_OPEN_ROUND');
    assert.equal((await call('GET', `/api/ocop/products/${refused.productId}`, c.coop)).json().status, 'draft');
    assert.equal(await dossierCount(), 0);

    const created = await call('POST', '/api/ocop/rounds', c.admin, {
      name: 'Kỳ đánh giá OCOP 2026 đợt 2',
      year: 2026,
      submissionDeadline: '2026-12-15',
    });
    roundId = created.json().id;
    const ids = await userIds(t.database.db, Object.values(COUNCIL));
    await call('PUT', `/api/ocop/rounds/${roundId}/council`, c.admin, {
      members: [
        { userId: ids[COUNCIL.chair], role: 'chair' },
        { userId: ids[COUNCIL.secretary], role: 'secretary' },
        { userId: ids[COUNCIL.member], role: 'member' },
      ],
    });
    // Planned is not open either.
    const planned = await call('POST', `/api/ocop/products/${refused.productId}/submit`, c.coop);
    assert.equal(planned.json().error.code, 'NO_OPEN_ROUND');
    await call('POST', `/api/ocop/rounds/${roundId}/open`, c.admin);

    const accepted = await call('POST', `/api/ocop/products/${refused.productId}/submit`, c.coop);
    assert.equal(accepted.statusCode, 200, accepted.body);
    d.own = await dossierOf(t, c.admin!, 'Mứt sen Xuân Canh');
    const dossier = (await call('GET', `/api/ocop/dossiers/${d.own}`, c.coop)).json();
    assert.deepEqual(
      [dossier.status, dossier.round.id, dossier.rubricId, dossier.rubricVersion, dossier.selfTotal, dossier.mySheet],
      ['received', roundId, SHEET, 1, 60, null],
    );
    assert.deepEqual(
      dossier.events.map((x: { action: string }) => x.action),
      ['received'],
    );
    const outside = await call('POST', '/api/ocop/products', c.admin, {
      entityId: e.outside,
      name: 'Trà sen Ba Đình',
      rubricId: SHEET,
      productSet: 'Chế biến từ rau, củ, quả, hạt',
    });
    await call('PUT', `/api/ocop/products/${outside.json().id}/self-assessment`, c.admin, { answers: answers() });
    assert.equal((await call('POST', `/api/ocop/products/${outside.json().id}/submit`, c.admin)).statusCode, 200);
    d.outside = await dossierOf(t, c.admin!, 'Trà sen Ba Đình');
  });

  test('every route: 401 signed out, 403 for roles without access and outside the scope', async () => {
    const routes: [Method, string, object | undefined, (keyof typeof DEMO)[]][] = [
      ['GET', '/api/ocop/dossiers', undefined, ['admin', 'officer', 'council', 'coop']],
      ['GET', `/api/ocop/dossiers/${d.own}`, undefined, ['admin', 'officer', 'coop']],
      ['POST', `/api/ocop/dossiers/${d.own}/return`, { comment: 'Thiếu phiếu kiểm nghiệm' }, ['admin', 'officer']],
      ['POST', `/api/ocop/dossiers/${d.own}/forward`, {}, ['admin', 'officer']],
      ['GET', `/api/ocop/dossiers/${d.own}/feedback`, undefined, ['admin', 'officer', 'coop']],
    ];
    for (const [method, url, payload, allowed] of routes) {
      assert.equal((await call(method, url, undefined, payload)).statusCode, 401, `${method} ${url}`);
      for (const email of otherRoles(...allowed)) {
        const res = await call(method, url, await t.login(email), payload);
        assert.equal(res.statusCode, 403, `${email} ${method} ${url}`);
      }
      // The outside entity's dossier: not the officer's communes, not the producer's entity.
      if (url !== '/api/ocop/dossiers') {
        const outside = url.replace(d.own, d.outside);
        for (const who of ['officer', 'coop'] as const)
          if (allowed.includes(who))
            assert.equal((await call(method, outside, c[who], payload)).statusCode, 403, `${who} ${method} ${outside}`);
      }
    }
    assert.equal((await call('GET', `/api/ocop/dossiers/${MISSING_ID}`, c.admin)).statusCode, 404);
    assert.deepEqual(issuePaths(await call('GET', '/api/ocop/dossiers/x', c.admin)), ['params.id']);
    assert.deepEqual(issuePaths(await call('GET', '/api/ocop/dossiers?commune=454', c.admin)), ['querystring.commune']);
    // Nothing moved.
    assert.equal((await call('GET', `/api/ocop/dossiers/${d.own}`, c.admin)).json().status, 'received');
  });

  test('each role lists its own scope; the council sees nothing before forwarding', async () => {
    const names = async (cookie: string, q = '') =>
      (await call('GET', `/api/ocop/dossiers${q}`, cookie))
        .json()
        .items.map((x: { product: { name: string } }) => x.product.name)
        .sort();
    assert.deepEqual(await names(c.admin!), ['Mứt sen Xuân Canh', 'Trà sen Ba Đình']);
    assert.deepEqual(await names(c.officer!), ['Mứt sen Xuân Canh']);
    assert.deepEqual(await names(c.coop!), ['Mứt sen Xuân Canh']);
    assert.deepEqual(await names(c.chair!), []);
    assert.deepEqual(await names(c.admin!, '?commune=00004'), ['Trà sen Ba Đình']);
    assert.deepEqual(await names(c.admin!, '?q=tra%20sen'), ['Trà sen Ba Đình']);
    assert.equal((await call('GET', `/api/ocop/dossiers/${d.own}`, c.chair)).statusCode, 403);
  });

  test('the officer returns a dossier with a comment: the producer reads it, fixes the draft and resubmits', async () => {
    const noComment = await call('POST', `/api/ocop/dossiers/${d.own}/return`, c.officer, {});
    assert.deepEqual(issuePaths(noComment), ['body.comment']);
    assert.deepEqual(
      issuePaths(await call('POST', `/api/ocop/dossiers/${d.own}/return`, c.officer, { comment: 'a' })),
      ['body.comment'],
    );
    assert.equal((await call('GET', `/api/ocop/dossiers/${d.own}`, c.admin)).json().status, 'received');

    const comment = 'Bổ sung phiếu kết quả kiểm nghiệm an toàn thực phẩm còn hiệu lực';
    const returned = await call('POST', `/api/ocop/dossiers/${d.own}/return`, c.officer, { comment });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(returned.json().status, 'returned');
    const product = (await call('GET', '/api/ocop/products?q=mut%20sen', c.coop)).json().items[0];
    assert.equal(product.status, 'draft');
    const seen = (await call('GET', `/api/ocop/dossiers/${d.own}`, c.coop)).json();
    assert.deepEqual(seen.events.at(-1), { action: 'returned', comment, at: seen.events.at(-1).at });
    const fb = (await call('GET', `/api/ocop/dossiers/${d.own}/feedback`, c.coop)).json();
    assert.deepEqual(
      [fb.status, fb.comments.map((x: { comment: string }) => x.comment), fb.result],
      ['returned', [comment], null],
    );
    const again = await call('POST', `/api/ocop/dossiers/${d.own}/return`, c.officer, { comment });
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'INVALID_STATUS_CHANGE']);

    assert.equal(
      (await call('PATCH', `/api/ocop/products/${product.id}`, c.coop, { name: 'Mứt sen Xuân Canh' })).statusCode,
      200,
    );
    assert.equal((await call('POST', `/api/ocop/products/${product.id}/submit`, c.coop)).statusCode, 200);
    const back = (await call('GET', `/api/ocop/dossiers/${d.own}`, c.officer)).json();
    assert.equal(back.id, d.own, 'the same dossier re-enters the round');
    assert.deepEqual(
      back.events.map((x: { action: string }) => x.action),
      ['received', 'returned', 'received'],
    );
    assert.deepEqual([back.status, back.can.forward, back.can.return], ['received', true, true]);
  });

  test('forwarded: the council sees it, except a member linked to the entity and a member of another council', async () => {
    const empty = await call('POST', `/api/ocop/dossiers/${d.own}/forward`, c.officer, { comment: '' });
    assert.deepEqual(issuePaths(empty), ['body.comment']);
    assert.equal((await call('GET', `/api/ocop/dossiers/${d.own}`, c.admin)).json().status, 'received');
    const forwarded = await call('POST', `/api/ocop/dossiers/${d.own}/forward`, c.officer, { comment: 'Đủ hồ sơ' });
    assert.equal(forwarded.json().status, 'forwarded');
    const chair = (await call('GET', `/api/ocop/dossiers/${d.own}`, c.chair)).json();
    assert.deepEqual([chair.mySheet, chair.can.score, chair.progress], ['new', true, { expected: 3, submitted: 0 }]);
    assert.equal((await call('GET', `/api/ocop/dossiers/${d.own}`, c.officer)).json().progress, null);
    assert.equal((await call('GET', `/api/ocop/dossiers/${d.own}`, c.outsider)).statusCode, 403);
    assert.equal((await call('GET', '/api/ocop/dossiers', c.outsider)).json().total, 0);

    await call('POST', `/api/ocop/rounds/${roundId}/council/conflicts`, c.member, {
      entityId: e.own,
      reason: 'Tôi là thành viên góp vốn của HTX',
    });
    for (const [method, path] of [
      ['GET', ''],
      ['GET', '/sheets/mine'],
      ['PUT', '/sheets/mine'],
      ['GET', '/aggregate'],
      ['GET', '/sheets'],
      ['POST', '/sheets/mine/submit'],
      ['POST', '/confirm'],
    ] as [Method, string][]) {
      const body =
        method === 'PUT' ? { answers: {} } : path === '/confirm' ? { minutes: 'Biên bản họp hội đồng' } : undefined;
      const res = await call(method, `/api/ocop/dossiers/${d.own}${path}`, c.member, body);
      assert.deepEqual([res.statusCode, res.json().error.code], [403, 'CONFLICT_OF_INTEREST'], path);
    }
    assert.equal((await call('GET', '/api/ocop/dossiers', c.member)).json().total, 0);
    assert.deepEqual((await call('GET', `/api/ocop/dossiers/${d.own}`, c.chair)).json().progress, {
      expected: 2,
      submitted: 0,
    });
    // An account acting for the entity is linked to it without declaring anything.
    await linkEntity(t.database.db, COUNCIL.secretary, e.own);
    const linked = await call('GET', `/api/ocop/dossiers/${d.own}`, c.secretary);
    assert.equal(linked.json().error.code, 'CONFLICT_OF_INTEREST');
    await linkEntity(t.database.db, COUNCIL.secretary, null);
  });

  test('two submissions of one draft at once: one dossier, the other refused', async () => {
    const created = await call('POST', '/api/ocop/products', c.coop, {
      entityId: e.own,
      name: 'Bột sắn dây Xuân Canh',
      rubricId: SHEET,
      productSet: 'Chế biến từ rau, củ, quả, hạt',
    });
    const id = created.json().id;
    await call('PUT', `/api/ocop/products/${id}/self-assessment`, c.coop, { answers: answers() });
    const both = await Promise.all([1, 2].map(() => call('POST', `/api/ocop/products/${id}/submit`, c.coop)));
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from ocop_dossiers where product_id = ${id}`,
    );
    assert.equal(rows[0]!.n, 1);
  });

  test('after the deadline the open round takes no more submissions', async () => {
    clock = new Date('2026-12-16T03:00:00Z');
    await login();
    const late = await submitProduct(t, c.coop!, e.own, 'Chè búp Xuân Canh', answers());
    assert.deepEqual([late.status, JSON.parse(late.body).error.code], [409, 'NO_OPEN_ROUND']);
    const round = (await call('GET', `/api/ocop/rounds/${roundId}`, c.coop)).json();
    assert.deepEqual([round.status, round.acceptingSubmissions], ['open', false]);
  });
});
