import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, DEMO, otherRoles, type TestApp } from '../../testing/index.ts';

describe('audit log browsing', () => {
  let t: TestApp;
  let admin: string;
  before(async () => {
    t = await createTestApp();
    admin = await t.login(DEMO.admin);
  });
  after(() => t.close());
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  test('401 signed out, 403 for every role but city admin', async () => {
    assert.equal((await get('/api/audit')).statusCode, 401);
    for (const email of otherRoles('admin')) {
      assert.equal((await get('/api/audit', await t.login(email))).statusCode, 403, email);
    }
  });

  test('400 for malformed filters', async () => {
    for (const q of ['from=yesterday', 'to=2026-13-40', 'pageSize=201']) {
      const res = await get(`/api/audit?${q}`, admin);
      assert.equal(res.statusCode, 400, q);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
  });

  test('newest first, filtered by action, actor and date', async () => {
    await t.login(DEMO.officer);
    const res = await get('/api/audit?action=auth.login&actorEmail=officer@demo.hoptac.vn', admin);
    assert.equal(res.statusCode, 200);
    const items = res.json().items;
    assert.ok(items.length >= 1);
    assert.ok(
      items.every(
        (e: { action: string; actor: { email: string } }) =>
          e.action === 'auth.login' && e.actor.email === DEMO.officer,
      ),
    );
    const all = (await get('/api/audit?pageSize=200', admin)).json().items as { at: string }[];
    const times = all.map((e) => e.at);
    assert.deepEqual([...times].sort().reverse(), times);
    // The demo seed wrote one entry per account, without an actor.
    assert.equal((await get('/api/audit?action=user.created', admin)).json().total, 8);
    const today = new Date().toISOString().slice(0, 10);
    assert.ok((await get(`/api/audit?from=${today}&to=${today}`, admin)).json().total > 0);
    assert.equal((await get('/api/audit?to=2000-01-01', admin)).json().total, 0);
  });
});
