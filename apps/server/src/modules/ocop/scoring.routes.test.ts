import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listCriteria, vietnamDate, type RubricSheet } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, insertTestEntity, otherRoles, type TestApp } from '../../testing/index.ts';
import {
  caller,
  COUNCIL,
  createCouncilUsers,
  floorAnswers,
  forwardedDossier,
  issuePaths,
  linkEntity,
  raiseTo,
  scoreAll,
  SHEET,
  TEST_PASSWORD,
  userIds,
  type Method,
} from './rounds.fixtures.ts';

describe('ocop: blind scoring, aggregate and confirmation', () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  let sheet: RubricSheet;
  const c: Record<string, string> = {};
  let entityId: string;
  let roundId: string;
  let ids: Record<string, string>;
  let advisor: { email: string; id: string };
  let dossier: string;
  const f = (star: 1 | 3 | 4) => floorAnswers(sheet, star);
  const sheetCount = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from ocop_score_sheets`))[0]!.n;
  const forward = (name: string, total = 70) =>
    forwardedDossier(
      t,
      { producer: c.coop!, official: c.officer!, admin: c.admin! },
      entityId,
      name,
      raiseTo(sheet, f(4), total),
    );

  before(async () => {
    t = await createTestApp();
    call = caller(t);
    entityId = await insertTestEntity(t.database.db, 'HTX Rau sạch Bát Tràng', '00577');
    await linkEntity(t.database.db, DEMO.coop, entityId);
    for (const [k, email] of Object.entries({ admin: DEMO.admin, officer: DEMO.officer, coop: DEMO.coop, ...COUNCIL }))
      c[k] = await t.login(email);
    sheet = (await call('GET', `/api/ocop/rubrics/${SHEET}`)).json();
    roundId = (await call('GET', '/api/ocop/rounds?status=open', c.admin)).json().items[0].id;
    ids = await userIds(t.database.db, Object.values(COUNCIL));
    [advisor] = (await createCouncilUsers(t, c.admin!, 'tuvan', 1)) as [{ email: string; id: string }];
    c.advisor = await t.login(advisor.email, TEST_PASSWORD);
    const [outsider] = await createCouncilUsers(t, c.admin!, 'ngoai', 1);
    c.outsider = await t.login(outsider!.email, TEST_PASSWORD);
    const set = await call('PUT', `/api/ocop/rounds/${roundId}/council`, c.admin, {
      disagreementThreshold: 5,
      members: [
        { userId: ids[COUNCIL.chair], role: 'chair' },
        { userId: ids[COUNCIL.secretary], role: 'secretary' },
        { userId: ids[COUNCIL.member], role: 'member' },
        { userId: advisor.id, role: 'advisor' },
      ],
    });
    assert.equal(set.statusCode, 200, set.body);
    dossier = await forward('Dưa muối Bát Tràng');
  });
  after(() => t.close());

  test('every route: 401 signed out, 403 for roles without access, advisors and non-scoring seats', async () => {
    const u = (p: string) => `/api/ocop/dossiers/${dossier}${p}`;
    const routes: [Method, string, object | undefined, (keyof typeof DEMO)[]][] = [
      ['GET', u('/sheets/mine'), undefined, ['council']],
      ['PUT', u('/sheets/mine'), { answers: {} }, ['council']],
      ['POST', u('/sheets/mine/submit'), undefined, ['council']],
      ['GET', u('/sheets'), undefined, ['admin', 'council']],
      ['GET', u('/aggregate'), undefined, ['admin', 'council']],
      ['POST', u('/confirm'), { minutes: 'Biên bản họp hội đồng số 1' }, ['council']],
    ];
    for (const [method, url, payload, allowed] of routes) {
      assert.equal((await call(method, url, undefined, payload)).statusCode, 401, `${method} ${url}`);
      for (const email of otherRoles(...allowed))
        assert.equal((await call(method, url, await t.login(email), payload)).statusCode, 403, `${email} ${url}`);
      // The advisory team helps the council but does not score nor see the scores; a member of
      // no council sees nothing.
      for (const who of ['advisor', 'outsider']) {
        const res = await call(method, url, c[who], payload);
        assert.deepEqual([res.statusCode, res.json().error.code], [403, 'FORBIDDEN'], `${who} ${method} ${url}`);
      }
    }
    // An ordinary member cannot confirm.
    const confirm = await call('POST', u('/confirm'), c.member, { minutes: 'Biên bản họp hội đồng số 1' });
    assert.equal(confirm.statusCode, 403);
    // The advisor sees the dossier itself.
    assert.equal((await call('GET', u(''), c.advisor)).json().can.score, false);
    assert.equal(await sheetCount(), 0);
  });

  test('a draft is checked against the pinned sheet: 400 on the criterion at fault, nothing saved', async () => {
    const url = `/api/ocop/dossiers/${dossier}/sheets/mine`;
    const cases: [object, string, string][] = [
      [{ answers: { '1.1': 99 } }, 'body.answers.1.1', 'LEVEL_OUT_OF_RANGE'],
      [{ answers: { '9.9.9': 0 } }, 'body.answers.9.9.9', 'UNKNOWN_CRITERION'],
      [{ answers: { '1.1': null } }, 'body.answers.1.1', 'NOT_APPLICABLE_NOT_ALLOWED'],
      [{ answers: {}, comments: { '7.7': 'Nhận xét' } }, 'body.comments.7.7', 'UNKNOWN_CRITERION'],
      [{ answers: {}, knockOut: { reason: 'Có dị vật', criterion: '7.7' } }, 'body.answers.7.7', 'UNKNOWN_CRITERION'],
    ];
    for (const [payload, field, code] of cases) {
      const res = await call('PUT', url, c.chair, payload);
      assert.equal(res.statusCode, 400, field);
      assert.deepEqual(
        res.json().error.details.issues.map((i: { path: string[]; code: string }) => [i.path.join('.'), i.code]),
        [[field, code]],
      );
    }
    for (const payload of [{ answers: { '1.1': 1.5 } }, { answers: {}, knockOut: { reason: '' } }, {}])
      assert.equal((await call('PUT', url, c.chair, payload)).statusCode, 400, JSON.stringify(payload));
    assert.equal((await call('GET', url, c.chair)).json().status, 'new');
    // Submitting with nothing saved, then with half the sheet: the missing criteria are named.
    const empty = await call('POST', `${url}/submit`, c.chair);
    assert.deepEqual(issuePaths(empty), ['sheet.answers']);
    const all = raiseTo(sheet, f(4), 75);
    const [first, ...rest] = listCriteria(sheet).map((x) => x.criterion.code);
    const { [first!]: _left, ...half } = all;
    const saved = await call('PUT', url, c.chair, { answers: half });
    assert.deepEqual([saved.json().status, saved.json().missing], ['draft', [first]]);
    const incomplete = await call('POST', `${url}/submit`, c.chair);
    assert.deepEqual(issuePaths(incomplete), [`sheet.answers.${first}`]);
    assert.equal(rest.length + 1, listCriteria(sheet).length);
    assert.equal((await call('GET', url, c.chair)).json().status, 'draft');
  });

  test('scores stay hidden until one’s own sheet is in; confirmation waits for every expected member', async () => {
    const u = (p: string) => `/api/ocop/dossiers/${dossier}${p}`;
    await scoreAll(t, dossier, [[c.chair!, raiseTo(sheet, f(4), 75)]]);
    for (const cookie of [c.secretary!, c.member!])
      assert.equal((await call('GET', u('/aggregate'), cookie)).json().error.code, 'SCORES_HIDDEN');
    const chairView = (await call('GET', u('/aggregate'), c.chair)).json();
    assert.deepEqual(
      [chairView.submitted, chairView.expected, chairView.complete, chairView.result.total],
      [1, 3, false, 75],
    );
    assert.deepEqual(chairView.pending.map((p: { role: string }) => p.role).sort(), ['member', 'secretary']);
    const early = await call('POST', u('/confirm'), c.chair, { minutes: 'Biên bản họp hội đồng số 1' });
    assert.deepEqual(
      [early.statusCode, early.json().error.code, early.json().error.details],
      [409, 'SCORING_INCOMPLETE', { expected: 3, submitted: 1 }],
    );
    // A member holding a sheet keeps a scoring seat.
    const demote = await call('PUT', `/api/ocop/rounds/${roundId}/council`, c.admin, {
      members: [
        { userId: ids[COUNCIL.secretary], role: 'chair' },
        { userId: ids[COUNCIL.member], role: 'secretary' },
        { userId: ids[COUNCIL.chair], role: 'advisor' },
      ],
    });
    assert.deepEqual([demote.statusCode, demote.json().error.code], [409, 'ACTION_NOT_ALLOWED']);

    await scoreAll(t, dossier, [
      [c.secretary!, raiseTo(sheet, f(4), 70)],
      [c.member!, raiseTo(sheet, f(4), 71)],
    ]);
    const agg = (await call('GET', u('/aggregate'), c.member)).json();
    // 75, 70, 71: spread 5 is not above the council's threshold of 5.
    assert.deepEqual([agg.result.total, agg.result.totalsSpread, agg.result.disagreement], [72, 5, false]);
    assert.deepEqual(issuePaths(await call('POST', u('/confirm'), c.secretary, { minutes: 'ngắn' })), ['body.minutes']);
    const confirmed = await call('POST', u('/confirm'), c.secretary, { minutes: 'Biên bản họp hội đồng số 1' });
    assert.deepEqual(
      [confirmed.json().status, confirmed.json().outcome, confirmed.json().result.minutes],
      ['confirmed', 'awaiting_decision', 'Biên bản họp hội đồng số 1'],
    );
    const twice = await call('POST', u('/confirm'), c.chair, { minutes: 'Biên bản họp hội đồng số 1' });
    assert.equal(twice.json().error.code, 'INVALID_STATUS_CHANGE');
    const late = await call('PUT', u('/sheets/mine'), c.chair, { answers: {} });
    assert.equal(late.statusCode, 409);
  });

  test('a low council result is not certified: the product is a draft again and the producer gets a plan', async () => {
    const low = await forward('Tương ớt Bát Tràng', 60);
    const lowAnswers = raiseTo(sheet, f(1), 40);
    await scoreAll(t, low, [
      [c.chair!, lowAnswers],
      [c.secretary!, raiseTo(sheet, f(1), 42)],
      [c.member!, raiseTo(sheet, f(1), 38), { comments: { '1.1': 'Chưa chứng minh được nguồn gốc nguyên liệu' } }],
    ]);
    const confirmed = (
      await call('POST', `/api/ocop/dossiers/${low}/confirm`, c.chair, { minutes: 'Biên bản: sản phẩm đạt 2 sao' })
    ).json();
    assert.deepEqual([confirmed.outcome, confirmed.finalStar, confirmed.finalTotal], ['not_certified', 2, 40]);
    const product = (await call('GET', '/api/ocop/products?q=tuong%20ot', c.coop)).json().items[0];
    assert.equal(product.status, 'draft');
    const fb = (await call('GET', `/api/ocop/dossiers/${low}/feedback`, c.coop)).json();
    assert.deepEqual([fb.result.star, fb.result.nextStar.targetStar, fb.certificate], [2, 3, null]);
    assert.ok(fb.result.nextStar.changes.length > 0);
    assert.deepEqual(fb.result.memberComments, [
      { criterion: '1.1', comment: 'Chưa chứng minh được nguồn gốc nguyên liệu' },
    ]);
    const decision = await call('POST', `/api/ocop/dossiers/${low}/decision`, c.admin, {
      number: '12/QĐ-UBND',
      date: vietnamDate(new Date()),
    });
    assert.deepEqual([decision.statusCode, decision.json().error.code], [409, 'INVALID_STATUS_CHANGE']);
  });

  test('a knock-out recorded by a majority of the members takes the product out of the ranking', async () => {
    const ko = await forward('Mắm tép Bát Tràng', 80);
    const knockOut = { reason: 'Phát hiện dị vật (cát) trong mẫu sản phẩm' };
    await scoreAll(t, ko, [
      [c.chair!, raiseTo(sheet, f(4), 80), { knockOut }],
      [c.secretary!, raiseTo(sheet, f(4), 80), { knockOut }],
      [c.member!, raiseTo(sheet, f(4), 82)],
    ]);
    const agg = (await call('GET', `/api/ocop/dossiers/${ko}/aggregate`, c.secretary)).json();
    assert.deepEqual([agg.knockOutVotes, agg.result.star, agg.result.knockedOut.reason], [2, null, knockOut.reason]);
    const confirmed = (
      await call('POST', `/api/ocop/dossiers/${ko}/confirm`, c.secretary, { minutes: 'Biên bản: loại' })
    ).json();
    assert.deepEqual(
      [confirmed.outcome, confirmed.finalStar, confirmed.result.knockedOut.reason],
      ['not_certified', null, knockOut.reason],
    );
    const fb = (await call('GET', `/api/ocop/dossiers/${ko}/feedback`, c.coop)).json();
    assert.equal(fb.result.nextStar.reason, 'KNOCKED_OUT');
    assert.ok(fb.result.memberComments.some((m: { comment: string }) => m.comment === knockOut.reason));
  });
});
