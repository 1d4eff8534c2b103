import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, insertTestEntity, otherRoles, type TestApp } from '../../testing/index.ts';
import { caller, COUNCIL, issuePaths, MISSING_ID, userIds, type Method } from './rounds.fixtures.ts';

// A fixed clock in the QĐ 148 transition window, so a transition round can be set up too.
const NOW = new Date('2026-06-10T03:00:00Z');

describe('ocop: evaluation rounds and councils', () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  const c: Record<string, string> = {};
  let ids: Record<string, string>;
  let demoRound: string;
  let planned: string;
  let entityId: string;
  const round = (o: Record<string, unknown> = {}) => ({
    name: 'Kỳ đánh giá OCOP 2026 đợt 2',
    year: 2026,
    submissionDeadline: '2026-09-30',
    ...o,
  });
  const council = () => ({
    members: [
      { userId: ids[COUNCIL.chair], role: 'chair' },
      { userId: ids[COUNCIL.secretary], role: 'secretary' },
      { userId: ids[COUNCIL.member], role: 'member' },
    ],
  });
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from ${sql.identifier(table)}`))[0]!.n;

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    call = caller(t);
    for (const [k, email] of Object.entries({ admin: DEMO.admin, officer: DEMO.officer, coop: DEMO.coop, ...COUNCIL }))
      c[k] = await t.login(email);
    ids = await userIds(t.database.db, [...Object.values(COUNCIL), DEMO.admin, DEMO.officer]);
    entityId = await insertTestEntity(t.database.db, 'HTX Gốm Bát Tràng', '00577');
    demoRound = (await call('GET', '/api/ocop/rounds', c.admin)).json().items[0].id;
    const created = await call('POST', '/api/ocop/rounds', c.admin, round());
    planned = created.json().id;
  });
  after(() => t.close());

  test('every route: 401 signed out, 403 for roles without access', async () => {
    const routes: [Method, string, object | undefined, (keyof typeof DEMO)[]][] = [
      ['GET', '/api/ocop/rounds', undefined, ['admin', 'officer', 'council', 'coop']],
      ['POST', '/api/ocop/rounds', round(), ['admin']],
      ['GET', `/api/ocop/rounds/${demoRound}`, undefined, ['admin', 'officer', 'council', 'coop']],
      ['PATCH', `/api/ocop/rounds/${planned}`, { name: 'Đổi tên kỳ' }, ['admin']],
      ['POST', `/api/ocop/rounds/${planned}/open`, undefined, ['admin']],
      ['POST', `/api/ocop/rounds/${demoRound}/close`, undefined, ['admin']],
      ['GET', `/api/ocop/rounds/${demoRound}/council`, undefined, ['admin', 'council']],
      ['PUT', `/api/ocop/rounds/${planned}/council`, council(), ['admin']],
      [
        'POST',
        `/api/ocop/rounds/${demoRound}/council/conflicts`,
        { entityId, reason: 'Góp vốn' },
        ['admin', 'council'],
      ],
      ['DELETE', `/api/ocop/rounds/${demoRound}/council/conflicts/${MISSING_ID}/${entityId}`, undefined, ['admin']],
    ];
    for (const [method, url, payload, allowed] of routes) {
      const anonymous = await call(method, url, undefined, payload);
      assert.equal(anonymous.statusCode, 401, `${method} ${url}`);
      for (const email of otherRoles(...allowed)) {
        const res = await call(method, url, await t.login(email), payload);
        assert.equal(res.statusCode, 403, `${email} ${method} ${url}`);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
    }
    // The council member who does not sit on a council: not its round, not its council.
    const outsider = await call('GET', `/api/ocop/rounds/${planned}`, c.chair);
    assert.equal(outsider.statusCode, 403);
    assert.equal((await call('GET', `/api/ocop/rounds/${planned}/council`, c.chair)).statusCode, 403);
    assert.equal((await call('GET', `/api/ocop/rounds/${MISSING_ID}`, c.admin)).statusCode, 404);
    assert.deepEqual(issuePaths(await call('GET', '/api/ocop/rounds/42', c.admin)), ['params.id']);
  });

  test('creating and changing rounds: 400 on the field at fault and nothing written', async () => {
    const before = await count('ocop_rounds');
    const cases: [object, string, string?][] = [
      [round({ name: 'x' }), 'body.name'],
      [round({ year: 2010 }), 'body.year'],
      [round({ submissionDeadline: '30/09/2026' }), 'body.submissionDeadline'],
      [round({ submissionDeadline: '2026-06-01' }), 'body.submissionDeadline', 'in_past'],
      [round({ processRegime: 'qd1048' }), 'body.processRegime'],
      [round({ rubricDecision: 'qd148-2023' }), 'body.rubricDecision', 'regime_mismatch'],
      [
        round({ processRegime: 'qd148-transition', submissionDeadline: '2026-08-01' }),
        'body.submissionDeadline',
        'after_transition',
      ],
    ];
    for (const [payload, field, code] of cases) {
      const res = await call('POST', '/api/ocop/rounds', c.admin, payload);
      assert.equal(res.statusCode, 400, field);
      assert.deepEqual(issuePaths(res), [field], `${field}: ${res.body}`);
      if (code) assert.equal(res.json().error.details.issues[0].code, code);
    }
    assert.deepEqual(issuePaths(await call('PATCH', `/api/ocop/rounds/${planned}`, c.admin, {})), ['body']);
    const past = await call('PATCH', `/api/ocop/rounds/${planned}`, c.admin, { submissionDeadline: '2025-01-01' });
    assert.deepEqual(issuePaths(past), ['body.submissionDeadline']);
    assert.deepEqual(issuePaths(await call('GET', '/api/ocop/rounds?year=1900', c.admin)), ['querystring.year']);
    assert.equal(await count('ocop_rounds'), before);
    assert.equal((await call('GET', `/api/ocop/rounds/${planned}`, c.admin)).json().submissionDeadline, '2026-09-30');

    const renamed = await call('PATCH', `/api/ocop/rounds/${planned}`, c.admin, {
      name: 'Kỳ đánh giá OCOP 2026 đợt 2 (bổ sung)',
      submissionDeadline: '2026-10-15',
    });
    assert.deepEqual(
      [renamed.statusCode, renamed.json().name, renamed.json().submissionDeadline],
      [200, 'Kỳ đánh giá OCOP 2026 đợt 2 (bổ sung)', '2026-10-15'],
    );
  });

  test('the transition regime scores on the QĐ 148 sheets and must finish within Điều 12’s 60 days', async () => {
    const res = await call('POST', '/api/ocop/rounds', c.admin, {
      name: 'Hồ sơ chuyển tiếp QĐ 148',
      year: 2026,
      processRegime: 'qd148-transition',
      submissionDeadline: '2026-07-21',
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual([res.json().rubricDecision, res.json().status], ['qd148-2023', 'planned']);
    // Another regime: it opens beside the open QĐ 26/2026 round.
    const opened = await call('POST', `/api/ocop/rounds/${res.json().id}/open`, c.admin);
    assert.equal(opened.json().status, 'open');
    assert.equal((await call('POST', `/api/ocop/rounds/${res.json().id}/close`, c.admin)).json().status, 'closed');
  });

  test('a council: one chair and one secretary, council members only; members see it once the round opens', async () => {
    const bad = await call('PUT', `/api/ocop/rounds/${planned}/council`, c.admin, {
      members: [
        { userId: ids[COUNCIL.chair], role: 'chair' },
        { userId: ids[COUNCIL.chair], role: 'member' },
        { userId: ids[DEMO.officer], role: 'member' },
      ],
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(issuePaths(bad).sort(), ['body.members', 'body.members.1.userId', 'body.members.2.userId']);
    assert.deepEqual(issuePaths(await call('PUT', `/api/ocop/rounds/${planned}/council`, c.admin, { members: [] })), [
      'body.members',
    ]);
    const threshold = await call('PUT', `/api/ocop/rounds/${planned}/council`, c.admin, {
      ...council(),
      disagreementThreshold: 0,
    });
    assert.deepEqual(issuePaths(threshold), ['body.disagreementThreshold']);
    assert.equal(await count('ocop_council_members'), 3, 'only the demo council');

    const set = await call('PUT', `/api/ocop/rounds/${planned}/council`, c.admin, {
      ...council(),
      disagreementThreshold: 8,
    });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(
      set.json().members.map((m: { role: string; scores: boolean }) => [m.role, m.scores]),
      [
        ['chair', true],
        ['secretary', true],
        ['member', true],
      ],
    );
    assert.equal(set.json().disagreementThreshold, 8);

    // Planned: the seated members do not see the round at all.
    for (const cookie of [c.chair!, c.member!]) {
      assert.equal((await call('GET', `/api/ocop/rounds/${planned}`, cookie)).statusCode, 403);
      assert.equal((await call('GET', `/api/ocop/rounds/${planned}/council`, cookie)).statusCode, 403);
      const listed = (await call('GET', '/api/ocop/rounds', cookie)).json().items.map((r: { id: string }) => r.id);
      assert.ok(!listed.includes(planned));
    }
    assert.equal((await call('GET', `/api/ocop/rounds/${planned}`, c.officer)).statusCode, 403);

    // One open round per regime.
    const twice = await call('POST', `/api/ocop/rounds/${planned}/open`, c.admin);
    assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'ROUND_ALREADY_OPEN']);
    assert.equal((await call('POST', `/api/ocop/rounds/${demoRound}/close`, c.admin)).json().status, 'closed');
    const closedAgain = await call('POST', `/api/ocop/rounds/${demoRound}/close`, c.admin);
    assert.deepEqual([closedAgain.statusCode, closedAgain.json().error.code], [409, 'INVALID_STATUS_CHANGE']);
    const opened = await call('POST', `/api/ocop/rounds/${planned}/open`, c.admin);
    assert.deepEqual([opened.json().status, opened.json().acceptingSubmissions], ['open', true]);

    const seen = (await call('GET', `/api/ocop/rounds/${planned}`, c.secretary)).json();
    assert.equal(seen.myCouncilRole, 'secretary');
    assert.equal((await call('GET', `/api/ocop/rounds/${planned}/council`, c.member)).statusCode, 200);
    assert.equal((await call('GET', `/api/ocop/rounds/${planned}`, c.officer)).json().myCouncilRole, null);
    const open = (await call('GET', '/api/ocop/rounds?status=open', c.officer)).json();
    assert.deepEqual(
      open.items.map((r: { id: string }) => r.id),
      [planned],
    );
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_id = ${planned} order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['ocop.round.create', 'ocop.round.update', 'ocop.council.set', 'ocop.round.open'],
    );
  });

  test('conflicts of interest: members declare their own, admins record anyone’s and remove them', async () => {
    const url = `/api/ocop/rounds/${planned}/council/conflicts`;
    const own = await call('POST', url, c.member, { entityId, reason: 'Người thân làm kế toán của HTX' });
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(
      own.json().conflicts.map((x: { entity: { name: string }; recordedBy: string }) => [x.entity.name, x.recordedBy]),
      [['HTX Gốm Bát Tràng', 'self']],
    );
    const forOther = await call('POST', url, c.member, { userId: ids[COUNCIL.chair], entityId, reason: 'Khai hộ' });
    assert.equal(forOther.statusCode, 403);
    const cases: [object, string][] = [
      [{ entityId: MISSING_ID, reason: 'Thành viên góp vốn' }, 'body.entityId'],
      [{ entityId, reason: 'x' }, 'body.reason'],
      [{ entityId: 'abc', reason: 'Thành viên góp vốn' }, 'body.entityId'],
    ];
    for (const [payload, field] of cases)
      assert.deepEqual(issuePaths(await call('POST', url, c.chair, payload)), [field]);
    assert.deepEqual(issuePaths(await call('POST', url, c.admin, { entityId, reason: 'Thành viên góp vốn' })), [
      'body.userId',
    ]);
    assert.deepEqual(
      issuePaths(
        await call('POST', url, c.admin, { userId: ids[DEMO.officer], entityId, reason: 'Thành viên góp vốn' }),
      ),
      ['body.userId'],
    );
    const recorded = await call('POST', url, c.admin, {
      userId: ids[COUNCIL.chair],
      entityId,
      reason: 'Thành viên góp vốn',
    });
    assert.equal(recorded.json().conflicts.length, 2);
    // A member sees only their own declarations.
    const mine = (await call('GET', `/api/ocop/rounds/${planned}/council`, c.member)).json();
    assert.deepEqual(
      mine.conflicts.map((x: { userId: string }) => x.userId),
      [ids[COUNCIL.member]],
    );
    const removed = await call('DELETE', `${url}/${ids[COUNCIL.chair]}/${entityId}`, c.admin);
    assert.equal(removed.json().conflicts.length, 1);
    assert.equal((await call('DELETE', `${url}/${ids[COUNCIL.chair]}/${entityId}`, c.admin)).statusCode, 404);
  });
});
