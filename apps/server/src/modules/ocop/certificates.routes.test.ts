import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RubricAnswers, RubricSheet } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, DEMO, insertTestEntity, otherRoles, type TestApp } from '../../testing/index.ts';
import {
  caller,
  COUNCIL,
  floorAnswers,
  forwardedDossier,
  issuePaths,
  linkEntity,
  raiseTo,
  scoreAll,
  SHEET,
  type Method,
} from './rounds.fixtures.ts';

const NOW = new Date('2026-11-24T03:00:00Z');

describe('ocop: decisions and certificates', () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  let sheet: RubricSheet;
  const c: Record<string, string> = {};
  const e = { own: '', outside: '' };
  const d = { five: '', four: '', outside: '' };
  const n = { five: '', four: '', outside: '' };
  const certCount = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from ocop_certificates`))[0]!.n;

  /** A dossier scored by the demo council at the three totals and confirmed by the secretary. */
  async function confirmed(entity: string, producer: string, name: string, star: 3 | 4 | 5, totals: number[]) {
    const base = floorAnswers(sheet, star);
    const id = await forwardedDossier(
      t,
      { producer, official: c.admin!, admin: c.admin! },
      entity,
      name,
      raiseTo(sheet, base, totals[0]!),
    );
    const sets: RubricAnswers[] = totals.map((total) => raiseTo(sheet, base, total));
    await scoreAll(t, id, [
      [c.chair!, sets[0]!],
      [c.secretary!, sets[1]!],
      [c.member!, sets[2]!],
    ]);
    const res = await call('POST', `/api/ocop/dossiers/${id}/confirm`, c.secretary, {
      minutes: 'Biên bản họp hội đồng',
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return id;
  }

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    call = caller(t);
    e.own = await insertTestEntity(t.database.db, 'HTX Chè Đông Anh', '00454');
    e.outside = await insertTestEntity(t.database.db, 'HTX Ba Đình', '00004');
    await linkEntity(t.database.db, DEMO.coop, e.own);
    for (const [k, email] of Object.entries({ admin: DEMO.admin, officer: DEMO.officer, coop: DEMO.coop, ...COUNCIL }))
      c[k] = await t.login(email);
    sheet = (await call('GET', `/api/ocop/rubrics/${SHEET}`)).json();
    d.five = await confirmed(e.own, c.coop!, 'Trà sen Đông Anh', 5, [92, 95, 98]);
    d.four = await confirmed(e.own, c.coop!, 'Mứt gừng Đông Anh', 4, [76, 78, 80]);
    d.outside = await confirmed(e.outside, c.admin!, 'Ô mai Ba Đình', 3, [60, 62, 64]);
  });
  after(() => t.close());

  test('the council result decides who certifies: 5★ goes to the ministry, 3–4★ to the province', async () => {
    const five = (await call('GET', `/api/ocop/dossiers/${d.five}`, c.admin)).json();
    const four = (await call('GET', `/api/ocop/dossiers/${d.four}`, c.admin)).json();
    assert.deepEqual(
      [five.outcome, five.finalStar, five.finalTotal, five.can.decide],
      ['proposed_national', 5, 95, true],
    );
    assert.deepEqual([four.outcome, four.finalStar, four.finalTotal], ['awaiting_decision', 4, 78]);
  });

  test('recording a decision: 400 on the field at fault and nothing issued', async () => {
    const url = `/api/ocop/dossiers/${d.five}/decision`;
    const cases: [object, string, string?][] = [
      [{ number: '12', date: '2026-11-24' }, 'body.number'],
      [{ number: '12/QĐ-BNNMT', date: '24/11/2026' }, 'body.date'],
      [{ number: '12/QĐ-BNNMT', date: '2026-11-25' }, 'body.date', 'in_future'],
      [{ number: '12/QĐ-BNNMT', date: '2026-11-23' }, 'body.date', 'before_confirmation'],
    ];
    for (const [payload, field, code] of cases) {
      const res = await call('POST', url, c.admin, payload);
      assert.deepEqual(issuePaths(res), [field], res.body);
      if (code) assert.equal(res.json().error.details.issues[0].code, code);
    }
    assert.equal(await certCount(), 0);
    assert.equal((await call('GET', `/api/ocop/dossiers/${d.five}`, c.admin)).json().status, 'confirmed');
  });

  test('certificates are numbered per year in issue order, valid 36 months, issued by the right authority', async () => {
    const issue = async (id: string, number: string) => {
      const res = await call('POST', `/api/ocop/dossiers/${id}/decision`, c.admin, { number, date: '2026-11-24' });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const five = await issue(d.five, '88/QĐ-BNNMT');
    const four = await issue(d.four, '4321/QĐ-UBND');
    const outside = await issue(d.outside, '4322/QĐ-UBND');
    [n.five, n.four, n.outside] = [five.number, four.number, outside.number];
    assert.deepEqual(
      [five.number, five.decision.issuer, five.decision.issuerName, five.star, five.validUntil],
      ['OCOP-HN-2026-000001', 'ministry', 'Bộ Nông nghiệp và Môi trường', 5, '2029-11-24'],
    );
    assert.deepEqual(
      [four.number, four.decision.issuer, outside.number],
      ['OCOP-HN-2026-000002', 'province', 'OCOP-HN-2026-000003'],
    );
    assert.deepEqual(
      [four.product.name, four.entity.name, four.entity.communeName],
      ['Mứt gừng Đông Anh', 'HTX Chè Đông Anh', 'Xã Đông Anh'],
    );
    const again = await call('POST', `/api/ocop/dossiers/${d.four}/decision`, c.admin, {
      number: '4321/QĐ-UBND',
      date: '2026-11-24',
    });
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'INVALID_STATUS_CHANGE']);
    const fb = (await call('GET', `/api/ocop/dossiers/${d.four}/feedback`, c.coop)).json();
    assert.deepEqual(fb.certificate, { number: four.number, status: 'valid', validUntil: '2029-11-24' });
  });

  test('every route: 401 signed out, 403 for roles without access and outside the scope; verify is public', async () => {
    const routes: [Method, string, object | undefined, (keyof typeof DEMO)[]][] = [
      ['POST', `/api/ocop/dossiers/${d.four}/decision`, { number: '1/QĐ-UBND', date: '2026-11-24' }, ['admin']],
      ['GET', '/api/ocop/certificates', undefined, ['admin', 'officer', 'coop']],
      ['GET', `/api/ocop/certificates/${n.four}`, undefined, ['admin', 'officer', 'coop']],
      ['GET', `/api/ocop/certificates/${n.four}/pdf`, undefined, ['admin', 'officer', 'coop']],
      ['POST', `/api/ocop/certificates/${n.four}/revoke`, { reason: 'Không tái đánh giá' }, ['admin']],
    ];
    for (const [method, url, payload, allowed] of routes) {
      assert.equal((await call(method, url, undefined, payload)).statusCode, 401, `${method} ${url}`);
      for (const email of otherRoles(...allowed))
        assert.equal((await call(method, url, await t.login(email), payload)).statusCode, 403, `${email} ${url}`);
    }
    for (const cookie of [c.officer!, c.coop!]) {
      assert.equal((await call('GET', `/api/ocop/certificates/${n.outside}`, cookie)).statusCode, 403);
      assert.equal((await call('GET', `/api/ocop/certificates/${n.outside}/pdf`, cookie)).statusCode, 403);
    }
    assert.equal((await call('GET', '/api/ocop/certificates/OCOP-HN-2026-999999', c.admin)).statusCode, 404);
    assert.equal((await call('GET', '/api/ocop/certificates/OCOP-HN-2026-999999/verify')).statusCode, 404);
    assert.deepEqual(issuePaths(await call('GET', '/api/ocop/certificates/not-a-number/verify')), ['params.number']);
    const verified = await call('GET', `/api/ocop/certificates/${n.five}/verify`);
    assert.deepEqual(
      [verified.statusCode, verified.json().status, verified.json().issuerName],
      [200, 'valid', 'Bộ Nông nghiệp và Môi trường'],
    );
    assert.equal(await certCount(), 3);
  });

  test('lists follow the scope and filter by star and status; revocation shows everywhere', async () => {
    const numbers = async (cookie: string, q = '') =>
      (await call('GET', `/api/ocop/certificates${q}`, cookie))
        .json()
        .items.map((x: { number: string }) => x.number)
        .sort();
    assert.deepEqual(await numbers(c.admin!), [n.five, n.four, n.outside]);
    assert.deepEqual(await numbers(c.officer!), [n.five, n.four]);
    assert.deepEqual(await numbers(c.coop!), [n.five, n.four]);
    assert.deepEqual(await numbers(c.admin!, '?star=5'), [n.five]);
    assert.deepEqual(issuePaths(await call('GET', '/api/ocop/certificates?star=2', c.admin)), ['querystring.star']);

    const url = `/api/ocop/certificates/${n.four}/revoke`;
    assert.deepEqual(issuePaths(await call('POST', url, c.admin, { reason: 'x' })), ['body.reason']);
    assert.equal((await call('GET', `/api/ocop/certificates/${n.four}`, c.coop)).json().status, 'valid');
    const revoked = await call('POST', url, c.admin, { reason: 'Không tham gia đánh giá lại' });
    assert.deepEqual([revoked.json().status, revoked.json().revokedReason], ['revoked', 'Không tham gia đánh giá lại']);
    const twice = await call('POST', url, c.admin, { reason: 'Không tham gia đánh giá lại' });
    assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'INVALID_STATUS_CHANGE']);
    assert.deepEqual(await numbers(c.admin!, '?status=revoked'), [n.four]);
    assert.deepEqual(await numbers(c.admin!, '?status=valid'), [n.five, n.outside]);
    assert.equal((await call('GET', `/api/ocop/certificates/${n.four}/verify`)).json().status, 'revoked');
    const fb = (await call('GET', `/api/ocop/dossiers/${d.four}/feedback`, c.coop)).json();
    assert.equal(fb.certificate.status, 'revoked');
    assert.ok(fb.comments.some((x: { action: string }) => x.action === 'revoked'));
    const pdf = await call('GET', `/api/ocop/certificates/${n.five}/pdf`, c.officer);
    assert.equal(pdf.rawPayload.subarray(0, 4).toString('latin1'), '%PDF');
    assert.match(String(pdf.headers['content-disposition']), new RegExp(`${n.five}\\.pdf`));
  });
});
