import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { CatalogSearchResult } from '@hoptac/core';
import { entities } from '../registry/registry.schema.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { seedDemoCatalog } from './catalog.seed.ts';
import { localeKeyGaps } from './pages/i18n.ts';

const NOW = new Date('2026-11-24T03:00:00Z');
const PERSONAL = ['Nguyễn Thị Riêng Tư', '0912345678', 'rieng.tu@example.vn'];

describe('catalog: server-rendered public pages', () => {
  let t: TestApp;
  const page = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    for (const value of PERSONAL) assert.ok(!res.body.includes(value), `${url} leaks ${value}`);
    return res;
  };
  const firstId = async (q: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/products?q=${encodeURIComponent(q)}` });
    return (res.json() as CatalogSearchResult).items[0]!;
  };

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    await seedDemoCatalog(t.database.db);
    await t.database.db
      .update(entities)
      .set({ legalRepresentative: PERSONAL[0], phone: PERSONAL[1], email: PERSONAL[2] });
  });
  after(async () => t?.close());

  test('both locales have the same keys', () => {
    assert.deepEqual(localeKeyGaps(), []);
  });

  test('the search page lists results, facets and the did-you-mean links without JavaScript', async () => {
    const res = await page('/catalog?q=buoi%20dien');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /^<!doctype html><html lang="vi">/);
    assert.match(res.body, /Bưởi Diễn Phú Diễn/);
    assert.match(res.body, /<select name="stars"/);
    const none = await page('/catalog?q=gomm%20batt');
    assert.match(none.body, /Có phải bạn muốn tìm/);
    assert.match(none.body, /href="\/catalog\?q=B%C3%ACnh/);
    // A bad filter is dropped, not an error page.
    const bad = await page('/catalog?stars=99&commune=00577');
    assert.equal(bad.statusCode, 200);
    assert.match(bad.body, /Bộ ấm chén gốm men rạn Bát Tràng/);
  });

  test('the product page carries JSON-LD, Open Graph, the certificate and shop links; the script is small', async () => {
    const card = await firstId('binh gom men lam');
    const res = await page(`/catalog/products/${card.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org","@type":"Product"/,
    );
    assert.match(res.body, /<meta property="og:type" content="product"\/>/);
    assert.match(res.body, /<meta property="og:title" content="Bình gốm men lam Bát Tràng"\/>/);
    assert.match(res.body, /OCOP-HN-2025-\d{6}/);
    assert.match(res.body, /Bộ Nông nghiệp và Môi trường/);
    assert.match(res.body, /https:\/\/shop\.example\.vn\/gom-bat-trang/);
    assert.match(res.body, /Bộ ấm chén gốm men rạn Bát Tràng/, 'related product');
    const scripts = [...res.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(scripts.length, 1);
    let gzipped = 0;
    for (const src of scripts) {
      const js = await t.app.inject({ method: 'GET', url: src });
      assert.equal(js.statusCode, 200);
      assert.match(js.headers['cache-control'] as string, /immutable/);
      gzipped += gzipSync(js.body).length;
    }
    assert.ok(gzipped <= 60 * 1024, `product page JS ${gzipped} bytes gzip`);
  });

  test('the producer page carries Organization JSON-LD and its products', async () => {
    const card = await firstId('lua van phuc');
    const res = await page(`/catalog/producers/${card.producer.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /"@type":"Organization"/);
    assert.match(res.body, /HTX Dệt lụa Vạn Phúc/);
    assert.match(res.body, /Phường Hà Đông/);
    assert.match(res.body, /Lụa vân Vạn Phúc/);
  });

  test('English with ?lang=en, remembered by a cookie', async () => {
    const res = await page('/catalog?lang=en');
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /Find OCOP products/);
    const cookie = res.cookies.find((c) => c.name === 'hoptac_lang');
    assert.equal(cookie?.value, 'en');
    const next = await page('/catalog', { cookie: 'hoptac_lang=en' });
    assert.match(next.body, /<html lang="en">/);
    assert.match(next.body, /href="\/catalog\?lang=vi"/);
  });

  test('unknown products and producers get a friendly 404 page', async () => {
    for (const url of [
      '/catalog/products/00000000-0000-4000-8000-000000000000',
      '/catalog/products/not-an-id',
      '/catalog/producers/00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await page(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /Không tìm thấy trang/);
    }
  });

  test('verify pages state VALID, EXPIRED, REVOKED and UNKNOWN from live data', async () => {
    const cases: [string, number, RegExp][] = [
      ['/verify/OCOP-HN-2025-000002', 200, /CÒN HIỆU LỰC/],
      ['/verify/OCOP-HN-2023-000001', 200, /HẾT HIỆU LỰC/],
      ['/verify/OCOP-HN-2026-999999', 404, /KHÔNG XÁC ĐỊNH/],
      ['/verify/khong-phai-ma', 404, /KHÔNG XÁC ĐỊNH/],
    ];
    for (const [url, status, state] of cases) {
      const res = await page(url);
      assert.equal(res.statusCode, status, url);
      assert.match(res.body, state, url);
      assert.equal(res.headers['cache-control'], 'no-store');
    }
    const revoked = await page('/verify/OCOP-HN-2025-000005');
    assert.match(revoked.body, /ĐÃ THU HỒI/);
    assert.match(revoked.body, /Mật ong hoa nhãn Đông Anh/);
  });

  test('the outlets page lists outlets server-side and loads the map script only there', async () => {
    const res = await page('/outlets');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /id="outlets-data"/);
    assert.match(res.body, /data-tiles="https:\/\/tile\.openstreetmap\.org\/\{z\}\/\{x\}\/\{y\}\.png"/);
    assert.match(res.body, /<link rel="stylesheet" href="\/catalog\/assets\/map\.[0-9a-f]+\.css"/);
  });
});
