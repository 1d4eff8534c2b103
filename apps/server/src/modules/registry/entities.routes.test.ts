import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { after, before, describe, test } from 'node:test';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, type TestApp } from '../../testing/index.ts';

const entity = (o: Record<string, unknown> = {}) => ({
  type: 'cooperative',
  name: 'HTX Nông nghiệp Thụy Lâm',
  code: '0109876543',
  registrationDate: '2019-05-20',
  address: 'Thôn Đông, xã Đông Anh, Hà Nội',
  communeCode: '00454',
  sectors: ['agriculture'],
  specialisations: ['rau an toàn'],
  charterCapital: 2_000_000_000,
  officialMembers: 45,
  legalRepresentative: 'Nguyễn Văn An',
  phone: '0912 345 678',
  ...o,
});

describe('registry: entities', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let buyer: string;
  let created: { id: string };
  let oldPredecessor: string;
  before(async () => {
    t = await createTestApp();
    admin = await t.login(DEMO.admin);
    officer = await t.login(DEMO.officer);
    buyer = await t.login(DEMO.buyer);
    const [link] = await queryRows<{ from_code: string }>(
      t.database.db,
      sql`select from_code from admin_unit_links where to_scheme = '2025-07' and to_code = '00454' order by from_code limit 1`,
    );
    oldPredecessor = link!.from_code;
  });
  after(() => t.close());
  const post = (payload: object, cookie?: string) =>
    t.app.inject({ method: 'POST', url: '/api/entities', payload, headers: cookie ? { cookie } : {} });
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  test('registering: 401 signed out, 403 for roles that are not officials and for an officer outside their communes', async () => {
    assert.equal((await post(entity())).statusCode, 401);
    for (const email of [DEMO.council, DEMO.coop, DEMO.buyer, DEMO.outlet]) {
      assert.equal((await post(entity(), await t.login(email))).statusCode, 403, email);
    }
    const outside = await post(entity({ communeCode: '00004' }), officer);
    assert.equal(outside.statusCode, 403);
  });

  test('400 with the field at fault, and nothing is created', async () => {
    const cases: [object, string][] = [
      [entity({ type: 'kolkhoz' }), 'body.type'],
      [entity({ name: '' }), 'body.name'],
      [entity({ code: '12345' }), 'body.code'],
      [entity({ code: null }), 'body.code'],
      [entity({ communeCode: '99999' }), 'body.communeCode'],
      [entity({ oldCommuneCode: '00004' }), 'body.oldCommuneCode'],
      [entity({ sectors: [] }), 'body.sectors'],
      [entity({ lat: 21.1 }), 'body.lat'],
      [entity({ email: 'not-mail' }), 'body.email'],
      [entity({ charterCapital: -5 }), 'body.charterCapital'],
    ];
    for (const [payload, path] of cases) {
      const res = await post(payload, admin);
      assert.equal(res.statusCode, 400, path);
      const paths = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
      assert.ok(paths.includes(path), `${path} not in ${paths}`);
    }
    assert.equal((await get('/api/entities', admin)).json().total, 0);
  });

  test('an officer registers an entity in their commune with its pre-reform commune; audited', async () => {
    const res = await post(entity({ oldCommuneCode: oldPredecessor, lat: 21.13, lng: 105.85 }), officer);
    assert.equal(res.statusCode, 201, res.body);
    created = res.json();
    const e = res.json();
    assert.equal(e.status, 'active');
    assert.equal(e.commune.fullName, 'Xã Đông Anh');
    assert.equal(e.oldCommune.code, oldPredecessor);
    assert.equal(e.oldDistrict.fullName, 'Huyện Đông Anh');
    assert.equal(e.code, '0109876543');
    assert.equal(e.canEdit, true);
    const audit = (await get('/api/audit?action=entity.created', admin)).json();
    assert.equal(audit.items[0].entityId, e.id);
  });

  test('duplicates: the same code is refused; the same name in the commune asks for confirmation', async () => {
    const sameCode = await post(entity({ name: 'Tên khác hẳn' }), admin);
    assert.equal(sameCode.statusCode, 409);
    assert.equal(sameCode.json().error.code, 'DUPLICATE_CODE');
    assert.equal(sameCode.json().error.details.candidates[0].id, created.id);
    const sameName = await post(entity({ name: 'htx nong nghiep THUY LAM', code: '0109876544' }), admin);
    assert.equal(sameName.statusCode, 409);
    assert.equal(sameName.json().error.code, 'POSSIBLE_DUPLICATE');
    assert.equal(sameName.json().error.details.candidates[0].reason, 'same_name_and_commune');
    const confirmed = await post(
      entity({ name: 'htx nong nghiep THUY LAM', code: '0109876544', acknowledgeDuplicates: true }),
      admin,
    );
    assert.equal(confirmed.statusCode, 201);
    await post(
      entity({ name: 'HTX Gốm sứ Bát Tràng', code: '0101111111', communeCode: '00577', sectors: ['non_agriculture'] }),
      admin,
    );
    await post(
      entity({ name: 'HTX Dịch vụ Ba Đình', code: '0102222222', communeCode: '00004', type: 'cooperative' }),
      admin,
    );
  });

  test('the register: accent-insensitive search, filters, and each role sees its scope', async () => {
    const found = (
      await get('/api/entities?q=thuy%20lam&type=cooperative&status=active&sector=agriculture', admin)
    ).json();
    assert.equal(found.total, 2);
    assert.equal((await get('/api/entities?q=GOM%20SU', admin)).json().items[0].name, 'HTX Gốm sứ Bát Tràng');
    assert.equal((await get(`/api/entities?oldDistrict=017`, admin)).json().total, 1);
    assert.deepEqual(
      (await get('/api/entities?q=0101111', admin)).json().items.map((e: { code: string }) => e.code),
      ['0101111111'],
    );
    assert.equal((await get('/api/entities', admin)).json().total, 4);
    const second = (await get('/api/entities?pageSize=3&page=2', admin)).json();
    assert.deepEqual([second.items.length, second.total], [1, 4]);
    const beyond = (await get('/api/entities?pageSize=3&page=9', admin)).json();
    assert.deepEqual([beyond.items.length, beyond.total], [0, 4]);
    const officerView = (await get('/api/entities', officer)).json();
    assert.equal(officerView.total, 3, 'officer sees Đông Anh and Bát Tràng, not Ba Đình');
    assert.equal((await get('/api/entities?commune=00004', officer)).json().total, 0);
    assert.equal((await get('/api/entities', buyer)).json().total, 4, 'the public register lists operating entities');
    const bad = await get('/api/entities?pageSize=1000&status=zombie&highTech=maybe', admin);
    assert.equal(bad.statusCode, 400);
    const counts = (await get('/api/entities/by-commune', admin)).json();
    assert.deepEqual(
      counts.map((c: { commune: { code: string }; count: number }) => [c.commune.code, c.count]),
      [
        ['00004', 1],
        ['00454', 2],
        ['00577', 1],
      ],
    );
  });

  test('the public profile hides personal data and financials; officials in scope see everything', async () => {
    for (const cookie of [undefined, buyer]) {
      const res = await get(`/api/entities/${created.id}`, cookie);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.visibility, 'public');
      for (const hidden of ['code', 'legalRepresentative', 'phone', 'email', 'charterCapital', 'rating'])
        assert.equal(hidden in body, false, hidden);
      assert.doesNotMatch(res.body, /Nguyễn Văn An|0912/);
    }
    const full = (await get(`/api/entities/${created.id}`, officer)).json();
    assert.equal(full.visibility, 'full');
    assert.equal(full.legalRepresentative, 'Nguyễn Văn An');
    assert.equal((await get('/api/entities/00000000-0000-4000-8000-000000000000', admin)).statusCode, 404);
    assert.equal((await get('/api/entities/nope', admin)).statusCode, 400);
  });

  test('editing: officers in scope and the entity itself; others refused', async () => {
    const url = `/api/entities/${created.id}`;
    const patch = (payload: object, cookie?: string) =>
      t.app.inject({ method: 'PATCH', url, payload, headers: cookie ? { cookie } : {} });
    assert.equal((await patch({ services: 'x' })).statusCode, 401);
    assert.equal((await patch({ services: 'x' }, buyer)).statusCode, 403);
    assert.equal((await patch({ services: 'x' }, await t.login(DEMO.coop))).statusCode, 403, 'not their entity yet');
    await t.database.db.execute(sql`update users set entity_id = ${created.id} where email = ${DEMO.coop}`);
    const coop = await t.login(DEMO.coop);
    const ok = await patch({ services: 'Cung ứng giống, tiêu thụ rau', highTech: true }, coop);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().highTech, true);
    assert.equal((await get('/api/entities', coop)).json().total, 1, 'an entity member sees its own entity');
    const moveOut = await patch({ communeCode: '00004' }, officer);
    assert.equal(moveOut.statusCode, 403);
    const bad = await patch({ code: 'abc' }, officer);
    assert.equal(bad.statusCode, 400);
    const audit = (await get('/api/audit?action=entity.updated', admin)).json();
    assert.equal(audit.items[0].before.services, null);
    assert.equal(audit.items[0].after.services, 'Cung ứng giống, tiêu thụ rau');
  });

  test('status changes: officials only, with date and reason, a timeline, and final states', async () => {
    const url = `/api/entities/${created.id}/status`;
    const change = (payload: object, cookie?: string) =>
      t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
    assert.equal(
      (await change({ status: 'suspended', effectiveDate: '2026-03-01', reason: 'Tạm ngừng' })).statusCode,
      401,
    );
    assert.equal(
      (
        await change(
          { status: 'suspended', effectiveDate: '2026-03-01', reason: 'Tạm ngừng' },
          await t.login(DEMO.coop),
        )
      ).statusCode,
      403,
    );
    assert.equal(
      (await change({ status: 'paused', effectiveDate: '2026-03-01', reason: 'x' }, officer)).statusCode,
      400,
    );
    const future = await change({ status: 'suspended', effectiveDate: '2999-01-01', reason: 'Tạm ngừng' }, officer);
    assert.equal(future.statusCode, 400);
    const ok = await change(
      { status: 'suspended', effectiveDate: '2026-03-01', reason: 'Tạm ngừng kinh doanh 6 tháng' },
      officer,
    );
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().status, 'suspended');
    await change(
      { status: 'dissolved', effectiveDate: '2026-06-01', reason: 'Đại hội thành viên quyết định giải thể' },
      officer,
    );
    const again = await change({ status: 'active', effectiveDate: '2026-07-01', reason: 'Hoạt động lại' }, officer);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'INVALID_STATUS_CHANGE');
    const history = (await get(`/api/entities/${created.id}/status-history`, officer)).json();
    assert.deepEqual(
      history.map((h: { status: string }) => h.status),
      ['dissolved', 'suspended', 'active'],
    );
    assert.equal(history[0].recordedBy, 'Trần Văn Minh (cán bộ xã)');
    assert.equal((await get(`/api/entities/${created.id}/status-history`, buyer)).statusCode, 403);
    // A dissolved entity leaves the public register.
    assert.equal((await get(`/api/entities/${created.id}`)).statusCode, 404);
  });

  test('a total shown on a later page follows every write to the register, whoever makes it', async () => {
    const total = async () => (await get('/api/entities?pageSize=1&page=2', admin)).json().total as number;
    const before = await total();
    assert.equal(await total(), before, 'asking again gives the same total');
    const added = await post(entity({ name: 'HTX Rau sạch Vân Hà', code: '0109876599' }), officer);
    assert.equal(added.statusCode, 201);
    assert.equal(await total(), before + 1, 'a registration through the API counts at once');
    // A write outside this server process (another instance, a maintenance script) counts too.
    await t.database.db.execute(sql`delete from entities where id = ${added.json().id}`);
    assert.equal(await total(), before);
  });
});
