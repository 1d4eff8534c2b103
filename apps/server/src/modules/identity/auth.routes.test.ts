import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cookieFrom, createTestApp, DEMO, type TestApp } from '../../testing/index.ts';

describe('sign-in, session and account', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const login = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object });
  const audit = async (action: string) => {
    const admin = await t.login(DEMO.admin);
    const res = await t.app.inject({ method: 'GET', url: `/api/audit?action=${action}`, headers: { cookie: admin } });
    return res.json().items as { entityId: string; actor: { email: string } | null; after: unknown; before: unknown }[];
  };

  test('400 with field paths for a malformed login', async () => {
    const res = await login({ email: 'not-an-email', password: '' });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    const paths = body.error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    assert.ok(paths.includes('body.email'));
    assert.ok(paths.includes('body.password'));
  });

  test('wrong password and unknown e-mail get the same generic 401', async () => {
    const wrong = await login({ email: DEMO.admin, password: 'wrong-password' });
    const unknown = await login({ email: 'nobody@demo.hoptac.vn', password: 'wrong-password' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
    assert.equal(wrong.json().error.message, unknown.json().error.message);
    assert.equal(wrong.cookies.length, 0);
  });

  test('sign-in sets an HttpOnly SameSite session cookie; e-mail case does not matter', async () => {
    const res = await login({ email: '  Officer@Demo.Hoptac.VN ', password: 'hoptac-demo' });
    assert.equal(res.statusCode, 200);
    const user = res.json();
    assert.equal(user.email, DEMO.officer);
    assert.deepEqual(user.roles, ['commune_officer']);
    assert.deepEqual(
      user.communes.map((c: { code: string }) => c.code),
      ['00454', '00577'],
    );
    assert.equal(user.communes[0].fullName, 'Xã Đông Anh');
    assert.equal('passwordHash' in user, false);
    const c = res.cookies.find((x) => x.name === 'hoptac_session')!;
    assert.equal(c.httpOnly, true);
    assert.equal(c.sameSite, 'Lax');
    assert.equal(c.path, '/');
    assert.ok(c.expires instanceof Date && c.expires.getTime() > Date.now());
  });

  test('/me is 401 when signed out or with a forged cookie, 200 when signed in', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode, 401);
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'hoptac_session=forged' },
    });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, 'UNAUTHENTICATED');
    const cookie = await t.login(DEMO.council);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json().roles, ['council_member']);
  });

  test('logout ends the session server-side and is audited', async () => {
    const cookie = await t.login(DEMO.buyer);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    assert.equal(out.statusCode, 204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(me.statusCode, 401);
    assert.ok((await audit('auth.logout')).some((e) => e.actor?.email === DEMO.buyer));
    // Logging out again (or without a session) is harmless.
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode, 204);
  });

  test('profile update: 401 signed out, 400 bad input, 200 and audited', async () => {
    assert.equal(
      (await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' } })).statusCode,
      401,
    );
    const cookie = await t.login(DEMO.outlet);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie },
      payload: { locale: 'fr', displayName: '' },
    });
    assert.equal(bad.statusCode, 400);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie },
      payload: { locale: 'en', displayName: 'Bùi Thanh Tâm' },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().locale, 'en');
    assert.equal(ok.json().displayName, 'Bùi Thanh Tâm');
    const entries = await audit('user.profile_updated');
    assert.ok(
      entries.some(
        (e) => (e.after as { locale: string }).locale === 'en' && (e.before as { locale: string }).locale === 'vi',
      ),
    );
  });

  test('password change: 401, 400 too short, 400 wrong current, then 204 with other sessions ended', async () => {
    const url = '/api/auth/password';
    assert.equal(
      (await t.app.inject({ method: 'POST', url, payload: { currentPassword: 'x', newPassword: 'y'.repeat(12) } }))
        .statusCode,
      401,
    );
    const cookie = await t.login(DEMO.coop);
    const other = await t.login(DEMO.coop);
    const short = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie },
      payload: { currentPassword: 'hoptac-demo', newPassword: 'short' },
    });
    assert.equal(short.statusCode, 400);
    assert.deepEqual(short.json().error.details.issues[0].path, ['body', 'newPassword']);
    const wrong = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie },
      payload: { currentPassword: 'not-it', newPassword: 'a-long-new-password' },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.code, 'WRONG_PASSWORD');
    const ok = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie },
      payload: { currentPassword: 'hoptac-demo', newPassword: 'a-long-new-password' },
    });
    assert.equal(ok.statusCode, 204);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 200);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode,
      401,
    );
    assert.equal((await login({ email: DEMO.coop, password: 'hoptac-demo' })).statusCode, 401);
    assert.equal((await login({ email: DEMO.coop, password: 'a-long-new-password' })).statusCode, 200);
    const entries = await audit('user.password_changed');
    assert.equal(entries.length, 1);
    assert.doesNotMatch(JSON.stringify(entries), /argon2|a-long-new-password/);
  });

  test('successful and failed sign-ins are audited without the password', async () => {
    const failed = await audit('auth.login_failed');
    assert.ok(failed.some((e) => (e.after as { email: string }).email === 'nobody@demo.hoptac.vn'));
    assert.doesNotMatch(JSON.stringify(failed), /wrong-password/);
    assert.ok((await audit('auth.login')).length > 0);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ loginRateLimit: 3 });
  });
  after(() => t.close());

  test('the fourth attempt in a minute for one account is refused with 429 RATE_LIMITED', async () => {
    const attempt = () =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.admin, password: 'guess' } });
    for (let i = 0; i < 3; i++) assert.equal((await attempt()).statusCode, 401);
    const limited = await attempt();
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'RATE_LIMITED');
    // Even the right password is refused until the window passes.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO.admin, password: 'hoptac-demo' },
    });
    assert.equal(right.statusCode, 429);
    // Another account from the same address is not locked out.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO.buyer, password: 'hoptac-demo' },
    });
    assert.equal(other.statusCode, 200);
    assert.ok(cookieFrom(other));
  });
});

describe('session expiry', () => {
  let t: TestApp;
  let clock = new Date('2026-01-01T08:00:00Z');
  before(async () => {
    t = await createTestApp({ now: () => clock });
  });
  after(() => t.close());

  test('a session stops working after its lifetime', async () => {
    const cookie = await t.login(DEMO.admin);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 200);
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 401);
  });
});
