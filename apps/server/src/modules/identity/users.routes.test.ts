import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, DEMO, otherRoles, type TestApp } from '../../testing/index.ts';

describe('account administration (city admin only)', () => {
  let t: TestApp;
  let admin: string;
  before(async () => {
    t = await createTestApp();
    admin = await t.login(DEMO.admin);
  });
  after(() => t.close());

  const newUser = {
    email: 'canbo.xa.battrang@hanoi.gov.vn',
    displayName: 'Nguyễn Văn Bình',
    roles: ['commune_officer'],
    communeCodes: ['00577'],
    password: 'mat-khau-du-dai',
  };
  const routes = [
    { method: 'GET' as const, url: '/api/users' },
    { method: 'POST' as const, url: '/api/users', payload: newUser },
    {
      method: 'PATCH' as const,
      url: '/api/users/00000000-0000-4000-8000-000000000000/active',
      payload: { active: false },
    },
  ];

  test('401 signed out and 403 for every other role on every route', async () => {
    for (const r of routes) {
      const anon = await t.app.inject(r);
      assert.equal(anon.statusCode, 401, `${r.method} ${r.url}`);
      for (const email of otherRoles('admin')) {
        const res = await t.app.inject({ ...r, headers: { cookie: await t.login(email) } });
        assert.equal(res.statusCode, 403, `${email} ${r.method} ${r.url}`);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
    }
  });

  test('lists accounts with search, role filter and pagination', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=3&page=1', headers: { cookie: admin } });
    assert.equal(all.statusCode, 200);
    assert.equal(all.json().total, 8);
    assert.equal(all.json().items.length, 3);
    const council = await t.app.inject({
      method: 'GET',
      url: '/api/users?role=council_member',
      headers: { cookie: admin },
    });
    assert.equal(council.json().total, 3);
    const search = await t.app.inject({ method: 'GET', url: '/api/users?q=OFFICER', headers: { cookie: admin } });
    assert.deepEqual(
      search.json().items.map((u: { email: string }) => u.email),
      [DEMO.officer],
    );
    // LIKE wildcards in the search are matched literally.
    const wildcard = await t.app.inject({ method: 'GET', url: '/api/users?q=%25', headers: { cookie: admin } });
    assert.equal(wildcard.json().total, 0);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/users?pageSize=5000&role=king',
      headers: { cookie: admin },
    });
    assert.equal(bad.statusCode, 400);
    const paths = bad.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    assert.deepEqual(paths.sort(), ['querystring.pageSize', 'querystring.role']);
  });

  test('400 for bad account data, each with the field at fault, and nothing is created', async () => {
    const cases: [object, string][] = [
      [{ ...newUser, email: 'nope' }, 'body.email'],
      [{ ...newUser, roles: [] }, 'body.roles'],
      [{ ...newUser, roles: ['emperor'] }, 'body.roles.0'],
      [{ ...newUser, communeCodes: [] }, 'body.communeCodes'],
      [{ ...newUser, communeCodes: ['99999'] }, 'body.communeCodes'],
      [{ ...newUser, communeCodes: ['017'] }, 'body.communeCodes.0'],
      [{ ...newUser, password: 'short' }, 'body.password'],
    ];
    for (const [payload, path] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload });
      assert.equal(res.statusCode, 400, path);
      const paths = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
      assert.ok(paths.includes(path), `${path} not in ${paths}`);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
    assert.equal(list.json().total, 8);
  });

  test('creates an account that can sign in with its scope, audited; duplicate e-mail is 409', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: newUser });
    assert.equal(res.statusCode, 201);
    const created = res.json();
    assert.equal(created.email, newUser.email);
    assert.equal(created.active, true);
    assert.deepEqual(created.communes, [{ scheme: '2025-07', code: '00577', fullName: 'Xã Bát Tràng' }]);
    const cookie = await t.login(newUser.email, newUser.password);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.deepEqual(me.json().roles, ['commune_officer']);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { ...newUser, email: newUser.email.toUpperCase() },
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.code, 'EMAIL_TAKEN');
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=user.created&actorEmail=admin@demo.hoptac.vn',
      headers: { cookie: admin },
    });
    const entry = audit.json().items[0];
    assert.equal(entry.entityId, created.id);
    assert.equal(entry.after.email, newUser.email);
    assert.doesNotMatch(JSON.stringify(entry), /mat-khau/);
  });

  test('disabling an account ends its sessions and blocks sign-in; enabling restores it', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/api/users?q=${DEMO.buyer}`, headers: { cookie: admin } });
    const buyer = list.json().items[0];
    const buyerCookie = await t.login(DEMO.buyer);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${buyer.id}/active`,
      headers: { cookie: admin },
      payload: { active: false },
    });
    assert.equal(off.statusCode, 200);
    assert.equal(off.json().active, false);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: buyerCookie } })).statusCode,
      401,
    );
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO.buyer, password: 'hoptac-demo' },
    });
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().error.code, 'ACCOUNT_DISABLED');
    const on = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${buyer.id}/active`,
      headers: { cookie: admin },
      payload: { active: true },
    });
    assert.equal(on.json().active, true);
    await t.login(DEMO.buyer);
  });

  test('404 for an unknown account, 400 for a malformed id, 409 for disabling oneself', async () => {
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/00000000-0000-4000-8000-000000000000/active',
      headers: { cookie: admin },
      payload: { active: false },
    });
    assert.equal(missing.statusCode, 404);
    const malformed = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/42/active',
      headers: { cookie: admin },
      payload: { active: 'no' },
    });
    assert.equal(malformed.statusCode, 400);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } });
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.json().id}/active`,
      headers: { cookie: admin },
      payload: { active: false },
    });
    assert.equal(self.statusCode, 409);
  });
});
