import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, DEMO, insertTestEntity, otherRoles, type TestApp } from '../../testing/index.ts';
import { users } from '../identity/index.ts';
import { entities } from './registry.schema.ts';

// A fixed clock: 2025 is the last full year, 2026 is under way, 2027 is in the future.
const NOW = new Date('2026-02-10T03:00:00Z');
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const figures = {
  revenue: 2_000_000_000,
  revenueFromMembers: 1_200_000_000,
  profit: 150_000_000,
  totalCapital: 1_500_000_000,
  indivisibleAssets: 300_000_000,
  officialMembers: 60,
  associateMembers: 10,
  memberHouseholds: 55,
  workers: 20,
  memberWorkers: 12,
  avgMemberIncome: 60_000_000,
  avgWorkerMonthlyIncome: 7_000_000,
  valueChainLinks: 2,
  ocopProducts: 1,
};
// 25 + 25 + 34 = 84 points: "good" (Tốt ≥ 80).
const ratingPoints = { 1: 6, 2: 5, 3: 9, 4: 5, 5: 7, 6: 5, 7: 5, 8: 5, 9: 3, 10: 6, 11: 6, 12: 6, 13: 6, 14: 6, 15: 4 };
const report = (o: Record<string, unknown> = {}) => ({
  ...figures,
  productsServices: 'Rau an toàn, gạo nếp cái hoa vàng',
  monthsOperating: 12,
  suspendedMonths: 0,
  ratingPoints,
  ...o,
});
// The year before, revenue a tenth: 2025's revenue is a ×10 jump.
const report2024 = report({ revenue: 200_000_000, revenueFromMembers: 120_000_000, profit: 15_000_000 });

type Method = 'GET' | 'PUT' | 'POST';
type Row = { commune: { code: string }; expected: number; draft: number; submitted: number; missing: number };

