import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RubricSheet } from '@hoptac/core';
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
import {
  caller,
  COUNCIL,
  createCouncilUsers,
  dossierOf,
  floorAnswers,
  issuePaths,
  linkEntity,
  MISSING_ID,
  SET,
  SHEET,
  TEST_PASSWORD,
  type Method,
} from './rounds.fixtures.ts';

const doc = (o: Record<string, string> = {}) => ({
  kind: 'test_report',
  title: 'Phiếu kết quả kiểm nghiệm số 123/KN',
  issuedOn: '2026-10-01',
  validUntil: '2027-10-01',
  ...o,
});
const pdf = { name: 'Phiếu kiểm nghiệm.pdf', content: SAMPLE_FILES.pdf, type: 'application/pdf' };

describe('ocop: evidence locker and the dossier checklist', () => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  const c: Record<string, string> = {};
  const e = { own: '', outside: '' };
  let sheet: RubricSheet;
  const send = (cookie: string | undefined, fields: Record<string, string>, file: typeof pdf | null = pdf) => {
    const body = multipartBody(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/api/ocop/evidence',
      payload: body.payload,
      headers: { ...body.headers, ...(cookie ? { cookie } : {}) },
    });
  };
  const documents = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from ocop_evidence_documents`))[0]!.n;

  before(async () => {
    t = await createTestApp();
    call = caller(t);
    e.own = await insertTestEntity(t.database.db, 'HTX Nông sản Xuân Canh', '00454');
    e.outside = await insertTestEntity(t.database.db, 'HTX Ba Đình', '00004');
    await linkEntity(t.database.db, DEMO.coop, e.own);
    for (const [k, email] of Object.entries({ admin: DEMO.admin, officer: DEMO.officer, coop: DEMO.coop, ...COUNCIL }))
      c[k] = await t.login(email);
    sheet = (await call('GET', `/api/ocop/rubrics/${SHEET}`)).json();
    const outsider = (await createCouncilUsers(t, c.admin!, 'ngoai', 1))[0]!.email;
    c.outsider = await t.login(outsider, TEST_PASSWORD);
  });
  after(() => t.close());

  test('every route: 401 signed out, 403 for the roles without a locker', async () => {
    const routes: [Method, string][] = [
      ['GET', '/api/ocop/evidence'],
      ['DELETE', `/api/ocop/evidence/${MISSING_ID}`],
      ['GET', `/api/ocop/products/${MISSING_ID}/evidence-checklist`],
    ];
    for (const [method, url] of routes) {
      assert.equal((await call(method, url)).statusCode, 401, url);
      for (const email of otherRoles('admin', 'officer', 'coop'))
        assert.equal((await call(method, url, await t.login(email))).statusCode, 403, `${email} ${url}`);
    }
    for (const url of [
      `/api/ocop/evidence/${MISSING_ID}/file`,
      `/api/ocop/dossiers/${MISSING_ID}/evidence-checklist`,
    ]) {
      assert.equal((await call('GET', url)).statusCode, 401, url);
      for (const email of otherRoles('admin', 'officer', 'coop', 'council'))
        assert.equal((await call('GET', url, await t.login(email))).statusCode, 403, `${email} ${url}`);
    }
    assert.equal((await send(undefined, doc())).statusCode, 401);
    for (const email of otherRoles('admin', 'officer', 'coop'))
      assert.equal((await send(await t.login(email), doc())).statusCode, 403, email);
    assert.equal(await documents(), 0);
  });

  test('bad uploads: 400 with the field, 413 over 10 MB, 415 for what is not a PDF or an image; nothing stored', async () => {
    const cases: [Record<string, string>, string][] = [
      [doc({ kind: 'passport' }), 'body.kind'],
      [doc({ title: '' }), 'body.title'],
      [doc({ issuedOn: '01/10/2026' }), 'body.issuedOn'],
      [doc({ validUntil: '2026-09-01' }), 'body.validUntil'],
      [doc({ entityId: 'not-a-uuid' }), 'body.entityId'],
    ];
    for (const [fields, path] of cases) {
      const res = await send(c.coop, fields);
      assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
      assert.ok(issuePaths(res).includes(path), `${path}: ${res.body}`);
    }
    const noFile = await send(c.coop, doc(), null);
    assert.deepEqual([noFile.statusCode, issuePaths(noFile)], [400, ['body.file']]);
    // An official names the entity.
    assert.deepEqual(issuePaths(await send(c.officer, doc())), ['body.entityId']);

    const big = await send(c.coop, doc(), {
      ...pdf,
      content: Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]),
    });
    assert.equal(big.statusCode, 413, big.body);
    assert.deepEqual([big.json().error.code, big.json().error.details.field], ['PAYLOAD_TOO_LARGE', 'body.file']);
    for (const content of [SAMPLE_FILES.text, SAMPLE_FILES.exe]) {
      const wrong = await send(c.coop, doc(), { name: 'giay-phep.pdf', content, type: 'application/pdf' });
      assert.equal(wrong.statusCode, 415, wrong.body);
      assert.deepEqual(
        [wrong.json().error.code, wrong.json().error.details.field],
        ['UNSUPPORTED_MEDIA_TYPE', 'body.file'],
      );
    }
    const json = await call('POST', '/api/ocop/evidence', c.coop, doc());
    assert.equal(json.statusCode, 415);
    assert.equal(await documents(), 0);
  });

  test('submitting is refused while required documents are missing; the checklist names them; uploads complete it', async () => {
    const created = await call('POST', '/api/ocop/products', c.coop, {
      entityId: e.own,
      name: 'Mứt sen Xuân Canh',
      rubricId: SHEET,
      productSet: SET,
    });
    const productId: string = created.json().id;
    await call('PUT', `/api/ocop/products/${productId}/self-assessment`, c.coop, {
      answers: floorAnswers(sheet, 3),
    });
    const refused = await call('POST', `/api/ocop/products/${productId}/submit`, c.coop);
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, 'EVIDENCE_MISSING');
    assert.deepEqual(
      refused.json().error.details.missing.map((m: { kind: string }) => m.kind),
      ['business_registration', 'food_safety_certificate', 'product_standard', 'test_report'],
    );
    assert.equal((await call('GET', `/api/ocop/products/${productId}`, c.coop)).json().status, 'draft');

    // The producer uploads three; an expired food-safety certificate does not count.
    const uploads: Record<string, string>[] = [
      doc({ kind: 'business_registration', title: 'Giấy chứng nhận đăng ký HTX', validUntil: '' }),
      doc({ kind: 'product_standard', title: 'Bản tự công bố TCCS 01:2026' }),
      doc(),
      doc({ kind: 'food_safety_certificate', title: 'Giấy ATTP cũ', issuedOn: '2020-01-01', validUntil: '2023-01-01' }),
    ];
    for (const fields of uploads) {
      const res = await send(c.coop, fields);
      assert.equal(res.statusCode, 201, res.body);
    }
    const checklist = (await call('GET', `/api/ocop/products/${productId}/evidence-checklist`, c.coop)).json();
    assert.equal(checklist.complete, false);
    assert.deepEqual(
      checklist.items.map((i: { kind: string; status: string }) => `${i.kind}:${i.status}`),
      ['business_registration:valid', 'food_safety_certificate:expired', 'product_standard:valid', 'test_report:valid'],
    );
    const still = await call('POST', `/api/ocop/products/${productId}/submit`, c.coop);
    assert.deepEqual(still.json().error.details.missing, [{ kind: 'food_safety_certificate', status: 'expired' }]);

    // The commune officer uploads the renewed certificate for the entity.
    const renewed = await send(
      c.officer,
      doc({ kind: 'food_safety_certificate', title: 'Giấy ATTP 2026', entityId: e.own }),
      {
        name: 'attp.png',
        content: SAMPLE_FILES.png,
        type: 'image/png',
      },
    );
    assert.equal(renewed.statusCode, 201, renewed.body);
    assert.equal(renewed.json().file.mediaType, 'image/png');
    assert.equal(
      (await call('GET', `/api/ocop/products/${productId}/evidence-checklist`, c.officer)).json().complete,
      true,
    );
    const submitted = await call('POST', `/api/ocop/products/${productId}/submit`, c.coop);
    assert.equal(submitted.statusCode, 200, submitted.body);

    // Lists are paginated and scoped.
    const page = (await call('GET', '/api/ocop/evidence?pageSize=2', c.coop)).json();
    assert.deepEqual([page.total, page.items.length], [5, 2]);
    assert.equal((await call('GET', `/api/ocop/evidence?entityId=${e.own}`, c.admin)).json().total, 5);
    assert.equal((await call('GET', `/api/ocop/evidence?entityId=${e.outside}`, c.coop)).statusCode, 403);
    assert.deepEqual(issuePaths(await call('GET', '/api/ocop/evidence', c.officer)), ['querystring.entityId']);
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from audit_log where action = 'ocop.evidence.upload'`,
    );
    assert.equal(audit[0]!.n, 5);
  });

  test('files: the entity, its officials and its dossier council read them; other council members do not', async () => {
    const list = (await call('GET', '/api/ocop/evidence', c.coop)).json();
    const report = list.items.find((d: { kind: string }) => d.kind === 'test_report');
    const url = `/api/ocop/evidence/${report.id}/file`;
    for (const who of ['coop', 'officer', 'admin']) {
      const res = await call('GET', url, c[who]);
      assert.equal(res.statusCode, 200, who);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="Phieu kiem nghiem.pdf"; filename\*=UTF-8''/,
      );
      assert.deepEqual(res.rawPayload, SAMPLE_FILES.pdf);
    }
    // Before the dossier reaches the council, council members cannot read; the outsider never.
    assert.equal((await call('GET', url, c.chair)).statusCode, 403);
    const dossierId = await dossierOf(t, c.admin!, 'Mứt sen Xuân Canh');
    const forwarded = await call('POST', `/api/ocop/dossiers/${dossierId}/forward`, c.officer, {});
    assert.equal(forwarded.statusCode, 200, forwarded.body);
    assert.equal((await call('GET', url, c.chair)).statusCode, 200);
    assert.equal((await call('GET', url, c.outsider)).statusCode, 403);
    const dossierList = await call('GET', `/api/ocop/dossiers/${dossierId}/evidence-checklist`, c.member);
    assert.equal(dossierList.statusCode, 200, dossierList.body);
    assert.equal(dossierList.json().complete, true);
    assert.equal((await call('GET', `/api/ocop/dossiers/${dossierId}/evidence-checklist`, c.outsider)).statusCode, 403);
    // The council reads, but does not remove.
    assert.equal((await call('DELETE', `/api/ocop/evidence/${report.id}`, c.chair)).statusCode, 403);
    assert.equal((await call('GET', `/api/ocop/evidence/${MISSING_ID}/file`, c.admin)).statusCode, 404);
    assert.equal((await call('GET', '/api/ocop/evidence/nope/file', c.admin)).statusCode, 400);
  });

  test('removing a document: its entity or officer only; the file goes with it', async () => {
    const list = (await call('GET', '/api/ocop/evidence', c.coop)).json();
    const old = list.items.find((d: { title: string }) => d.title === 'Giấy ATTP cũ');
    const other = await send(c.admin, doc({ entityId: e.outside }));
    assert.equal(other.statusCode, 201);
    assert.equal((await call('DELETE', `/api/ocop/evidence/${other.json().id}`, c.coop)).statusCode, 403);
    assert.equal((await call('DELETE', `/api/ocop/evidence/${other.json().id}`, c.officer)).statusCode, 403);
    const files = async () =>
      (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from stored_files`))[0]!.n;
    const before = await files();
    assert.equal((await call('DELETE', `/api/ocop/evidence/${old.id}`, c.coop)).statusCode, 204);
    assert.equal(await files(), before - 1);
    assert.equal((await call('GET', `/api/ocop/evidence/${old.id}/file`, c.coop)).statusCode, 404);
  });
});
