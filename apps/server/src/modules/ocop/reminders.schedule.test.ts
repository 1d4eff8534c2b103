import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { vietnamDate } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { storeFile } from '../../kernel/files.ts';
import { createTestDatabase, insertTestEntity, testDatabaseKind } from '../../testing/index.ts';
import { ocopEvidenceDocuments } from './evidence.schema.ts';
import { startReminderSchedule } from './reminders.schedule.ts';

describe('ocop: the daily reminder schedule', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    db = await createTestDatabase({ seedDemo: false });
  });
  after(() => db.close());

  const logs: string[] = [];
  const log = {
    info: (_o: object, msg: string) => logs.push(msg),
    error: (_o: object, msg: string) => logs.push(`error: ${msg}`),
  };

  test('PostgreSQL: a pg-boss schedule at 07:00 Hanoi time; PGlite: a sweep soon after start', async (t) => {
    if (testDatabaseKind() === 'postgres') {
      const schedule = await startReminderSchedule(db.database, { smtpUrl: null, log });
      const rows = await queryRows<{ name: string; cron: string; timezone: string }>(
        db.database.db,
        sql`select name, cron, timezone from pgboss.schedule`,
      );
      await schedule.stop();
      assert.deepEqual(rows, [{ name: 'ocop-expiry-reminders', cron: '0 7 * * *', timezone: 'Asia/Ho_Chi_Minh' }]);
      return;
    }
    const entityId = await insertTestEntity(db.database.db, 'HTX Nông sản Xuân Canh', '00454');
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    const fileId = await storeFile(
      db.database.db,
      { fields: {}, fileName: 'a.pdf', bytes, mediaType: 'application/pdf', sha256: 'x' },
      null,
    );
    await db.database.db.insert(ocopEvidenceDocuments).values({
      entityId,
      kind: 'test_report',
      title: 'Phiếu kiểm nghiệm',
      issuedOn: '2026-01-01',
      validUntil: vietnamDate(new Date(Date.now() + 10 * 86_400_000)),
      fileId,
      fileName: 'a.pdf',
    });
    t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    const schedule = await startReminderSchedule(db.database, { smtpUrl: null, log });
    t.mock.timers.tick(5_000);
    t.mock.timers.reset();
    for (let i = 0; i < 50 && logs.length === 0; i++) await sleep(50);
    await schedule.stop();
    assert.deepEqual(logs, ['expiry reminders sent']);
  });
});
