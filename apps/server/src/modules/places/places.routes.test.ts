import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/index.ts';

type UnitJson = { code: string; fullName: string; level: string; parent: { code: string } | null };
type LinkJson = { unit: UnitJson; kind: string };

describe('administrative units before and after 1 July 2025', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ seedDemo: false });
  });
  after(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  test('both editions are loaded with the official counts', async () => {
    const schemes = (await get('/api/places/schemes')).json();
    assert.deepEqual(
      schemes.map((s: { code: string }) => s.code),
      ['2025-01', '2025-07'],
    );
    const count = async (q: string) => (await get(`/api/places/units?${q}&pageSize=1`)).json().total;
    assert.equal(await count('scheme=2025-07&level=province'), 34);
    assert.equal(await count('scheme=2025-07&level=commune'), 126);
    assert.equal(await count('scheme=2025-01&level=district'), 30);
    assert.equal(await count('scheme=2025-01&level=commune'), 526);
    assert.equal(await count('scheme=2025-01&level=commune&parent=017'), 24);
  });

  test('search ignores accents and case, best matches first', async () => {
    for (const q of ['dong anh', 'ĐÔNG ANH', 'Đông Anh', '  dong   anh ']) {
      const res = (await get(`/api/places/units?scheme=2025-07&q=${encodeURIComponent(q)}`)).json();
      assert.equal(res.items[0].fullName, 'Xã Đông Anh', q);
    }
    const old = (await get('/api/places/units?scheme=2025-01&q=dong%20anh')).json();
    assert.deepEqual(
      old.items.map((u: UnitJson) => u.fullName),
      ['Huyện Đông Anh', 'Thị trấn Đông Anh'],
    );
    const byCode = (await get('/api/places/units?scheme=2025-01&q=09859')).json();
    assert.deepEqual(
      byCode.items.map((u: UnitJson) => u.fullName),
      ['Xã Sơn Đồng'],
    );
    const none = (await get('/api/places/units?scheme=2025-07&q=%25%25')).json();
    assert.equal(none.total, 0);
  });

  test('400 for a bad scheme, level, page size or over-long search, with the field named', async () => {
    for (const [q, field] of [
      ['scheme=2030-01', 'querystring.scheme'],
      ['level=village', 'querystring.level'],
      ['pageSize=0', 'querystring.pageSize'],
      ['page=-1', 'querystring.page'],
      [`q=${'a'.repeat(101)}`, 'querystring.q'],
    ]) {
      const res = await get(`/api/places/units?${q}`);
      assert.equal(res.statusCode, 400, q);
      assert.equal(res.json().error.details.issues[0].path.join('.'), field);
    }
  });

  test('one unit by scheme and code: the same code means different units in each edition', async () => {
    const now = await get('/api/places/units/2025-07/00004');
    assert.equal(now.statusCode, 200);
    assert.equal(now.json().fullName, 'Phường Ba Đình');
    const before = await get('/api/places/units/2025-01/00004');
    assert.equal(before.json().fullName, 'Phường Trúc Bạch');
    assert.equal(before.json().parent.fullName, 'Quận Ba Đình');
    assert.equal((await get('/api/places/units/2025-07/99999')).statusCode, 404);
    assert.equal((await get('/api/places/units/2025-07/abc')).statusCode, 400);
    assert.equal((await get('/api/places/units/1999/00004')).statusCode, 400);
  });

  test('an old commune that moved whole maps to one new unit', async () => {
    const d = (await get('/api/places/units/2025-01/09859/detail')).json();
    assert.equal(d.fullName, 'Xã Sơn Đồng');
    assert.deepEqual(
      d.successors.map((l: LinkJson) => [l.unit.code, l.unit.fullName, l.kind]),
      [['09871', 'Xã Sơn Đồng', 'full']],
    );
    assert.deepEqual(d.predecessors, []);
  });

  test('a split old commune lists every new unit with partial links', async () => {
    const d = (await get('/api/places/units/2025-01/00019/detail')).json();
    assert.equal(d.fullName, 'Phường Điện Biên');
    assert.ok(d.successors.length >= 2);
    assert.ok(d.successors.every((l: LinkJson) => l.kind === 'partial'));
    assert.ok(d.successors.some((l: LinkJson) => l.unit.fullName === 'Phường Ba Đình'));
  });

  test('a new commune lists the old units it was formed from, with their districts', async () => {
    const d = (await get('/api/places/units/2025-07/00004/detail')).json();
    assert.equal(d.childCount, 0);
    assert.ok(d.predecessors.length >= 2);
    for (const l of d.predecessors as LinkJson[]) {
      assert.equal(l.unit.level, 'commune');
      assert.ok(l.unit.parent, 'old commune keeps its district');
    }
    assert.ok(d.predecessors.some((l: LinkJson) => l.unit.fullName === 'Phường Điện Biên' && l.kind === 'partial'));
    const hanoi = (await get('/api/places/units/2025-07/01/detail')).json();
    assert.equal(hanoi.childCount, 126);
  });
});
