import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CatalogProducer, CatalogProduct, CatalogSearchResult, CatalogSuggestResult } from '@hoptac/core';
import { eq } from 'drizzle-orm';
import { entities } from '../registry/registry.schema.ts';
import { createTestApp, DEMO, insertTestEntity, type TestApp } from '../../testing/index.ts';
import { ocopProducts } from '../ocop/ocop.schema.ts';
import { seedDemoCatalog } from './catalog.seed.ts';

const NOW = new Date('2026-11-24T03:00:00Z');
// Personal data planted on every demo producer: none of it may reach a public response.
const PERSONAL = { legalRepresentative: 'Nguyễn Thị Riêng Tư', phone: '0912345678', email: 'rieng.tu@example.vn' };

describe('catalog: public search and profiles', () => {
  let t: TestApp;
  const get = async <T>(url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    for (const value of Object.values(PERSONAL)) assert.ok(!res.body.includes(value), `${url} leaks ${value}`);
    return { status: res.statusCode, body: res.json() as T };
  };
  const search = (qs: string) => get<CatalogSearchResult>(`/api/public/products?${qs}`);

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    assert.equal(await seedDemoCatalog(t.database.db), true);
    assert.equal(await seedDemoCatalog(t.database.db), false, 'seeds once');
    await t.database.db.update(entities).set(PERSONAL);
  });
  after(async () => t?.close());

  test('400 for bad filters, with the field path', async () => {
    for (const qs of ['stars=9', 'commune=abc', 'pageSize=1000', 'valid=maybe', 'formerDistrict=1', 'page=0']) {
      const res = await search(qs);
      assert.equal(res.status, 400, qs);
      assert.equal((res.body as unknown as { error: { code: string } }).error.code, 'VALIDATION_FAILED');
    }
    assert.equal((await get('/api/public/suggest')).status, 400);
    assert.equal((await get('/api/public/products/not-a-uuid')).status, 400);
  });

  test('finds products without diacritics, in any case, with small typos', async () => {
    const cases: [string, string][] = [
      ['buoi dien', 'Bưởi Diễn Phú Diễn'],
      ['BƯỞI DIỄN', 'Bưởi Diễn Phú Diễn'],
      ['gom bat trang', 'Bình gốm men lam Bát Tràng'],
      ['lua van phuc', 'Khăn lụa tơ tằm Vạn Phúc'],
      ['luaa van phuc', 'Khăn lụa tơ tằm Vạn Phúc'],
      ['Tuong nep duong lam', 'Tương nếp Đường Lâm'],
    ];
    for (const [q, name] of cases) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, q);
      assert.ok(res.body.total >= 1, `${q} finds something`);
      const names = res.body.items.map((i) => i.name);
      assert.ok(names.slice(0, 2).includes(name), `${q} → ${names.join(', ')}`);
    }
  });

  test('exact name first, then prefix, then words, then similarity; stars break ties', async () => {
    const exact = await search(`q=${encodeURIComponent('nem phung')}`);
    assert.equal(exact.body.items[0]!.name, 'Nem Phùng');
    const prefix = await search('q=binh%20gom');
    assert.equal(prefix.body.items[0]!.name, 'Bình gốm men lam Bát Tràng');
    const words = await search('q=lua%20van%20phuc');
    assert.deepEqual(
      words.body.items.map((i) => [i.name, i.stars]),
      [
        ['Khăn lụa tơ tằm Vạn Phúc', 4],
        ['Lụa vân Vạn Phúc', 3],
      ],
    );
  });

  test('a search that finds nothing offers the closest names', async () => {
    const res = await search(`q=${encodeURIComponent('gomm batt')}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 0);
    assert.deepEqual(res.body.didYouMean, ['Bình gốm men lam Bát Tràng', 'Bộ ấm chén gốm men rạn Bát Tràng']);
    const none = await search('q=zzzzqqq');
    assert.equal(none.body.total, 0);
    assert.deepEqual(none.body.didYouMean, []);
    const suggest = await get<CatalogSuggestResult>(`/api/public/suggest?q=${encodeURIComponent('gomm batt')}`);
    assert.equal(suggest.status, 200);
    assert.deepEqual(suggest.body.items, []);
    assert.ok(suggest.body.didYouMean.includes('Bình gốm men lam Bát Tràng'));
  });

  test('autocomplete offers products and producers', async () => {
    const res = await get<CatalogSuggestResult>('/api/public/suggest?q=bat%20trang');
    assert.equal(res.status, 200);
    assert.ok(res.body.items.some((i) => i.kind === 'product' && i.name === 'Bình gốm men lam Bát Tràng'));
    assert.ok(res.body.items.some((i) => i.kind === 'producer' && i.name === 'HTX Gốm sứ Bát Tràng'));
  });

  test('facets count certified products; revoked certificates are out of the catalogue', async () => {
    const all = await search('');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 8, 'nine demo products, one revoked');
    assert.ok(!all.body.items.some((i) => i.name.startsWith('Mật ong')));
    const count = (facet: keyof CatalogSearchResult['facets'], value: string) =>
      all.body.facets[facet].find((f) => f.value === value)?.count;
    assert.equal(count('stars', '5'), 1);
    assert.equal(count('stars', '4'), 4);
    assert.equal(count('stars', '3'), 3);
    assert.equal(count('certificateValidity', 'expired'), 1);
    assert.equal(count('certificateValidity', 'valid'), 7);
    assert.equal(count('group', 'Sản phẩm hàng thủ công mỹ nghệ'), 4);
    assert.equal(count('commune', '00577'), 2);
    assert.equal(all.body.facets.commune.find((f) => f.value === '00577')!.label, 'Xã Bát Tràng');
    assert.equal(all.body.facets.formerDistrict.find((f) => f.value === '018')!.label, 'Huyện Gia Lâm');
    assert.equal(count('entityType', 'cooperative'), 6);

    // Filters narrow the items; each facet still counts the other values of its own dimension.
    const four = await search('stars=4&commune=00577');
    assert.deepEqual(
      four.body.items.map((i) => i.name),
      ['Bộ ấm chén gốm men rạn Bát Tràng'],
    );
    assert.equal(four.body.total, 1);
    assert.equal(four.body.facets.stars.find((f) => f.value === '5')?.count, 1, 'other stars in Bát Tràng');
    assert.equal(four.body.facets.commune.find((f) => f.value === '00619')?.count, 1, 'other 4★ communes');

    const expired = await search('valid=expired');
    assert.deepEqual(
      expired.body.items.map((i) => [i.name, i.certificate.status]),
      [['Chè xanh Ba Vì', 'expired']],
    );
    const sub = await search(`subgroup=${encodeURIComponent('Vải, may mặc')}&entityType=cooperative`);
    assert.equal(sub.body.total, 2);
    const district = await search('formerDistrict=268&q=lua');
    assert.equal(district.body.total, 2);
    const anyChoice = await search('q=&stars=4&group=&subgroup=&commune=&formerDistrict=&valid=&entityType=');
    assert.equal(anyChoice.status, 200, 'an empty filter is no filter');
    assert.equal(anyChoice.body.total, 4);
    const paged = await search('pageSize=3&page=3');
    assert.equal(paged.body.items.length, 2);
    assert.equal(paged.body.total, 8);
  });

  test('product profile: certificate, story, shop links, related; drafts and revoked are not public', async () => {
    const found = await search('q=binh gom men lam');
    const id = found.body.items[0]!.id;
    const res = await get<CatalogProduct>(`/api/public/products/${id}`);
    assert.equal(res.status, 200);
    const p = res.body;
    assert.equal(p.name, 'Bình gốm men lam Bát Tràng');
    assert.equal(p.certification.status, 'valid');
    assert.equal(p.certification.star, 5);
    assert.equal(p.certification.issuerName, 'Bộ Nông nghiệp và Môi trường');
    assert.equal(p.certification.validUntil, '2028-09-20');
    assert.equal(p.producer.name, 'HTX Gốm sứ Bát Tràng');
    assert.equal(p.commune.name, 'Xã Bát Tràng');
    assert.ok(p.story?.includes('men lam'));
    assert.equal(p.shopLinks.length, 2);
    assert.ok(p.related.some((r) => r.name === 'Bộ ấm chén gốm men rạn Bát Tràng'));
    assert.ok(!p.related.some((r) => r.id === id));

    const revoked = await t.database.db
      .select({ id: ocopProducts.id })
      .from(ocopProducts)
      .where(eq(ocopProducts.name, 'Mật ong hoa nhãn Đông Anh'));
    assert.equal((await get(`/api/public/products/${revoked[0]!.id}`)).status, 404);
    const owner = await insertTestEntity(t.database.db, 'HTX Chưa Chứng Nhận', '00454');
    const [draft] = await t.database.db
      .insert(ocopProducts)
      .values({ entityId: owner, name: 'Bản nháp', nameFolded: 'ban nhap', rubricId: 'x', productSet: 'y' })
      .returning({ id: ocopProducts.id });
    assert.equal((await get(`/api/public/products/${draft!.id}`)).status, 404);
    assert.equal((await get(`/api/public/producers/${owner}`)).status, 404, 'no certified product, no public page');
    assert.equal((await get(`/api/public/products/00000000-0000-4000-8000-000000000000`)).status, 404);
  });

  test('a producer writes the public story and shop links with the product; bad links are refused', async () => {
    const admin = await t.login(DEMO.admin);
    const owner = await insertTestEntity(t.database.db, 'HTX Hồ sơ Công khai', '00454');
    const body = {
      entityId: owner,
      name: 'Sen Tây Hồ',
      rubricId: 'qd26-2026-che-bien-tu-rau-cu-qua-hat',
      productSet: 'Chế biến từ rau, củ, quả, hạt',
      story: 'Ướp trà bằng sen Bách Diệp.',
      shopLinks: [{ label: 'Cửa hàng', url: 'https://shop.example.vn/sen' }],
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/ocop/products',
      headers: { cookie: admin },
      payload: body,
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().story, body.story);
    assert.deepEqual(created.json().shopLinks, body.shopLinks);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/ocop/products/${created.json().id}`,
      headers: { cookie: admin },
      payload: { shopLinks: [{ label: 'x', url: 'javascript:alert(1)' }] },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.issues[0].path.slice(0, 3), ['body', 'shopLinks', '0']);
    // Not certified yet: not public.
    assert.equal((await get(`/api/public/products/${created.json().id}`)).status, 404);
  });

  test('producer profile: place, location and its certified products', async () => {
    const found = await search('q=lua van phuc');
    const producerId = found.body.items[0]!.producer.id;
    const res = await get<CatalogProducer>(`/api/public/producers/${producerId}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.name, 'HTX Dệt lụa Vạn Phúc');
    assert.equal(res.body.commune.name, 'Phường Hà Đông');
    assert.equal(res.body.formerDistrict?.name, 'Quận Hà Đông');
    assert.ok(res.body.location);
    assert.equal(res.body.productsTotal, 2);
    assert.equal(res.body.products.length, 2);
    const page2 = await get<CatalogProducer>(`/api/public/producers/${producerId}?pageSize=1&page=2`);
    assert.equal(page2.body.products.length, 1);
    assert.equal(page2.body.productsTotal, 2);
  });
});
