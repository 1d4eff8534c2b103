import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, DEMO, otherRoles, type TestApp } from '../../testing/index.ts';
import {
  addTarget,
  caller,
  COMMUNE_A,
  COMMUNE_B,
  COMMUNE_C,
  createPlan,
  insertTestEntity,
  MISSING_ID,
  PLAN_BODY,
} from './plans.fixtures.ts';

const NOW = new Date('2026-07-01T03:00:00Z');
const paths = (res: { json(): { error: { details?: { issues?: { path: (string | number)[] }[] } } } }) =>
  (res.json().error.details?.issues ?? []).map((i) => i.path.join('.'));

describe('plans API', () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  let admin: string;
  let officer: string;
  let planId: string;
  let cityTarget: string;
  const outsiders: string[] = [];

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    call = caller(t);
    admin = await t.login(DEMO.admin);
    officer = await t.login(DEMO.officer);
    for (const email of otherRoles('admin', 'officer')) outsiders.push(await t.login(email));
    planId = await createPlan(t, admin);
    cityTarget = await addTarget(t, admin, planId, { indicatorId: 'coop_entities_new', value: 10 });
    await insertTestEntity(t.database.db, 'HTX A', COMMUNE_A, { registrationDate: '2026-02-01' });
    await insertTestEntity(t.database.db, 'HTX B', COMMUNE_B, { registrationDate: '2026-03-01' });
    await insertTestEntity(t.database.db, 'HTX C', COMMUNE_C, { registrationDate: '2026-04-01' });
  });
  after(() => t.close());

  test('401 signed out on every official route', async () => {
    const target = { indicatorId: 'coop_entities_new', indicatorVersion: 1, year: 2026, value: 1 };
    const routes: [Parameters<typeof call>[0], string, object?][] = [
      ['GET', '/api/plans'],
      ['POST', '/api/plans', PLAN_BODY],
      ['GET', `/api/plans/${planId}`],
      ['PATCH', `/api/plans/${planId}`, { title: 'Tên mới của kế hoạch' }],
      ['GET', `/api/plans/${planId}/targets`],
      ['POST', `/api/plans/${planId}/targets`, target],
      ['POST', `/api/plans/${planId}/targets/${cityTarget}/split`, { shares: [{ code: COMMUNE_A, value: 10 }] }],
      ['GET', `/api/plans/${planId}/dashboard`],
      ['GET', `/api/plans/${planId}/dashboard.xlsx`],
      ['GET', `/api/plans/${planId}/targets/${cityTarget}/records`],
      ['GET', '/api/plans/indicators'],
      ['GET', '/api/plans/manual-values'],
    ];
    for (const [method, url, body] of routes)
      assert.equal((await call(method, url, undefined, body)).statusCode, 401, `${method} ${url}`);
  });

  test('403 for every other role; officers read but never write', async () => {
    for (const cookie of outsiders) {
      assert.equal((await call('GET', '/api/plans', cookie)).statusCode, 403);
      assert.equal((await call('GET', `/api/plans/${planId}/dashboard`, cookie)).statusCode, 403);
      assert.equal((await call('POST', '/api/plans', cookie, PLAN_BODY)).statusCode, 403);
    }
    assert.equal((await call('POST', '/api/plans', officer, PLAN_BODY)).statusCode, 403);
    assert.equal((await call('PATCH', `/api/plans/${planId}`, officer, { title: 'Đổi tên kế hoạch' })).statusCode, 403);
    const split = { shares: [{ code: COMMUNE_A, value: 10 }] };
    assert.equal(
      (await call('POST', `/api/plans/${planId}/targets/${cityTarget}/split`, officer, split)).statusCode,
      403,
    );
    assert.equal((await call('GET', '/api/plans', officer)).statusCode, 200);
  });

  test('400 with the field path, and nothing changes', async () => {
    const cases: [string, object, string][] = [
      ['/api/plans', { ...PLAN_BODY, periodEnd: '2025-01-01' }, 'body.periodEnd'],
      ['/api/plans', { ...PLAN_BODY, issuedOn: 'hôm qua' }, 'body.issuedOn'],
      [
        `/api/plans/${planId}/targets`,
        { indicatorId: 'nope', indicatorVersion: 1, year: 2026, value: 1 },
        'body.indicatorId',
      ],
      [
        `/api/plans/${planId}/targets`,
        { indicatorId: 'coop_entities_new', indicatorVersion: 1, year: 2026, value: -1 },
        'body.value',
      ],
      [
        `/api/plans/${planId}/targets`,
        {
          indicatorId: 'coop_entities_new',
          indicatorVersion: 1,
          year: 2026,
          value: 1,
          level: 'commune',
          code: '99999',
        },
        'body.code',
      ],
      [
        `/api/plans/${planId}/targets`,
        { indicatorId: 'coop_entities_new', indicatorVersion: 1, year: 2026, value: 1, level: 'commune', code: null },
        'body.code',
      ],
      [
        `/api/plans/${planId}/targets/${cityTarget}/split`,
        {
          shares: [
            { code: COMMUNE_A, value: 4 },
            { code: COMMUNE_B, value: 5 },
          ],
        },
        'body.shares',
      ],
      [
        `/api/plans/${planId}/targets/${cityTarget}/split`,
        { shares: [{ code: '99999', value: 10 }] },
        'body.shares.0.code',
      ],
    ];
    for (const [url, body, path] of cases) {
      const res = await call('POST', url, admin, body);
      assert.equal(res.statusCode, 400, `${url} ${res.body}`);
      assert.ok(paths(res).includes(path), `${path} in ${paths(res).join(', ')}`);
    }
    const targets = await call('GET', `/api/plans/${planId}/targets`, admin);
    assert.equal(targets.json().total, 1);
    assert.equal((await call('GET', '/api/plans', admin)).json().total, 1);
    assert.equal((await call('GET', `/api/plans/${planId}/dashboard?scope=nowhere`, admin)).statusCode, 400);
    assert.equal((await call('GET', `/api/plans/${MISSING_ID}`, admin)).statusCode, 404);
  });

  test('create, edit and list plans, audited', async () => {
    const res = await call('PATCH', `/api/plans/${planId}`, admin, { status: 'active', publicProgress: true });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'active');
    const list = await call('GET', '/api/plans?status=active', admin);
    assert.equal(list.json().items[0].targetCount, 1);
    const audit = await call('GET', '/api/audit?entityType=plan', admin);
    assert.ok(
      audit.json().items.some((a: { action: string }) => a.action === 'plans.plan.update'),
      audit.body,
    );
  });

  test('split a city target to communes; the dashboard compares each with its share', async () => {
    const res = await call('POST', `/api/plans/${planId}/targets/${cityTarget}/split`, admin, {
      shares: [
        { code: COMMUNE_A, value: 4 },
        { code: COMMUNE_B, value: 3 },
        { code: COMMUNE_C, value: 3 },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().total, 3);
    // Splitting again replaces the shares.
    const again = await call('POST', `/api/plans/${planId}/targets/${cityTarget}/split`, admin, {
      shares: [
        { code: COMMUNE_A, value: 5 },
        { code: COMMUNE_B, value: 5 },
      ],
    });
    assert.equal(again.statusCode, 200);
    const board = (await call('GET', `/api/plans/${planId}/dashboard`, admin)).json();
    assert.equal(board.targets.length, 1, 'shares are not targets of their own');
    const figure = board.targets[0];
    assert.equal(figure.actual, 3);
    assert.equal(figure.target, 10);
    assert.equal(figure.percent, 30);
    assert.equal(figure.breakdownLevel, 'commune');
    const a = figure.breakdown.find((u: { code: string }) => u.code === COMMUNE_A);
    assert.deepEqual([a.actual, a.target, a.percent], [1, 5, 20]);
    assert.equal(figure.breakdown.find((u: { code: string }) => u.code === COMMUNE_C).target, null);
  });

  test('a commune officer sees only their communes', async () => {
    const board = await call('GET', `/api/plans/${planId}/dashboard`, officer);
    assert.equal(board.statusCode, 200, board.body);
    const figure = board.json().targets[0];
    assert.equal(board.json().scope.level, 'mine');
    assert.equal(figure.actual, 2, 'A and B, not C');
    assert.equal(figure.target, 10, 'the sum of their communes’ shares');
    assert.deepEqual(figure.breakdown.map((u: { code: string }) => u.code).sort(), [COMMUNE_A, COMMUNE_B]);
    const one = await call('GET', `/api/plans/${planId}/dashboard?scope=commune:${COMMUNE_A}`, officer);
    assert.equal(one.json().targets[0].actual, 1);
    assert.equal(one.json().targets[0].target, 5);
    assert.equal(
      (await call('GET', `/api/plans/${planId}/dashboard?scope=commune:${COMMUNE_C}`, officer)).statusCode,
      403,
    );
    assert.equal((await call('GET', `/api/plans/${planId}/dashboard?scope=city`, officer)).statusCode, 403);
    const records = await call('GET', `/api/plans/${planId}/targets/${cityTarget}/records`, officer);
    assert.equal(records.json().total, 2);
    const other = await call('GET', `/api/plans/${planId}/targets/${cityTarget}/records?unit=${COMMUNE_C}`, officer);
    assert.equal(other.statusCode, 403);
  });

  test('XLSX exports of the dashboard and of the records behind a figure', async () => {
    const res = await call('GET', `/api/plans/${planId}/dashboard.xlsx`, admin);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.equal(book.worksheets[0]!.getRow(2).getCell(1).value, 'coop_entities_new');
    assert.equal(book.worksheets[0]!.getRow(2).getCell(5).value, 3);
    const records = await call(
      'GET',
      `/api/plans/${planId}/targets/${cityTarget}/records.xlsx?unit=${COMMUNE_A}`,
      officer,
    );
    assert.equal(records.statusCode, 200);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(records.rawPayload as unknown as ArrayBuffer);
    assert.equal(rb.worksheets[0]!.rowCount, 2);
    assert.equal(rb.worksheets[0]!.getRow(2).getCell(1).value, 'HTX A');
  });

  test('a split target keeps its shares adding up', async () => {
    const changed = await call('PATCH', `/api/plans/${planId}/targets/${cityTarget}`, admin, { value: 12 });
    assert.equal(changed.statusCode, 400);
    assert.deepEqual(paths(changed), ['body.value']);
    const shares = (await call('GET', `/api/plans/${planId}/targets`, admin))
      .json()
      .items.filter((x: { parentId: string | null }) => x.parentId === cityTarget);
    const share = await call('PATCH', `/api/plans/${planId}/targets/${shares[0].id}`, admin, { value: 1 });
    assert.equal(share.statusCode, 400);
    assert.equal(
      (await call('PATCH', `/api/plans/${planId}/targets/${cityTarget}`, admin, { baseline: 2 })).statusCode,
      200,
    );
  });

  test('targets can be edited and deleted by the city', async () => {
    const id = await addTarget(t, admin, planId, { indicatorId: 'coop_avg_revenue', value: 2.9e9, year: 2025 });
    const edit = await call('PATCH', `/api/plans/${planId}/targets/${id}`, admin, {
      value: 3e9,
      direction: 'at_least',
    });
    assert.equal(edit.json().value, 3e9);
    assert.equal((await call('PATCH', `/api/plans/${planId}/targets/${id}`, admin, {})).statusCode, 400);
    assert.equal((await call('DELETE', `/api/plans/${planId}/targets/${id}`, officer)).statusCode, 403);
    assert.equal((await call('DELETE', `/api/plans/${planId}/targets/${id}`, admin)).statusCode, 204);
    assert.equal((await call('DELETE', `/api/plans/${planId}/targets/${id}`, admin)).statusCode, 404);
  });

  test('public progress only for plans that opted in, with no records or people', async () => {
    const hidden = await createPlan(t, admin, { title: 'Kế hoạch nội bộ' });
    assert.equal((await call('GET', `/api/public/plans/${hidden}`)).statusCode, 404);
    const list = await call('GET', '/api/public/plans');
    assert.deepEqual(
      list.json().items.map((p: { id: string }) => p.id),
      [planId],
    );
    const res = await call('GET', `/api/public/plans/${planId}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().targets[0].actual, 3);
    assert.equal(res.json().targets[0].breakdown, undefined);
    assert.equal(res.json().plan.createdBy, undefined);
  });

  test('manual values: officers enter for their communes, the city approves', async () => {
    const body = {
      indicatorId: 'weak_coops_strengthened',
      indicatorVersion: 1,
      level: 'commune',
      year: 2026,
      value: 2,
      evidence: 'Biên bản',
    };
    assert.equal(
      (await call('POST', '/api/plans/manual-values', officer, { ...body, code: COMMUNE_C })).statusCode,
      403,
    );
    const computed = await call('POST', '/api/plans/manual-values', officer, {
      ...body,
      code: COMMUNE_A,
      indicatorId: 'coop_entities_new',
    });
    assert.equal(computed.statusCode, 400);
    const res = await call('POST', '/api/plans/manual-values', officer, { ...body, code: COMMUNE_A });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await call('POST', `/api/plans/manual-values/${res.json().id}/approve`, officer)).statusCode, 403);
    assert.equal((await call('POST', `/api/plans/manual-values/${res.json().id}/approve`, admin)).statusCode, 200);
    assert.equal((await call('POST', `/api/plans/manual-values/${res.json().id}/approve`, admin)).statusCode, 409);
    const list = await call('GET', '/api/plans/manual-values', officer);
    assert.equal(list.json().total, 1);
  });

  test('the indicator library lists what can be tracked', async () => {
    const res = await call('GET', '/api/plans/indicators', officer);
    const byId = new Map(res.json().map((i: { id: string; aggregation: string }) => [i.id, i.aggregation]));
    assert.equal(byId.get('coop_avg_revenue'), 'mean-of-records');
    assert.equal(byId.get('showrooms_opened'), 'count');
  });
});
