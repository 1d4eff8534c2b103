import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import {
  createTestApp,
  DEMO,
  insertTestEntity,
  multipartBody,
  otherRoles,
  SAMPLE_FILES,
  type TestApp,
} from '../../testing/index.ts';
import { caller, issuePaths, linkEntity, MISSING_ID, SET, SHEET, type Method } from './rounds.fixtures.ts';

type Photo = { id: string; mediaId: string; position: number; mediaType: string };

describe('ocop: product photos and the public media route', () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  const c: Record<string, string> = {};
  let productId = '';
  let outsideProduct = '';
  const send = (cookie: string | undefined, id: string, content: Buffer, name = 'anh.jpg') => {
    const body = multipartBody({}, { name, content, type: 'image/jpeg' });
    return t.app.inject({
      method: 'POST',
      url: `/api/ocop/products/${id}/photos`,
      payload: body.payload,
      headers: { ...body.headers, ...(cookie ? { cookie } : {}) },
    });
  };

  before(async () => {
    t = await createTestApp();
    call = caller(t);
    const own = await insertTestEntity(t.database.db, 'HTX Nông sản Xuân Canh', '00454');
    const outside = await insertTestEntity(t.database.db, 'HTX Ba Đình', '00004');
    await linkEntity(t.database.db, DEMO.coop, own);
    for (const [k, email] of Object.entries({ admin: DEMO.admin, officer: DEMO.officer, coop: DEMO.coop }))
      c[k] = await t.login(email);
    const product = { rubricId: SHEET, productSet: SET };
    productId = (
      await call('POST', '/api/ocop/products', c.coop, { ...product, entityId: own, name: 'Nhãn sấy' })
    ).json().id;
    outsideProduct = (
      await call('POST', '/api/ocop/products', c.admin, { ...product, entityId: outside, name: 'Trà sen Ba Đình' })
    ).json().id;
  });
  after(() => t.close());

  test('every route: 401 signed out, 403 for other roles and outside the scope', async () => {
    const routes: [Method, string, object?][] = [
      ['GET', `/api/ocop/products/${productId}/photos`],
      ['PUT', `/api/ocop/products/${productId}/photos/order`, { ids: [MISSING_ID] }],
      ['DELETE', `/api/ocop/products/${productId}/photos/${MISSING_ID}`],
    ];
    for (const [method, url, payload] of routes) {
      assert.equal((await call(method, url, undefined, payload)).statusCode, 401, url);
      for (const email of otherRoles('admin', 'officer', 'coop'))
        assert.equal((await call(method, url, await t.login(email), payload)).statusCode, 403, `${email} ${url}`);
    }
    assert.equal((await send(undefined, productId, SAMPLE_FILES.jpeg)).statusCode, 401);
    for (const email of otherRoles('admin', 'officer', 'coop'))
      assert.equal((await send(await t.login(email), productId, SAMPLE_FILES.jpeg)).statusCode, 403, email);
    assert.equal((await send(c.coop, outsideProduct, SAMPLE_FILES.jpeg)).statusCode, 403);
    assert.equal((await send(c.officer, outsideProduct, SAMPLE_FILES.jpeg)).statusCode, 403);
    assert.equal((await call('GET', `/api/ocop/products/${outsideProduct}/photos`, c.coop)).statusCode, 403);
  });

  test('bad uploads: 415 for a PDF or a text named .jpg, 413 over 5 MB, 400 without a file; 404 unknown product', async () => {
    for (const content of [SAMPLE_FILES.pdf, SAMPLE_FILES.text]) {
      const res = await send(c.coop, productId, content);
      assert.equal(res.statusCode, 415, res.body);
      assert.deepEqual(res.json().error.details.accepted, ['image/jpeg', 'image/png', 'image/webp']);
    }
    const big = await send(c.coop, productId, Buffer.concat([SAMPLE_FILES.jpeg, Buffer.alloc(5 * 1024 * 1024)]));
    assert.equal(big.statusCode, 413);
    const body = multipartBody({}, null);
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/ocop/products/${productId}/photos`,
      payload: body.payload,
      headers: { ...body.headers, cookie: c.coop! },
    });
    assert.deepEqual([empty.statusCode, issuePaths(empty)], [400, ['body.file']]);
    assert.equal((await send(c.coop, MISSING_ID, SAMPLE_FILES.jpeg)).statusCode, 404);
    assert.equal((await call('GET', `/api/ocop/products/${productId}/photos`, c.coop)).json().items.length, 0);
  });

  test('up to six photos; reorder and delete; the public route serves photos only, cached for good', async () => {
    const kinds = [
      SAMPLE_FILES.jpeg,
      SAMPLE_FILES.png,
      SAMPLE_FILES.webp,
      SAMPLE_FILES.jpeg,
      SAMPLE_FILES.png,
      SAMPLE_FILES.webp,
    ];
    let photos: Photo[] = [];
    for (const content of kinds) {
      const res = await send(c.coop, productId, content);
      assert.equal(res.statusCode, 201, res.body);
      photos = res.json().items;
    }
    assert.deepEqual(
      photos.map((p) => p.mediaType),
      ['image/jpeg', 'image/png', 'image/webp', 'image/jpeg', 'image/png', 'image/webp'],
    );
    const seventh = await send(c.officer, productId, SAMPLE_FILES.jpeg);
    assert.deepEqual([seventh.statusCode, seventh.json().error.code], [409, 'ACTION_NOT_ALLOWED']);

    const reversed = photos.map((p) => p.id).reverse();
    const reordered = await call('PUT', `/api/ocop/products/${productId}/photos/order`, c.coop, { ids: reversed });
    assert.equal(reordered.statusCode, 200, reordered.body);
    assert.deepEqual(
      reordered.json().items.map((p: Photo) => p.id),
      reversed,
    );
    const partial = await call('PUT', `/api/ocop/products/${productId}/photos/order`, c.coop, {
      ids: reversed.slice(1),
    });
    assert.deepEqual([partial.statusCode, issuePaths(partial)], [400, ['body.ids']]);
    const twice = await call('PUT', `/api/ocop/products/${productId}/photos/order`, c.coop, {
      ids: [reversed[0], reversed[0]],
    });
    assert.equal(twice.statusCode, 400);

    const media = await call('GET', `/api/public/media/${photos[1]!.mediaId}`);
    assert.equal(media.statusCode, 200);
    assert.equal(media.headers['content-type'], 'image/png');
    assert.equal(media.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.deepEqual(media.rawPayload, SAMPLE_FILES.png);

    const removed = await call('DELETE', `/api/ocop/products/${productId}/photos/${photos[1]!.id}`, c.officer);
    assert.equal(removed.statusCode, 200);
    assert.equal(removed.json().items.length, 5);
    assert.equal((await call('GET', `/api/public/media/${photos[1]!.mediaId}`)).statusCode, 404);
    assert.equal(
      (await call('DELETE', `/api/ocop/products/${productId}/photos/${photos[1]!.id}`, c.coop)).statusCode,
      404,
    );
    assert.equal((await call('GET', '/api/public/media/nope')).statusCode, 400);
  });

  test('the public media route never serves an evidence document', async () => {
    const body = multipartBody(
      { kind: 'trademark', title: 'Giấy chứng nhận nhãn hiệu', issuedOn: '2026-01-01' },
      { name: 'nhan-hieu.png', content: SAMPLE_FILES.png },
    );
    const doc = await t.app.inject({
      method: 'POST',
      url: '/api/ocop/evidence',
      payload: body.payload,
      headers: { ...body.headers, cookie: c.coop! },
    });
    assert.equal(doc.statusCode, 201, doc.body);
    const [row] = await queryRows<{ fileId: string }>(
      t.database.db,
      sql`select file_id as "fileId" from ocop_evidence_documents where id = ${doc.json().id}`,
    );
    assert.equal((await call('GET', `/api/public/media/${row!.fileId}`)).statusCode, 404);
    assert.equal((await call('GET', `/api/public/media/${MISSING_ID}`)).statusCode, 404);
  });
});
