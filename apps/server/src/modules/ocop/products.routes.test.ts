import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listCriteria, previewScore, vietnamDate, type RubricSheet } from '@hoptac/core';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, insertTestEntity, otherRoles, type TestApp } from '../../testing/index.ts';
import { users } from '../identity/index.ts';
import { fillEvidenceLocker } from './evidence.seed.ts';

const SHEET = 'qd26-2026-che-bien-tu-rau-cu-qua-hat';
const SET = 'Chế biến từ rau, củ, quả, hạt';

describe('ocop: products and self-assessment', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let coop: string;
  let sheet: RubricSheet;
  const ids = { own: '', outside: '', dissolved: '' };
  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ids.own = await insertTestEntity(db, 'HTX Nông sản Xuân Canh', '00454');
    ids.outside = await insertTestEntity(db, 'HTX Ba Đình', '00004');
    await fillEvidenceLocker(db, ids.own, vietnamDate(new Date()));
    await fillEvidenceLocker(db, ids.outside, vietnamDate(new Date()));
    ids.dissolved = await insertTestEntity(db, 'HTX Đã giải thể', '00454', { status: 'dissolved' });
    await db.update(users).set({ entityId: ids.own }).where(eq(users.email, DEMO.coop));
    [admin, officer, coop] = await Promise.all([t.login(DEMO.admin), t.login(DEMO.officer), t.login(DEMO.coop)]);
    sheet = (await t.app.inject({ method: 'GET', url: `/api/ocop/rubrics/${SHEET}` })).json();
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
  const product = (o: Record<string, unknown> = {}) => ({
    entityId: ids.own,
    name: 'Nhãn sấy Xuân Canh',
    rubricId: SHEET,
    productSet: SET,
    description: 'Nhãn lồng sấy dẻo, không đường',
    packaging: 'Túi zip 500 g',
    priceVnd: 120_000,
    priceUnit: 'túi 500 g',
    ...o,
  });
  const firstLevels = () => Object.fromEntries(listCriteria(sheet).map(({ criterion }) => [criterion.code, 0]));

  test('every route: 401 signed out, 403 for buyers, showrooms and council members', async () => {
    const routes: ['GET' | 'POST', string, object?][] = [
      ['GET', '/api/ocop/products'],
      ['POST', '/api/ocop/products', product()],
    ];
    for (const [method, url, payload] of routes) {
      assert.equal((await call(method, url, undefined, payload)).statusCode, 401, url);
      for (const email of otherRoles('admin', 'officer', 'coop')) {
        assert.equal((await call(method, url, await t.login(email), payload)).statusCode, 403, `${email} ${url}`);
      }
    }
  });

  test('registering: 400 with the field at fault and nothing written; 403 outside the scope', async () => {
    const cases: [object, string][] = [
      [product({ name: 'x' }), 'body.name'],
      [product({ rubricId: 'no-such-sheet' }), 'body.rubricId'],
      [product({ rubricId: 'qd1048-che-bien-tu-rau-cu-qua-hat' }), 'body.rubricId'],
      [product({ productSet: 'Rượu trắng' }), 'body.productSet'],
      [product({ priceVnd: -5 }), 'body.priceVnd'],
      [product({ entityId: 'not-a-uuid' }), 'body.entityId'],
      [product({ entityId: ids.dissolved }), 'body.entityId'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', '/api/ocop/products', officer, payload);
      assert.equal(res.statusCode, 400, field);
      assert.ok(
        res.json().error.details.issues.some((i: { path: string[] }) => i.path.join('.') === field),
        `${field}: ${res.body}`,
      );
    }
    assert.equal((await call('POST', '/api/ocop/products', coop, product({ entityId: ids.outside }))).statusCode, 403);
    assert.equal(
      (await call('POST', '/api/ocop/products', officer, product({ entityId: ids.outside }))).statusCode,
      403,
    );
    const [counted] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from ocop_products`);
    assert.equal(counted?.n, 0);
  });

  test('a producer registers, self-assesses step by step, and submits; officials in scope follow it', async () => {
    const created = await call('POST', '/api/ocop/products', coop, product());
    assert.equal(created.statusCode, 201, created.body);
    const id: string = created.json().id;
    assert.deepEqual(
      [created.json().status, created.json().canEdit, created.json().selfAssessment],
      ['draft', true, null],
    );
    assert.equal(created.json().entity.communeName, 'Xã Đông Anh');

    // Submitting before any self-assessment names what is missing.
    const early = await call('POST', `/api/ocop/products/${id}/submit`, coop);
    assert.equal(early.statusCode, 400);

    // Half an assessment is saved and lists the rest; a level outside the sheet is refused.
    const answers = firstLevels();
    const half = Object.fromEntries(Object.entries(answers).slice(0, 5));
    const saved = await call('PUT', `/api/ocop/products/${id}/self-assessment`, coop, { answers: half });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().selfAssessment.missing.length, Object.keys(answers).length - 5);
    assert.equal(saved.json().selfAssessment.result, null);
    const wrong = await call('PUT', `/api/ocop/products/${id}/self-assessment`, coop, { answers: { '1.1': 99 } });
    assert.deepEqual(
      wrong.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.')),
      ['body.answers.1.1'],
    );
    const incomplete = await call('POST', `/api/ocop/products/${id}/submit`, coop);
    assert.equal(incomplete.statusCode, 400);
    assert.ok(incomplete.json().error.details.issues.every((i: { code: string }) => i.code === 'MISSING'));

    const full = await call('PUT', `/api/ocop/products/${id}/self-assessment`, coop, { answers });
    const expected = previewScore(sheet, answers);
    assert.deepEqual(
      [full.json().selfAssessment.result.total, full.json().selfAssessment.result.star, full.json().selfStar],
      [expected.total, expected.star, expected.star],
    );
    assert.ok(full.json().selfAssessment.result.nextStar.changes.length > 0, 'the next-star plan is given');

    const submitted = await call('POST', `/api/ocop/products/${id}/submit`, coop);
    assert.equal(submitted.statusCode, 200);
    assert.deepEqual([submitted.json().status, submitted.json().canEdit], ['submitted', false]);
    const frozen = await call('PATCH', `/api/ocop/products/${id}`, coop, { name: 'Nhãn sấy dẻo' });
    assert.equal(frozen.statusCode, 409);
    assert.equal(frozen.json().error.code, 'ACTION_NOT_ALLOWED');

    const officerList = (await call('GET', '/api/ocop/products?status=submitted&q=nhan%20say', officer)).json();
    assert.deepEqual(
      officerList.items.map((p: { id: string }) => p.id),
      [id],
    );
    assert.equal((await call('GET', `/api/ocop/products/${id}`, admin)).statusCode, 200);
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_id = ${id} order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['ocop.product.create', 'ocop.self_assessment.save', 'ocop.self_assessment.save', 'ocop.product.submit'],
    );
  });

  test('each role sees its own scope of products', async () => {
    const outside = await call(
      'POST',
      '/api/ocop/products',
      admin,
      product({ entityId: ids.outside, name: 'Trà sen' }),
    );
    assert.equal(outside.statusCode, 201);
    const names = async (cookie: string) =>
      (await call('GET', '/api/ocop/products', cookie))
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort();
    assert.deepEqual(await names(admin), ['Nhãn sấy Xuân Canh', 'Trà sen']);
    assert.deepEqual(await names(officer), ['Nhãn sấy Xuân Canh']);
    assert.deepEqual(await names(coop), ['Nhãn sấy Xuân Canh']);
    assert.equal((await call('GET', `/api/ocop/products/${outside.json().id}`, coop)).statusCode, 403);
    assert.equal((await call('GET', `/api/ocop/products/${outside.json().id}`, officer)).statusCode, 403);
    assert.equal((await call('GET', '/api/ocop/products/00000000-0000-4000-8000-000000000000', admin)).statusCode, 404);
    assert.equal((await call('GET', '/api/ocop/products?pageSize=500', admin)).statusCode, 400);
  });

  test('changing the sheet of a draft clears its self-assessment', async () => {
    const created = (await call('POST', '/api/ocop/products', coop, product({ name: 'Mứt gừng' }))).json();
    await call('PUT', `/api/ocop/products/${created.id}/self-assessment`, coop, { answers: firstLevels() });
    const moved = await call('PATCH', `/api/ocop/products/${created.id}`, coop, {
      rubricId: 'qd26-2026-rau-cu-qua-hat-tuoi',
      productSet: 'Rau, củ, quả, hạt tươi',
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual([moved.json().rubricId, moved.json().selfAssessment], ['qd26-2026-rau-cu-qua-hat-tuoi', null]);
    const mismatched = await call('PATCH', `/api/ocop/products/${created.id}`, coop, { productSet: SET });
    assert.equal(mismatched.statusCode, 400);
  });
});
