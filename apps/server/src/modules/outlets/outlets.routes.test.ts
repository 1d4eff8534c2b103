import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, insertTestEntity, otherRoles, type TestApp } from '../../testing/index.ts';
import { caller, issuePaths, MISSING_ID } from '../ocop/rounds.fixtures.ts';
import { insertCertifiedProduct } from '../ocop/verify.fixtures.ts';
import { createOutletsService } from './outlets.service.ts';

const NOW = new Date('2026-11-24T03:00:00Z');

const showroom = {
  name: 'Showroom OCOP Hoàn Kiếm',
  type: 'ocop_showroom',
  address: 'Số 12 phố Tràng Tiền',
  communeCode: '00070',
  lat: 21.0249,
  lng: 105.8553,
  openingHours: '8:00–21:00',
  contact: 'lienhe@ocop.example.vn',
  openedOn: '2026-03-01',
};

describe('outlets', () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  const c: Record<string, string> = {};
  const product = { certified: '', revoked: '' };
  const outlet = { city: '', operators: '', far: '' };
  let operatorId = '';

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    call = caller(t);
    for (const [k, email] of Object.entries(DEMO)) c[k] = await t.login(email);
    const entityId = await insertTestEntity(t.database.db, 'HTX Gốm Bát Tràng', '00577');
    const entityName = 'HTX Gốm Bát Tràng';
    product.certified = (
      await insertCertifiedProduct(t.database.db, { entityId, entityName, name: 'Bình gốm men lam' })
    ).productId;
    product.revoked = (
      await insertCertifiedProduct(t.database.db, {
        entityId,
        entityName,
        name: 'Chén gốm men rạn',
        revokedAt: new Date('2026-01-01T00:00:00Z'),
      })
    ).productId;
    operatorId = (
      await queryRows<{ id: string }>(t.database.db, sql`select id from users where email = ${DEMO.outlet}`)
    )[0]!.id;
  });
  after(() => t.close());

  test('POST /api/outlets: 401, 403 for other roles, 400 per field, city admin and operator create', async () => {
    assert.equal((await call('POST', '/api/outlets', undefined, showroom)).statusCode, 401);
    for (const email of otherRoles('admin', 'outlet'))
      assert.equal((await call('POST', '/api/outlets', await t.login(email), showroom)).statusCode, 403, email);
    const bad: [object, string][] = [
      [{ ...showroom, type: 'kiosk' }, 'body.type'],
      [{ ...showroom, communeCode: '99999' }, 'body.communeCode'],
      [{ ...showroom, lat: null }, 'body.lat'],
      [{ ...showroom, type: 'online_shop', lat: null, lng: null }, 'body.url'],
      [{ ...showroom, url: 'ftp://x.vn' }, 'body.url'],
      [{ ...showroom, openedOn: '2027-01-01' }, 'body.openedOn'],
      [{ ...showroom, operatorId: MISSING_ID }, 'body.operatorId'],
    ];
    for (const [body, path] of bad)
      assert.deepEqual(issuePaths(await call('POST', '/api/outlets', c.admin, body)), [path], path);
    const before = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from outlets`);
    assert.equal(before[0]!.n, 0, 'a refused request changes nothing');

    const city = await call('POST', '/api/outlets', c.admin, showroom);
    assert.equal(city.statusCode, 201);
    assert.equal(city.json().communeName, 'Phường Hoàn Kiếm');
    assert.equal(city.json().operator, null);
    outlet.city = city.json().id;

    // An operator's new outlet is their own, whatever the body says.
    const own = await call('POST', '/api/outlets', c.outlet, {
      ...showroom,
      name: 'Điểm bán OCOP Đông Anh',
      type: 'point_of_sale',
      communeCode: '00454',
      lat: 21.1397,
      lng: 105.8486,
    });
    assert.equal(own.statusCode, 201);
    assert.equal(own.json().operator.id, operatorId);
    outlet.operators = own.json().id;
    const assigned = await call('POST', '/api/outlets', c.admin, {
      ...showroom,
      name: 'Điểm bán OCOP Sơn Tây',
      communeCode: '09574',
      lat: 21.1412,
      lng: 105.5063,
      operatorId,
      openedOn: '2025-05-01',
    });
    assert.equal(assigned.json().operator.id, operatorId);
    outlet.far = assigned.json().id;
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from audit_log where action = 'outlet.create'`,
    );
    assert.equal(audit[0]!.n, 3);
  });

  test('GET /api/outlets and /api/outlets/:id: the city sees all, an operator their own', async () => {
    assert.equal((await call('GET', '/api/outlets')).statusCode, 401);
    for (const email of otherRoles('admin', 'outlet'))
      assert.equal((await call('GET', '/api/outlets', await t.login(email))).statusCode, 403, email);
    assert.deepEqual(issuePaths(await call('GET', '/api/outlets?type=kiosk', c.admin)), ['querystring.type']);
    assert.equal((await call('GET', '/api/outlets', c.admin)).json().total, 3);
    const mine = (await call('GET', '/api/outlets', c.outlet)).json();
    assert.deepEqual(mine.items.map((o: { id: string }) => o.id).sort(), [outlet.operators, outlet.far].sort());
    assert.equal((await call('GET', '/api/outlets?q=hoàn', c.admin)).json().total, 1);

    assert.equal((await call('GET', `/api/outlets/${outlet.city}`)).statusCode, 401);
    assert.equal((await call('GET', `/api/outlets/${outlet.city}`, c.buyer)).statusCode, 403);
    assert.equal((await call('GET', `/api/outlets/${outlet.city}`, c.outlet)).statusCode, 403);
    assert.deepEqual(issuePaths(await call('GET', '/api/outlets/nope', c.admin)), ['params.id']);
    assert.equal((await call('GET', `/api/outlets/${MISSING_ID}`, c.admin)).statusCode, 404);
    assert.equal((await call('GET', `/api/outlets/${outlet.operators}`, c.outlet)).json().canEdit, true);
  });

  test('PATCH /api/outlets/:id: the keeper edits; operators cannot hand outlets over', async () => {
    const url = `/api/outlets/${outlet.operators}`;
    assert.equal((await call('PATCH', url, undefined, { openingHours: '7:00–22:00' })).statusCode, 401);
    for (const email of otherRoles('admin', 'outlet'))
      assert.equal((await call('PATCH', url, await t.login(email), { openingHours: 'x' })).statusCode, 403, email);
    assert.equal((await call('PATCH', `/api/outlets/${outlet.city}`, c.outlet, { openingHours: 'x' })).statusCode, 403);
    assert.deepEqual(issuePaths(await call('PATCH', url, c.outlet, { name: 'x' })), ['body.name']);
    assert.deepEqual(issuePaths(await call('PATCH', url, c.outlet, { operatorId: MISSING_ID })), ['body.operatorId']);
    assert.deepEqual(issuePaths(await call('PATCH', url, c.outlet, { operatorId: null })), ['body.operatorId']);
    assert.deepEqual(issuePaths(await call('PATCH', url, c.admin, { operatorId: MISSING_ID })), ['body.operatorId']);
    const ok = await call('PATCH', url, c.outlet, { openingHours: '7:00–22:00' });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().openingHours, '7:00–22:00');
    assert.equal((await call('PATCH', url, c.admin, { contact: '' })).json().contact, null);
  });

  test('stock: certified products only, by the keeper; add, list, remove', async () => {
    const url = `/api/outlets/${outlet.operators}/products`;
    const body = { productId: product.certified };
    assert.equal((await call('POST', url, undefined, body)).statusCode, 401);
    for (const email of otherRoles('admin', 'outlet'))
      assert.equal((await call('POST', url, await t.login(email), body)).statusCode, 403, email);
    assert.equal((await call('POST', `/api/outlets/${outlet.city}/products`, c.outlet, body)).statusCode, 403);
    assert.deepEqual(issuePaths(await call('POST', url, c.outlet, { productId: 'x' })), ['body.productId']);
    const revoked = await call('POST', url, c.outlet, { productId: product.revoked });
    assert.equal(revoked.json().error.details.issues[0].code, 'not_certified');

    const added = await call('POST', url, c.outlet, body);
    assert.equal(added.statusCode, 200);
    assert.deepEqual(
      added.json().items.map((i: { name: string; star: number; since: string }) => [i.name, i.star, i.since]),
      [['Bình gốm men lam', 4, '2026-11-24']],
    );
    assert.equal((await call('POST', url, c.outlet, body)).json().total, 1, 'adding twice keeps one');
    assert.equal((await call('POST', `/api/outlets/${outlet.city}/products`, c.admin, body)).statusCode, 200);

    assert.equal((await call('GET', url)).statusCode, 401);
    assert.equal((await call('GET', url, c.coop)).statusCode, 403);
    assert.deepEqual(issuePaths(await call('GET', `${url}?page=0`, c.outlet)), ['querystring.page']);
    assert.equal((await call('GET', url, c.outlet)).json().total, 1);

    const stockable = '/api/outlets/stockable-products';
    assert.equal((await call('GET', stockable)).statusCode, 401);
    assert.equal((await call('GET', stockable, c.council)).statusCode, 403);
    assert.deepEqual(issuePaths(await call('GET', `${stockable}?pageSize=500`, c.outlet)), ['querystring.pageSize']);
    const res = await call('GET', `${stockable}?q=${encodeURIComponent('bình gốm')}`, c.outlet);
    const choices = res.json();
    assert.deepEqual(
      choices.items.map((i: { productId: string }) => i.productId),
      [product.certified],
    );

    const one = `${url}/${product.certified}`;
    assert.equal((await call('DELETE', one)).statusCode, 401);
    for (const email of otherRoles('admin', 'outlet'))
      assert.equal((await call('DELETE', one, await t.login(email))).statusCode, 403, email);
    assert.deepEqual(issuePaths(await call('DELETE', `${url}/x`, c.outlet)), ['params.productId']);
    assert.equal((await call('DELETE', one, c.outlet)).statusCode, 204);
    assert.equal((await call('DELETE', one, c.outlet)).statusCode, 404);
    await call('POST', url, c.outlet, body);
  });

  test('GET /api/public/outlets: open ones, filters, nearest first, no operator', async () => {
    assert.deepEqual(issuePaths(await call('GET', '/api/public/outlets?near=hanoi')), ['querystring.near']);
    assert.deepEqual(issuePaths(await call('GET', '/api/public/outlets?commune=1')), ['querystring.commune']);
    const all = await call('GET', '/api/public/outlets');
    assert.equal(all.statusCode, 200);
    assert.equal(all.json().total, 3);
    assert.doesNotMatch(all.body, /operator|@demo|createdBy/);
    const near = (await call('GET', '/api/public/outlets?near=21.14,105.85')).json();
    assert.deepEqual(
      near.items.map((o: { name: string }) => o.name),
      ['Điểm bán OCOP Đông Anh', 'Showroom OCOP Hoàn Kiếm', 'Điểm bán OCOP Sơn Tây'],
    );
    assert.ok(near.items[0].distanceKm < 1 && near.items[2].distanceKm > 30);
    const stocking = (await call('GET', `/api/public/outlets?product=${product.certified}&near=21.03,105.85`)).json();
    assert.deepEqual(
      stocking.items.map((o: { name: string; productCount: number }) => [o.name, o.productCount]),
      [
        ['Showroom OCOP Hoàn Kiếm', 1],
        ['Điểm bán OCOP Đông Anh', 1],
      ],
    );
    assert.equal((await call('GET', '/api/public/outlets?type=point_of_sale&commune=00454')).json().total, 1);
  });

  test('POST /api/outlets/:id/close: closed outlets leave the public list and take no stock changes', async () => {
    const url = `/api/outlets/${outlet.far}/close`;
    assert.equal((await call('POST', url, undefined, { closedOn: '2026-11-01' })).statusCode, 401);
    for (const email of otherRoles('admin', 'outlet'))
      assert.equal((await call('POST', url, await t.login(email), { closedOn: '2026-11-01' })).statusCode, 403, email);
    assert.equal(
      (await call('POST', `/api/outlets/${outlet.city}/close`, c.outlet, { closedOn: '2026-11-01' })).statusCode,
      403,
    );
    assert.deepEqual(issuePaths(await call('POST', url, c.outlet, { closedOn: 'soon' })), ['body.closedOn']);
    assert.deepEqual(issuePaths(await call('POST', url, c.outlet, { closedOn: '2020-01-01' })), ['body.closedOn']);
    const closed = await call('POST', url, c.outlet, { closedOn: '2026-11-01' });
    assert.equal(closed.statusCode, 200);
    assert.deepEqual([closed.json().closedOn, closed.json().canEdit], ['2026-11-01', false]);
    assert.equal((await call('POST', url, c.admin, { closedOn: '2026-11-02' })).statusCode, 409);
    const stock = await call('POST', `/api/outlets/${outlet.far}/products`, c.outlet, { productId: product.certified });
    assert.equal(stock.statusCode, 409);
    assert.equal((await call('GET', '/api/public/outlets')).json().total, 2);
    assert.equal((await call('GET', '/api/outlets?status=closed', c.admin)).json().total, 1);
  });

  test('service functions for other modules: stocking a product, outlets opened in a period', async () => {
    const service = createOutletsService({ db: t.database.db, now: () => NOW });
    const near = await service.outletsStockingProduct(product.certified, { lat: 21.14, lng: 105.85 });
    assert.deepEqual(
      near.items.map((o) => o.name),
      ['Điểm bán OCOP Đông Anh', 'Showroom OCOP Hoàn Kiếm'],
    );
    assert.equal(await service.countOutletsOpened({ from: '2026-01-01', to: '2026-12-31' }), 2);
    assert.equal(
      await service.countOutletsOpened({ from: '2026-01-01', to: '2026-12-31' }, { types: ['ocop_showroom'] }),
      1,
    );
    assert.equal(
      await service.countOutletsOpened({ from: '2025-01-01', to: '2026-12-31' }, { communeCodes: ['09574'] }),
      1,
    );
    assert.equal(await service.countOutletsOpened({ from: '2025-01-01', to: '2026-12-31' }, { communeCodes: [] }), 0);
  });
});
