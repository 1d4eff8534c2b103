import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { foldVietnamese, vietnamDate } from '@hoptac/core';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../../kernel/mail.ts';
import { createTestApp, DEMO, insertTestEntity, type TestApp } from '../../testing/index.ts';
import { ocopEvidenceDocuments } from './evidence.schema.ts';
import { storeFile } from '../../kernel/files.ts';
import { ocopCertificates, ocopDossiers, ocopProducts, ocopRounds } from './ocop.schema.ts';
import { createRemindersService } from './reminders.service.ts';
import { caller, linkEntity, MISSING_ID, SET, SHEET } from './rounds.fixtures.ts';

type Received = { to: string[]; raw: string };

/** A local SMTP server that keeps what it receives. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const DAY = 86_400_000;

describe('ocop: expiry reminders (in-app and e-mail) and notifications', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let clock = new Date('2026-11-25T03:00:00Z');
  const inDays = (n: number) => vietnamDate(new Date(clock.getTime() + n * DAY));
  let service: ReturnType<typeof createRemindersService>;
  let entityId = '';
  const mailer = () => createMailer(smtp.url)!;
  const document = async (title: string, validUntil: string) => {
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    const fileId = await storeFile(
      t.database.db,
      { fields: {}, fileName: 'a.pdf', bytes, mediaType: 'application/pdf', sha256: title },
      null,
    );
    await t.database.db.insert(ocopEvidenceDocuments).values({
      entityId,
      kind: 'food_safety_certificate',
      title,
      issuedOn: '2024-01-01',
      validUntil,
      fileId,
      fileName: 'a.pdf',
    });
  };

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ now: () => clock });
    const db = t.database.db;
    entityId = await insertTestEntity(db, 'HTX Nông sản Xuân Canh', '00454');
    await linkEntity(db, DEMO.coop, entityId);
    service = createRemindersService({ db, mailer: mailer(), now: () => clock });
    const [round] = await db.select({ id: ocopRounds.id }).from(ocopRounds);
    const certificate = async (n: number, validUntil: string, revoked = false) => {
      const name = `Sản phẩm ${n}`;
      const [p] = await db
        .insert(ocopProducts)
        .values({
          entityId,
          name,
          nameFolded: foldVietnamese(name),
          rubricId: SHEET,
          productSet: SET,
          status: 'submitted',
        })
        .returning({ id: ocopProducts.id });
      const [d] = await db
        .insert(ocopDossiers)
        .values({
          roundId: round!.id,
          productId: p!.id,
          entityId,
          rubricId: SHEET,
          rubricVersion: 1,
          status: 'certified',
        })
        .returning({ id: ocopDossiers.id });
      await db.insert(ocopCertificates).values({
        number: `OCOP-HN-2023-00000${n}`,
        year: 2023,
        sequence: n,
        dossierId: d!.id,
        productId: p!.id,
        entityId,
        productName: name,
        entityName: 'HTX Nông sản Xuân Canh',
        communeScheme: '2025-07',
        communeCode: '00454',
        star: 3,
        total: 60,
        decisionNumber: `${n}/QĐ-UBND`,
        decisionDate: '2023-12-01',
        issuer: 'province',
        issuedOn: '2023-12-01',
        validUntil,
        revokedAt: revoked ? clock : null,
        revokedReason: revoked ? 'Thu hồi' : null,
      });
    };
    await certificate(1, inDays(60)); // the 90-day reminder
    await certificate(2, inDays(20)); // the 30-day reminder only
    await certificate(3, inDays(200)); // nothing yet
    await certificate(4, inDays(20), true); // revoked: nothing
    await certificate(5, inDays(-1)); // expired: nothing
    await document('Giấy ATTP 2024', inDays(10));
    await document('Phiếu kiểm nghiệm', inDays(45));
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('a sweep sends each due reminder once, by e-mail and in the app, to the entity members and its commune officer', async () => {
    const first = await service.sweep();
    // The demo officer's scope holds the entity's commune (00454): each reminder goes to two accounts.
    assert.deepEqual(first, { reminders: 3, notifications: 6, emails: 6, emailFailures: 0 });
    assert.equal(smtp.received.length, 6);
    assert.deepEqual(smtp.received.map((m) => m.to.join()).sort(), [
      DEMO.coop,
      DEMO.coop,
      DEMO.coop,
      DEMO.officer,
      DEMO.officer,
      DEMO.officer,
    ]);
    const subjects = smtp.received.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? '').sort();
    assert.equal(subjects.length, 6);
    assert.ok(smtp.received.some((m) => m.raw.includes('OCOP-HN-2023-000001')));
    assert.ok(smtp.received.some((m) => m.raw.includes('OCOP-HN-2023-000002')));

    // Twice, or at once: nothing more.
    const again = await Promise.all([service.sweep(), service.sweep()]);
    assert.deepEqual(
      again.map((r) => r.reminders),
      [0, 0],
    );
    assert.equal(smtp.received.length, 6);

    // 35 days on, certificate 1 reaches its 30-day threshold; the document reminded already is not sent again.
    clock = new Date(clock.getTime() + 35 * DAY);
    const later = await service.sweep();
    assert.equal(later.reminders, 2, JSON.stringify(later)); // certificate 1 at 30 days, the 45-day document at 10
    assert.equal(smtp.received.length, 10);
    assert.equal((await service.sweep()).reminders, 0);
  });

  test('without SMTP the reminder is only in-app; an unreachable server is logged, not fatal', async () => {
    const failures: string[] = [];
    const broken = createRemindersService({
      db: t.database.db,
      mailer: createMailer('smtp://127.0.0.1:1'),
      now: () => clock,
      logError: (_err, msg) => failures.push(msg),
    });
    await document('Giấy chứng nhận VietGAP', inDays(5));
    assert.deepEqual(await broken.sweep(), { reminders: 1, notifications: 2, emails: 0, emailFailures: 2 });
    assert.deepEqual(failures, ['reminder e-mail failed', 'reminder e-mail failed']);
    const off = createRemindersService({ db: t.database.db, mailer: null, now: () => clock });
    await document('Chứng nhận hữu cơ', inDays(6));
    assert.deepEqual(await off.sweep(), { reminders: 1, notifications: 2, emails: 0, emailFailures: 0 });
    assert.equal(smtp.received.length, 10);
  });

  test('notifications: 401 signed out, 400 bad id, 404 for another user, mark read', async () => {
    const call = caller(t);
    assert.equal((await call('GET', '/api/ocop/notifications')).statusCode, 401);
    assert.equal((await call('POST', `/api/ocop/notifications/${MISSING_ID}/read`)).statusCode, 401);
    const coop = await t.login(DEMO.coop);
    const page = (await call('GET', '/api/ocop/notifications?pageSize=2', coop)).json();
    assert.deepEqual([page.total, page.unread, page.items.length], [7, 7, 2]);
    const kinds = (await call('GET', '/api/ocop/notifications', coop))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    assert.deepEqual(kinds.sort(), [
      'certificate_expiring',
      'certificate_expiring',
      'certificate_expiring',
      'evidence_expiring',
      'evidence_expiring',
      'evidence_expiring',
      'evidence_expiring',
    ]);
    const id = page.items[0].id;
    const officer = await t.login(DEMO.officer);
    // The commune officer has the same reminders in the app, as their own notifications.
    assert.equal((await call('GET', '/api/ocop/notifications', officer)).json().total, 7);
    assert.equal((await call('POST', `/api/ocop/notifications/${id}/read`, officer)).statusCode, 404);
    assert.equal((await call('POST', '/api/ocop/notifications/nope/read', coop)).statusCode, 400);
    assert.equal((await call('GET', '/api/ocop/notifications?pageSize=999', coop)).statusCode, 400);
    assert.equal((await call('POST', `/api/ocop/notifications/${id}/read`, coop)).statusCode, 204);
    assert.equal((await call('POST', `/api/ocop/notifications/${id}/read`, coop)).statusCode, 204);
    assert.equal((await call('GET', '/api/ocop/notifications', coop)).json().unread, 6);
  });
});
