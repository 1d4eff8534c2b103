import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { after, before, describe, test } from 'node:test';
import { createTestApp, DEMO, type TestApp } from '../../testing/index.ts';

describe('registry: members', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let url: string;
  let outsideUrl: string;
  before(async () => {
    t = await createTestApp();
    admin = await t.login(DEMO.admin);
    officer = await t.login(DEMO.officer);
    const make = async (communeCode: string, code: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/entities',
        headers: { cookie: admin },
        payload: {
          type: 'cooperative',
          name: `HTX ${code}`,
          code,
          address: 'Hà Nội',
          communeCode,
          sectors: ['agriculture'],
          charterCapital: 1_000_000_000,
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const id = await make('00577', '0103333333');
    url = `/api/entities/${id}/members`;
    outsideUrl = `/api/entities/${await make('00004', '0104444444')}/members`;
    await t.database.db.execute(sql`update users set entity_id = ${id} where email = ${DEMO.coop}`);
  });
  after(() => t.close());
  const member = (o: Record<string, unknown> = {}) => ({
    name: 'Lê Văn Bình',
    kind: 'individual',
    membership: 'official',
    capitalContributed: 100_000_000,
    joinedOn: '2020-01-15',
    ...o,
  });
  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', u: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url: u, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

  test('the member list is personal data: 401 signed out, 403 for other roles and other communes', async () => {
    assert.equal((await req('GET', url)).statusCode, 401);
    for (const email of [DEMO.buyer, DEMO.council, DEMO.outlet])
      assert.equal((await req('GET', url, await t.login(email))).statusCode, 403, email);
    assert.equal((await req('GET', outsideUrl, officer)).statusCode, 403);
    assert.equal((await req('POST', outsideUrl, officer, member())).statusCode, 403);
    assert.equal(
      (await req('GET', '/api/entities/00000000-0000-4000-8000-000000000000/members', admin)).statusCode,
      404,
    );
  });

  test('400 for bad member data with the field named', async () => {
    const cases: [object, string][] = [
      [member({ kind: 'robot' }), 'body.kind'],
      [member({ joinedOn: '15/01/2020' }), 'body.joinedOn'],
      [member({ name: '' }), 'body.name'],
      [member({ leftOn: '2019-01-01' }), 'body.leftOn'],
    ];
    for (const [payload, path] of cases) {
      const res = await req('POST', url, officer, payload);
      assert.equal(res.statusCode, 400, path);
      assert.ok(
        res.json().error.details.issues.some((i: { path: string[] }) => i.path.join('.') === path),
        path,
      );
    }
  });

  test('the entity and its officer keep the list; the caps in the law are warnings', async () => {
    const coop = await t.login(DEMO.coop);
    const big = await req('POST', url, coop, member({ name: 'Nguyễn Thị Hoa', capitalContributed: 350_000_000 }));
    assert.equal(big.statusCode, 201);
    for (const name of ['Trần Văn C', 'Phạm Văn D', 'Đỗ Thị E'])
      assert.equal((await req('POST', url, officer, member({ name }))).statusCode, 201);
    let list = (await req('GET', url, officer)).json();
    assert.equal(list.total, 4);
    assert.deepEqual(list.warnings.map((w: { code: string }) => w.code).sort(), [
      'capital_cap_exceeded',
      'too_few_founders',
    ]);
    assert.equal(
      list.warnings.find((w: { code: string }) => w.code === 'capital_cap_exceeded').memberId,
      big.json().id,
    );
    const fixed = await req(
      'PATCH',
      `${url}/${big.json().id}`,
      coop,
      member({ name: 'Nguyễn Thị Hoa', capitalContributed: 300_000_000 }),
    );
    assert.equal(fixed.statusCode, 200);
    await req('POST', url, officer, member({ name: 'Vũ Văn G' }));
    list = (await req('GET', url, admin)).json();
    assert.deepEqual(list.warnings, []);
    const removed = await req('DELETE', `${url}/${list.items[0].id}`, officer);
    assert.equal(removed.statusCode, 204);
    assert.equal((await req('GET', url, admin)).json().total, 4);
    assert.equal((await req('DELETE', `${url}/${list.items[0].id}`, officer)).statusCode, 404);
    const audit = (await req('GET', '/api/audit?entityType=entity&action=member.removed', admin)).json();
    assert.equal(audit.total, 1);
  });
});