describe('registry: annual reports', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let coop: string;
  const ids = { own: '', outside: '', enterprise: '', young: '', dissolved: '' };
  const reportsUrl = (id: string, year?: number) => `/api/entities/${id}/reports${year ? `/${year}` : ''}`;
  const req = (method: Method, url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const act = (id: string, year: number, cookie: string, action: string, reason?: string) =>
    req('POST', `${reportsUrl(id, year)}/actions`, cookie, { action, ...(reason ? { reason } : {}) });
  const paths = (res: { json(): { error: { details: { issues: { path: string[] }[] } } } }) =>
    res.json().error.details.issues.map((i) => i.path.join('.'));

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    const db = t.database.db;
    const make = (name: string, communeCode: string, o: Partial<typeof entities.$inferInsert> = {}) =>
      insertTestEntity(db, name, communeCode, o);
    ids.own = await make('HTX Nông nghiệp Đông Anh', '00454');
    ids.outside = await make('HTX Ba Đình', '00004', { registrationDate: '2019-03-01' });
    ids.enterprise = await make('Công ty TNHH Gốm Bát Tràng', '00577', { type: 'enterprise' });
    ids.young = await make('HTX Mới Bát Tràng', '00577', { registrationDate: '2026-01-10' });
    ids.dissolved = await make('HTX Đã giải thể', '00454', { status: 'dissolved' });
    await db.update(users).set({ entityId: ids.own }).where(eq(users.email, DEMO.coop));
    [admin, officer, coop] = await Promise.all([t.login(DEMO.admin), t.login(DEMO.officer), t.login(DEMO.coop)]);
  });
  after(() => t.close());

  test('every route: 401 signed out, 403 for roles without access', async () => {
    const entityRoutes: [Method, string, object?][] = [
      ['GET', reportsUrl(ids.own)],
      ['GET', reportsUrl(ids.own, 2025)],
      ['PUT', reportsUrl(ids.own, 2025), report()],
      ['POST', `${reportsUrl(ids.own, 2025)}/actions`, { action: 'submit' }],
    ];
    const cityRoutes: [Method, string, object | undefined, (keyof typeof DEMO)[]][] = [
      ['GET', '/api/annual-reports/deadlines/2025', undefined, ['admin', 'officer', 'coop']],
      ['PUT', '/api/annual-reports/deadlines/2025', { dueDate: '2026-03-15' }, ['admin']],
      ['GET', '/api/annual-reports/completeness?year=2025', undefined, ['admin', 'officer']],
      ['GET', '/api/annual-reports/missing?year=2025', undefined, ['admin', 'officer']],
    ];
    for (const [method, url, payload] of entityRoutes) {
      assert.equal((await req(method, url, undefined, payload)).statusCode, 401, `${method} ${url}`);
      for (const email of otherRoles('admin', 'officer', 'coop')) {
        const res = await req(method, url, await t.login(email), payload);
        assert.equal(res.statusCode, 403, `${email} ${method} ${url}`);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
      // Outside the officer's communes and not the member's own entity.
      const outside = url.replace(ids.own, ids.outside);
      for (const cookie of [officer, coop]) {
        assert.equal((await req(method, outside, cookie, payload)).statusCode, 403, `${method} ${outside}`);
      }
    }
    for (const [method, url, payload, allowed] of cityRoutes) {
      assert.equal((await req(method, url, undefined, payload)).statusCode, 401, `${method} ${url}`);
      for (const email of otherRoles(...allowed)) {
        assert.equal((await req(method, url, await t.login(email), payload)).statusCode, 403, `${email} ${url}`);
      }
    }
    // Nothing was written by the refused requests.
    assert.equal((await req('GET', reportsUrl(ids.own), admin)).json().length, 0);
  });

  test('404 for an unknown entity or year, 400 for malformed ids and years', async () => {
    assert.equal((await req('GET', reportsUrl(MISSING_ID), admin)).statusCode, 404);
    assert.equal((await req('PUT', reportsUrl(MISSING_ID, 2025), admin, report())).statusCode, 404);
    assert.equal((await req('GET', reportsUrl(ids.own, 2025), coop)).statusCode, 404);
    assert.equal((await act(ids.own, 2025, coop, 'submit')).statusCode, 404);
    assert.deepEqual(paths(await req('GET', '/api/entities/42/reports', admin)), ['params.id']);
    assert.deepEqual(paths(await req('GET', reportsUrl(ids.own, 1999), admin)), ['params.year']);
    assert.deepEqual(paths(await req('GET', '/api/annual-reports/completeness', admin)), ['querystring.year']);
    const badPage = await req('GET', '/api/annual-reports/missing?year=2025&commune=454&pageSize=0', admin);
    assert.deepEqual(paths(badPage).sort(), ['querystring.commune', 'querystring.pageSize']);
  });

  test('400 for bad figures, impossible combinations, bad rating points and years, each with its field', async () => {
    const cases: [string, object, string, string?][] = [
      ['negative revenue', report({ revenue: -1 }), 'body.revenue'],
      ['missing workers', { ...report(), workers: undefined }, 'body.workers'],
      ['13 months', report({ monthsOperating: 13 }), 'body.monthsOperating'],
      ['member revenue > revenue', report({ revenueFromMembers: 3e9 }), 'body.revenueFromMembers', 'exceeds_revenue'],
      ['member workers > workers', report({ memberWorkers: 21 }), 'body.memberWorkers', 'exceeds_workers'],
      ['unknown criterion', report({ ratingPoints: { 16: 5 } }), 'body.ratingPoints.16', 'unknown_criterion'],
      ['over a criterion', report({ ratingPoints: { 1: 8 } }), 'body.ratingPoints.1', 'over_criterion_max'],
      [
        'over a group',
        report({ ratingPoints: { 10: 9, 11: 9, 12: 9, 13: 9, 14: 9 } }),
        'body.ratingPoints.III-IV',
        'over_group_max',
      ],
    ];
    for (const [what, payload, path, code] of cases) {
      const res = await req('PUT', reportsUrl(ids.own, 2025), coop, payload);
      assert.equal(res.statusCode, 400, what);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED', what);
      assert.ok(paths(res).includes(path), `${what}: ${path} not in ${paths(res)}`);
      if (code) assert.equal(res.json().error.details.issues[0].code, code, what);
    }
    const future = await req('PUT', reportsUrl(ids.own, 2027), coop, report());
    assert.deepEqual(paths(future), ['params.year']);
    assert.equal(future.json().error.details.issues[0].code, 'future_year');
    const early = await req('PUT', reportsUrl(ids.own, 2019), coop, report());
    assert.equal(early.json().error.details.issues[0].code, 'before_registration');
    const young = await req('PUT', reportsUrl(ids.young, 2025), officer, report());
    assert.equal(young.json().error.details.issues[0].code, 'before_registration');
    assert.equal((await req('GET', reportsUrl(ids.own), coop)).json().length, 0);
  });

  test('enterprises report too but are neither rated nor scale-classified', async () => {
    const res = await req('PUT', reportsUrl(ids.enterprise, 2025), officer, report());
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().rating, null);
    assert.equal(res.json().scaleClass, null);
    assert.equal(res.json().ratingPoints, null);
  });

  test('workflow violations are 409s; return needs a reason', async () => {
    const year = 2023;
    assert.equal((await req('PUT', reportsUrl(ids.own, year), coop, report())).statusCode, 200);
    const accept = await act(ids.own, year, officer, 'accept');
    assert.equal(accept.statusCode, 409);
    assert.equal(accept.json().error.code, 'ACTION_NOT_ALLOWED');
    assert.equal((await act(ids.own, year, admin, 'approve')).statusCode, 409);
    assert.equal((await act(ids.own, year, admin, 'unlock', 'không có gì')).statusCode, 409);
    assert.equal((await act(ids.own, year, coop, 'accept')).statusCode, 403, 'the entity cannot accept its own');
    assert.deepEqual(paths(await act(ids.own, year, coop, 'fly')), ['body.action']);
    assert.equal((await act(ids.own, year, coop, 'submit')).statusCode, 200);
    assert.equal((await act(ids.own, year, coop, 'submit')).statusCode, 409);
    const locked = await req('PUT', reportsUrl(ids.own, year), officer, report());
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.json().error.code, 'REPORT_NOT_EDITABLE');
    assert.deepEqual(paths(await act(ids.own, year, officer, 'return')), ['body.reason']);
    const returned = await act(ids.own, year, officer, 'return', 'Thiếu số lao động là thành viên');
    assert.equal(returned.json().status, 'returned');
    assert.equal(returned.json().returnReason, 'Thiếu số lao động là thành viên');
    assert.equal((await req('PUT', reportsUrl(ids.own, year), coop, report({ memberWorkers: 15 }))).statusCode, 200);
    const again = await act(ids.own, year, coop, 'submit');
    assert.equal(again.json().status, 'submitted');
    assert.equal(again.json().returnReason, null);
    assert.equal((await act(ids.own, year, officer, 'accept')).statusCode, 200);
    const cityOnly = await act(ids.own, year, officer, 'return', 'Trả lại sau khi đã nhận');
    assert.equal(cityOnly.statusCode, 403, 'an accepted report goes back only by the city');
    assert.equal((await act(ids.own, year, admin, 'return', 'Số liệu vốn chưa khớp')).json().status, 'returned');
  });

  test('happy path: draft with warnings, submit, accept, approve (rates the entity), lock, unlock', async () => {
    const completeness = async (cookie: string) =>
      (await req('GET', '/api/annual-reports/completeness?year=2025', cookie)).json();
    const dongAnh = async () => ((await completeness(officer)).rows as Row[]).find((r) => r.commune.code === '00454')!;
    const start = await dongAnh();
    // Expected in Đông Anh: the linked cooperative; not the dissolved one.
    assert.deepEqual([start.expected, start.missing, start.submitted], [1, 1, 0]);
    const officerView = await completeness(officer);
    assert.deepEqual(
      officerView.rows.map((r: Row) => r.commune.code),
      ['00454'],
      'the enterprise and the cooperative registered in 2026 are not expected for 2025',
    );
    assert.ok((await completeness(admin)).rows.some((r: Row) => r.commune.code === '00004'));

    assert.equal((await req('PUT', reportsUrl(ids.own, 2024), coop, report2024)).statusCode, 200);
    const draft = await req('PUT', reportsUrl(ids.own, 2025), coop, report());
    assert.equal(draft.statusCode, 200, draft.body);
    const d = draft.json();
    assert.equal(d.status, 'draft');
    assert.deepEqual(
      d.warnings.map((w: { field: string; code: string }) => `${w.field}:${w.code}`),
      ['revenue:year_on_year_outlier'],
    );
    assert.equal(d.warnings[0].params.ratio, 10);
    assert.equal(d.rating, 'good');
    assert.equal(d.ratingTotal, 84);
    assert.equal(d.scaleClass, 'small');
    assert.equal(d.canEdit, true);
    assert.equal(d.late, false);
    assert.deepEqual(d.allowedActions, ['submit']);
    assert.deepEqual(
      (await req('GET', reportsUrl(ids.own, 2025), officer)).json().allowedActions,
      ['submit'],
      'the officer may submit on the entity’s behalf',
    );
    assert.equal((await dongAnh()).draft, 1);
    assert.equal((await dongAnh()).missing, 1, 'a draft is still missing');

    const submitted = (await act(ids.own, 2025, coop, 'submit')).json();
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.submittedAt, NOW.toISOString());
    assert.equal(submitted.canEdit, false);
    assert.deepEqual(submitted.allowedActions, []);
    assert.deepEqual((await req('GET', reportsUrl(ids.own, 2025), officer)).json().allowedActions, [
      'accept',
      'return',
    ]);
    assert.deepEqual([(await dongAnh()).submitted, (await dongAnh()).missing], [1, 0]);

    assert.equal((await act(ids.own, 2025, officer, 'accept')).json().status, 'accepted');
    const officerApprove = await act(ids.own, 2025, officer, 'approve');
    assert.equal(officerApprove.statusCode, 403, 'approval belongs to the city');
    assert.deepEqual((await req('GET', reportsUrl(ids.own, 2025), admin)).json().allowedActions, ['approve', 'return']);
    const approved = (await act(ids.own, 2025, admin, 'approve')).json();
    assert.equal(approved.status, 'approved');
    assert.deepEqual(approved.allowedActions, ['unlock']);
    assert.equal((await dongAnh()).expected, 1);

    for (const cookie of [coop, officer, admin]) {
      const res = await req('PUT', reportsUrl(ids.own, 2025), cookie, report({ profit: 1 }));
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'REPORT_NOT_EDITABLE');
    }
    const entity = (await req('GET', `/api/entities/${ids.own}`, admin)).json();
    assert.deepEqual([entity.rating, entity.ratingYear, entity.scaleClass], ['good', 2025, 'small']);

    assert.equal((await act(ids.own, 2025, officer, 'unlock', 'Sửa doanh thu')).statusCode, 403);
    assert.deepEqual(paths(await act(ids.own, 2025, admin, 'unlock')), ['body.reason']);
    const unlocked = (await act(ids.own, 2025, admin, 'unlock', 'Doanh thu nhập sai đơn vị')).json();
    assert.equal(unlocked.status, 'returned');
    assert.equal(unlocked.returnReason, 'Doanh thu nhập sai đơn vị');
    assert.equal(unlocked.canEdit, true);
    const after = (await req('GET', `/api/entities/${ids.own}`, admin)).json();
    assert.equal(after.rating, null, 'no approved report is left to rate the entity');
    const fixed = await req('PUT', reportsUrl(ids.own, 2025), coop, report({ revenue: 1_900_000_000 }));
    assert.equal(fixed.statusCode, 200);

    const list = (await req('GET', reportsUrl(ids.own), coop)).json();
    assert.deepEqual(
      list.map((r: { year: number }) => r.year),
      [2025, 2024, 2023],
    );

    const audit = async (action: string) =>
      (await req('GET', `/api/audit?action=${action}&entityType=annual_report`, admin)).json().items;
    const unlockEntry = (await audit('report.unlocked'))[0];
    assert.equal(unlockEntry.entityId, d.id);
    assert.equal(unlockEntry.before.status, 'approved');
    assert.equal(unlockEntry.after.reason, 'Doanh thu nhập sai đơn vị');
    assert.equal(unlockEntry.actor.email, DEMO.admin);
    const approvedEntry = (await audit('report.approved'))[0];
    assert.equal(approvedEntry.after.entityRating.rating, 'good');
    const updates = await audit('report.updated');
    assert.ok(updates.some((e: { entityId: string; before: { revenue: number } }) => e.entityId === d.id));
    for (const a of ['report.created', 'report.submitted', 'report.accepted']) {
      assert.ok((await audit(a)).length > 0, a);
    }
  });

  test('deadlines: default 31 March of the next year, set by the city, drive the late flag', async () => {
    const get = await req('GET', '/api/annual-reports/deadlines/2025', coop);
    assert.deepEqual(get.json(), { year: 2025, dueDate: '2026-03-31' });
    const before = await req('PUT', '/api/annual-reports/deadlines/2025', admin, { dueDate: '2024-12-31' });
    assert.deepEqual(paths(before), ['body.dueDate']);
    assert.deepEqual(paths(await req('PUT', '/api/annual-reports/deadlines/2025', admin, { dueDate: '31/01/2026' })), [
      'body.dueDate',
    ]);
    const set = await req('PUT', '/api/annual-reports/deadlines/2025', admin, { dueDate: '2026-01-31' });
    assert.deepEqual(set.json(), { year: 2025, dueDate: '2026-01-31' });
    assert.equal((await req('GET', '/api/annual-reports/deadlines/2025', officer)).json().dueDate, '2026-01-31');
    // Not yet resubmitted, and the deadline has passed.
    assert.equal((await req('GET', reportsUrl(ids.own, 2025), coop)).json().late, true);
    const c = (await req('GET', '/api/annual-reports/completeness?year=2025', admin)).json();
    assert.equal(c.dueDate, '2026-01-31');
    assert.equal(c.totals.late, c.totals.expected, 'nobody filed by 31 January');
    const entry = (await req('GET', '/api/audit?action=report_deadline.set', admin)).json().items[0];
    assert.deepEqual([entry.before, entry.after.dueDate], [null, '2026-01-31']);
  });

  test('who has not reported: scoped per commune, paginated', async () => {
    const officerList = (await req('GET', '/api/annual-reports/missing?year=2024', officer)).json();
    assert.equal(officerList.total, 1);
    assert.deepEqual(officerList.items[0], {
      id: ids.own,
      name: 'HTX Nông nghiệp Đông Anh',
      type: 'cooperative',
      commune: { scheme: '2025-07', code: '00454', fullName: 'Xã Đông Anh' },
      reportStatus: 'draft',
    });
    const outside = await req('GET', '/api/annual-reports/missing?year=2024&commune=00004', officer);
    assert.equal(outside.statusCode, 403);
    const city = (await req('GET', '/api/annual-reports/missing?year=2024&commune=00004', admin)).json();
    assert.deepEqual(
      city.items.map((i: { id: string; reportStatus: string | null }) => [i.id, i.reportStatus]),
      [[ids.outside, null]],
    );
    const all = (await req('GET', '/api/annual-reports/missing?year=2024&pageSize=1&page=2', admin)).json();
    assert.equal(all.total, 2);
    assert.equal(all.items.length, 1);
    await act(ids.own, 2024, coop, 'submit');
    assert.equal((await req('GET', '/api/annual-reports/missing?year=2024', officer)).json().total, 0);
  });
});
