import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { bootstrapDatabase } from './db/bootstrap.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/pglite-lock.ts';
import { DEMO_COOP_EMAIL } from './db/seed/demo-register.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/identity/index.ts';
import { startReminderSchedule } from './modules/ocop/index.ts';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(
    config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  const result = await bootstrapDatabase(database, { seedDemo: config.seedDemo });
  const seeded = result.demoRegister;
  const app = await buildApp({ database, config });
  const reminders = await startReminderSchedule(database, { smtpUrl: config.smtpUrl, log: app.log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await reminders.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir}`;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const lines = [
    '',
    `  Hoptac is running on http://${shown}:${config.port}  (database: ${where})`,
    `  API docs: http://${shown}:${config.port}/api/docs`,
  ];
  if (config.seedDemo) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"${result.demoSeeded ? '' : ' unless changed'}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(26)} ${a.roles.join(', ')}`);
  }
  if (seeded) {
    lines.push(
      `  Demo register: seeded ${seeded.entities.toLocaleString('en')} synthetic entities with annual reports 2021–2025 ` +
        `in ${(seeded.ms / 1000).toFixed(1)} s (first start)`,
    );
    if (seeded.demoCooperative)
      lines.push(`    ${DEMO_COOP_EMAIL} acts for ${seeded.demoCooperative.name} (its 2025 report is still to file)`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    process.stderr.write(`\nHoptac cannot start: ${err.message}\n\n`);
    process.exit(2);
  }
  process.stderr.write(
    `\nHoptac failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
