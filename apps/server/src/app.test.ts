import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, DEMO, testDatabaseKind, type TestApp } from './testing/index.ts';

describe('application shell', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('health names the database in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: testDatabaseKind() });
  });

  test('OpenAPI document lists every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    for (const p of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/me',
      '/api/auth/logout',
      '/api/auth/password',
      '/api/users',
      '/api/users/{id}/active',
      '/api/places/units',
      '/api/places/units/{scheme}/{code}',
      '/api/places/units/{scheme}/{code}/detail',
      '/api/places/schemes',
      '/api/audit',
    ]) {
      assert.ok(doc.paths[p], `missing ${p}`);
    }
    // Response schemas are documented too, error shape included.
    assert.ok(doc.paths['/api/auth/login'].post.responses['401']);
  });

  test('docs UI is served', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /html/);
  });

  test('unknown API path is a JSON 404 with a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(res.statusCode, 404);
    const body = res.json();
    assert.equal(body.error.code, 'NOT_FOUND');
    assert.equal(typeof body.error.requestId, 'string');
  });

  test('malformed JSON is a 400 VALIDATION_FAILED, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
  });

  test('oversized body is refused with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.vn', password: 'x'.repeat(2_000_000) },
    });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
  });

  test('wrong content type is refused with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('an unexpected failure answers 500 without internals', async () => {
    const { buildApp } = await import('./app.ts');
    const app = await buildApp({
      database: t.database,
      config: {
        sessionTtlHours: 1,
        loginRateLimit: 10,
        cookieSecure: false,
        webDist: '/nonexistent',
        logLevel: 'silent',
        trustProxy: false,
      },
    });
    app.get('/api/boom', async () => {
      throw new Error('secret connection string postgres://u:p@h/db');
    });
    const res = await app.inject({ method: 'GET', url: '/api/boom' });
    await app.close();
    assert.equal(res.statusCode, 500);
    assert.equal(res.json().error.code, 'INTERNAL');
    assert.doesNotMatch(res.body, /secret|postgres:/);
  });
});

describe('web hosting', () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoptac-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hoptac</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await createTestApp({ webDist: dir });
  });
  after(async () => {
    await t.close();
    (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
  });

  test('client-side routes get the app page, never cached', async () => {
    for (const url of ['/', '/units/2025-07/00004', '/admin/users?page=2']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<title>Hoptac/);
      assert.equal(res.headers['cache-control'], 'no-cache');
    }
  });

  test('hashed assets are cached for good; a missing file is a 404, not the app page', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(asset.headers['cache-control'] as string, /immutable/);
    const missing = await t.app.inject({ method: 'GET', url: '/assets/app-old.js' });
    assert.equal(missing.statusCode, 404);
  });

  test('the session probe answers visitors with 200 and no user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { user: null });
    const cookie = await t.login(DEMO.admin);
    const signedIn = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    assert.equal(signedIn.json().user.email, DEMO.admin);
  });
});
