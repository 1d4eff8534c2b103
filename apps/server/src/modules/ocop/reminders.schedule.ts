import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.ts';
import { createMailer } from '../../kernel/mail.ts';
import { createRemindersService, type SweepResult } from './reminders.service.ts';

const QUEUE = 'ocop-expiry-reminders';
/** 07:00 in Hanoi: a reminder arrives at the start of a working day. */
const DAILY_CRON = '0 7 * * *';
const DAY_MS = 86_400_000;

export type ReminderSchedule = { stop(): Promise<void> };
type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * Runs the expiry-reminder sweep daily (docs/adr/0006). On PostgreSQL a pg-boss schedule, so
 * that with several server processes exactly one runs it and a missed day is caught up; on
 * PGlite (one process by construction) an in-process timer, plus one sweep at start. The sweep
 * is idempotent either way.
 */
export async function startReminderSchedule(
  database: Database,
  opts: { smtpUrl: string | null; log: Log },
): Promise<ReminderSchedule> {
  const mailer = createMailer(opts.smtpUrl);
  const service = createRemindersService({
    db: database.db,
    mailer,
    logError: (err, msg) => opts.log.error({ err }, msg),
  });
  const sweep = async () => {
    const result: SweepResult = await service.sweep();
    if (result.reminders > 0) opts.log.info(result, 'expiry reminders sent');
  };

  if (database.kind === 'postgres' && database.url) {
    const boss = new PgBoss(database.url);
    boss.on('error', (err) => opts.log.error({ err }, 'pg-boss error'));
    await boss.start();
    await boss.createQueue(QUEUE);
    await boss.schedule(QUEUE, DAILY_CRON, {}, { tz: 'Asia/Ho_Chi_Minh' });
    await boss.work(QUEUE, async () => sweep());
    return {
      async stop() {
        await boss.stop({ graceful: true, wait: true });
        mailer?.close();
      },
    };
  }

  const run = () => sweep().catch((err: unknown) => opts.log.error({ err }, 'expiry reminder sweep failed'));
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, DAY_MS);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      mailer?.close();
    },
  };
}
