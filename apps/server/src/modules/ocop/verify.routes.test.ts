import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, insertTestEntity, otherRoles, type TestApp } from '../../testing/index.ts';
import { caller, issuePaths, SET, SHEET } from './rounds.fixtures.ts';
import { insertCertifiedProduct } from './verify.fixtures.ts';
import { assignMissingVerifyCodes } from './verify.seed.ts';
import { createVerifyService } from './verify.service.ts';

const NOW = new Date('2026-11-24T03:00:00Z');
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

describe('ocop: public verification, QR codes and the scan log', () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  let admin = '';
  const p = {
    valid: { productId: '', number: '' },
    expired: { productId: '', number: '' },
    revoked: { productId: '', number: '' },
  };
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    call = caller(t);
    const entityId = await insertTestEntity(t.database.db, 'HTX Chè Đông Anh', '00454');
    const db = t.database.db;
    const entityName = 'HTX Chè Đông Anh';
    p.valid = await insertCertifiedProduct(db, {
      entityId,
      entityName,
      name: 'Trà sen Đông Anh',
      gtin: '04006381333931',
    });
    p.expired = await insertCertifiedProduct(db, {
      entityId,
      entityName,
      name: 'Mứt gừng Đông Anh',
      verifyCode: 'ABCDEFGHJKMN',
      issuedOn: '2023-01-01',
      validUntil: '2026-01-01',
    });
    p.revoked = await insertCertifiedProduct(db, {
      entityId,
      entityName,
      name: 'Ô mai Đông Anh',
      gtin: '00000096385074',
      revokedAt: new Date('2026-10-01T03:00:00Z'),
    });
    admin = await t.login(DEMO.admin);
  });
  after(() => t.close());

  test('GET /api/public/verify/{code}: GS1 path, short code or certificate number, live status, no people', async () => {
    const valid = await get('/api/public/verify/01/04006381333931');
    assert.equal(valid.statusCode, 200);
    assert.equal(valid.headers['cache-control'], 'no-store');
    const body = valid.json();
    assert.equal(body.status, 'valid');
    assert.equal(body.kind, 'gs1');
    assert.equal(body.code, '01/04006381333931');
    assert.deepEqual(body.product, { id: p.valid.productId, name: 'Trà sen Đông Anh', gtin14: '04006381333931' });
    assert.equal(body.producer.name, 'HTX Chè Đông Anh');
    assert.equal(body.producer.communeName, 'Xã Đông Anh');
    assert.equal(body.certificate.number, p.valid.number);
    assert.equal(body.certificate.validUntil, '2028-06-01');
    assert.doesNotMatch(valid.body, /@|demo\.hoptac|password|createdBy|revokedBy/i);

    // The 13-digit GTIN and a lot read as the same product.
    const short = (await get('/api/public/verify/01/4006381333931/10/LOT%2F7')).json();
    assert.deepEqual([short.status, short.code, short.lot], ['valid', '01/04006381333931', 'LOT/7']);

    const expired = (await get('/api/public/verify/abcd-efgh-jkmn')).json();
    assert.deepEqual([expired.status, expired.kind, expired.code], ['expired', 'short_code', 'ABCDEFGHJKMN']);
    const revoked = (await get(`/api/public/verify/${p.revoked.number.toLowerCase()}`)).json();
    assert.deepEqual([revoked.status, revoked.certificate.revokedOn], ['revoked', '2026-10-01']);
    assert.equal((await get('/api/public/verify/01/00000096385074')).json().status, 'revoked');

    for (const code of [
      'nothing-here',
      '01/04006381333932',
      '01/09506000134352',
      'ZZZZZZZZZZZZ',
      'OCOP-HN-2026-999999',
    ]) {
      const res = await get(`/api/public/verify/${code}`);
      assert.equal(res.statusCode, 200, code);
      assert.deepEqual([res.json().status, res.json().product], ['unknown', null], code);
    }
    assert.deepEqual(issuePaths(await get(`/api/public/verify/${'x'.repeat(201)}`)), ['params.*']);
    assert.deepEqual(issuePaths(await get('/api/public/verify/01/04006381333931?lat=north')), ['querystring.lat']);
  });

  test('a revocation shows at once: nothing is cached', async () => {
    const fresh = await insertCertifiedProduct(t.database.db, {
      entityId: (await queryRows<{ id: string }>(t.database.db, sql`select id from entities limit 1`))[0]!.id,
      entityName: 'HTX Chè Đông Anh',
      name: 'Chè búp Đông Anh',
      gtin: '05901234123457',
    });
    assert.equal((await get('/api/public/verify/01/05901234123457')).json().status, 'valid');
    const res = await call('POST', `/api/ocop/certificates/${fresh.number}/revoke`, admin, {
      reason: 'Hậu kiểm không đạt',
    });
    assert.equal(res.statusCode, 200);
    assert.equal((await get('/api/public/verify/01/05901234123457')).json().status, 'revoked');
  });

  test('GET /01/{gtin14}: a linkset for machines, the verify page for people', async () => {
    const linkset = await get('/01/04006381333931', { accept: 'application/linkset+json' });
    assert.equal(linkset.statusCode, 200);
    assert.match(String(linkset.headers['content-type']), /^application\/linkset\+json/);
    const [links] = linkset.json().linkset;
    assert.equal(links.anchor, 'http://localhost:80/01/04006381333931');
    const info = links['https://gs1.org/voc/certificationInfo'];
    assert.equal(info[0].href, 'http://localhost:80/api/public/verify/01/04006381333931');
    assert.equal(links['https://gs1.org/voc/pip'][0].href, `http://localhost:80/catalog/products/${p.valid.productId}`);
    assert.equal(links['https://gs1.org/voc/defaultLink'][0].href, `http://localhost:80/verify/${p.valid.number}`);

    const lot = (await get('/01/04006381333931/10/A%2FB', { accept: 'application/linkset+json' })).json();
    assert.equal(lot.linkset[0].anchor, 'http://localhost:80/01/04006381333931/10/A%2FB');

    const page = await get('/01/04006381333931', { accept: 'text/html' });
    assert.deepEqual([page.statusCode, page.headers.location], [307, `/verify/${p.valid.number}`]);
    const unknownPage = await get('/01/04006381333932', { accept: 'text/html' });
    assert.deepEqual([unknownPage.statusCode, unknownPage.headers.location], [307, '/verify/01/04006381333932']);
    assert.deepEqual(issuePaths(await get('/01/04006381333932', { accept: 'application/linkset+json' })), [
      'params.gtin14',
    ]);
    assert.equal((await get('/01/09506000134352', { accept: 'application/linkset+json' })).statusCode, 404);

    assert.deepEqual(issuePaths(await get(`/v/${'X'.repeat(41)}`)), ['params.code']);
    assert.deepEqual(issuePaths(await get(`/01/04006381333931/10/${'x'.repeat(21)}`)), ['params.lot']);
    assert.deepEqual(issuePaths(await get('/01/04006381333931?lng=500')), ['querystring.lng']);
    const shortCode = await get('/v/ABCDEFGHJKMN');
    assert.deepEqual([shortCode.statusCode, shortCode.headers.location], [307, `/verify/${p.expired.number}`]);
  });

  test('QR images encode the Digital Link or the short-code URL; the certificate PDF prints the same', async () => {
    const svg = await get('/api/public/qr/01/04006381333931.svg');
    assert.equal(svg.statusCode, 200);
    assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
    assert.match(svg.body, /<svg[^>]+viewBox/);
    // The image is the QR code of the product's Digital Link, module for module.
    const expected = await QRCode.toString('http://localhost:80/01/04006381333931', {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    assert.equal(svg.body, expected);
    const png = await get('/api/public/qr/ABCDEFGHJKMN.png');
    assert.equal(png.statusCode, 200);
    assert.equal(png.rawPayload.subarray(1, 4).toString('latin1'), 'PNG');
    // Sequential certificate numbers would hand out the short codes: not accepted.
    assert.equal((await get(`/api/public/qr/${p.expired.number}.svg`)).statusCode, 404);
    assert.equal((await get('/api/public/qr/01/09506000134352.svg')).statusCode, 404);
    assert.deepEqual(issuePaths(await get('/api/public/qr/ABCDEFGHJKMN.gif')), ['params.*']);

    const gs1Pdf = await call('GET', `/api/ocop/certificates/${p.valid.number}/pdf`, admin);
    assert.ok(gs1Pdf.rawPayload.includes('http://localhost:80/01/04006381333931'));
    const shortPdf = await call('GET', `/api/ocop/certificates/${p.expired.number}/pdf`, admin);
    assert.ok(shortPdf.rawPayload.includes('http://localhost:80/v/ABCDEFGHJKMN'));

    const verify = createVerifyService({
      db: t.database.db,
      now: () => NOW,
      publicBaseUrl: 'https://hoptac.example.vn/',
    });
    assert.deepEqual(await verify.productQr(p.valid.productId, 'http://ignored'), {
      url: 'https://hoptac.example.vn/01/04006381333931',
      svgPath: '/api/public/qr/01/04006381333931.svg',
      pngPath: '/api/public/qr/01/04006381333931.png',
    });
    assert.equal(
      (await verify.productQr(p.expired.productId, 'http://ignored'))?.url,
      'https://hoptac.example.vn/v/ABCDEFGHJKMN',
    );
  });

  test('the scan log keeps coarse places and device kinds, and flags one code scanned far apart in minutes', async () => {
    await t.app.inject({
      method: 'GET',
      url: '/api/public/verify/01/00000096385074?lat=21.02851&lng=105.85421',
      headers: { 'user-agent': IPHONE },
    });
    await get('/01/00000096385074?lat=10.7769&lng=106.7009', {
      accept: 'application/linkset+json',
      'user-agent': 'curl/8',
    });
    await get('/api/public/verify/01/00000096385074?province=01', { 'user-agent': 'Googlebot/2.1' });
    const scans = await queryRows<{
      lat: number | null;
      lng: number | null;
      user_agent_class: string;
      anomaly_km: number | null;
      province_code: string | null;
    }>(
      t.database.db,
      sql`select lat, lng, user_agent_class, anomaly_km, province_code from ocop_scans where code = '01/00000096385074' order by id`,
    );
    assert.deepEqual(
      scans.slice(-3).map((s) => [s.lat, s.lng, s.user_agent_class, s.province_code, s.anomaly_km !== null]),
      [
        [21, 105.9, 'phone', null, false],
        [10.8, 106.7, 'bot', null, true],
        [null, null, 'bot', '01', false],
      ],
    );
    const columns = await queryRows<{ column_name: string }>(
      t.database.db,
      sql`select column_name from information_schema.columns where table_name = 'ocop_scans'`,
    );
    assert.ok(!columns.some((c) => /ip|agent$/.test(c.column_name)), 'no address and no raw user agent');

    const url = '/api/ocop/scan-anomalies';
    assert.equal((await call('GET', url)).statusCode, 401);
    for (const email of otherRoles('admin'))
      assert.equal((await call('GET', url, await t.login(email))).statusCode, 403, email);
    assert.deepEqual(issuePaths(await call('GET', `${url}?pageSize=0`, admin)), ['querystring.pageSize']);
    const page = (await call('GET', url, admin)).json();
    assert.equal(page.total, 1);
    const [anomaly] = page.items;
    assert.equal(anomaly.certificateNumber, p.revoked.number);
    assert.equal(anomaly.product.name, 'Ô mai Đông Anh');
    assert.deepEqual([anomaly.lat, anomaly.lng, anomaly.previous.lat, anomaly.previous.lng], [10.8, 106.7, 21, 105.9]);
    assert.ok(anomaly.distanceKm > 1000 && anomaly.distanceKm < 1200, String(anomaly.distanceKm));
  });

  test('a product GTIN: check digit verified, stored as GTIN-14, one product per GTIN', async () => {
    const entityId = await insertTestEntity(t.database.db, 'HTX Gạo Sóc Sơn', '00376');
    const body = { entityId, name: 'Gạo nếp cái hoa vàng', rubricId: SHEET, productSet: SET };
    const bad = await call('POST', '/api/ocop/products', admin, { ...body, gtin: '4006381333932' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().error.details.issues.map((i: { path: string[]; code: string }) => [i.path.join('.'), i.code]),
      [['body.gtin', 'invalid_gtin']],
    );
    const created = await call('POST', '/api/ocop/products', admin, { ...body, gtin: '036000291452' });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().gtin, '00036000291452');
    assert.equal(created.json().qr.svgPath, '/api/public/qr/01/00036000291452.svg');
    const taken = await call('POST', '/api/ocop/products', admin, { ...body, gtin: '00036000291452' });
    assert.deepEqual(taken.json().error.details.issues[0].code, 'gtin_taken');
    const id = created.json().id;
    assert.equal((await call('PATCH', `/api/ocop/products/${id}`, admin, { gtin: '036000291452' })).statusCode, 200);
    assert.deepEqual(issuePaths(await call('PATCH', `/api/ocop/products/${id}`, admin, { gtin: '12345' })), [
      'body.gtin',
    ]);
    const cleared = await call('PATCH', `/api/ocop/products/${id}`, admin, { gtin: '' });
    assert.equal(cleared.json().gtin, null);
    assert.equal(cleared.json().qr, null, 'no GTIN and no certificate yet: no QR code');
  });

  test('startup gives every certified product without one a short code, once', async () => {
    const missing = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from ocop_products p where verify_code is null
          and exists (select 1 from ocop_certificates c where c.product_id = p.id)`,
    );
    assert.ok(missing[0]!.n > 0);
    assert.equal(await assignMissingVerifyCodes(t.database.db), missing[0]!.n);
    assert.equal(await assignMissingVerifyCodes(t.database.db), 0);
    const codes = await queryRows<{ verify_code: string }>(
      t.database.db,
      sql`select verify_code from ocop_products where verify_code is not null`,
    );
    for (const c of codes) assert.match(c.verify_code, /^[0-9A-HJKMNP-TV-Z]{12}$/);
    assert.equal(new Set(codes.map((c) => c.verify_code)).size, codes.length);
  });
});
