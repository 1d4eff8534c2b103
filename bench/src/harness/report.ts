import type { DatabaseKindName } from './databases.ts';
import type { MachineInfo } from './machine.ts';
import type { RouteOutcome } from './measure.ts';
import type { BenchRoute, CeilingName } from './routes.ts';

export type DatabaseRun = {
  kind: DatabaseKindName;
  label: string;
  /** Why this database was not measured at all (e.g. PostgreSQL unreachable). */
  skipped?: string;
  /** A setup or server failure that cut the pass short. */
  error?: string;
  version?: string;
  seedLines?: string[];
  prepareSec?: number;
  outcomes: RouteOutcome[];
};

export type BenchRun = {
  startedAt: Date;
  finishedSec: number;
  machine: MachineInfo;
  scaleName: string;
  scaleSummary: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  routes: readonly BenchRoute[];
  databases: DatabaseRun[];
};

const CEILING_LABEL: Record<CeilingName, string> = { health: 'health', pk: 'PK' };

const int = (n: number) => Math.round(n).toLocaleString('en');
// Two decimals, except for tiny ratios where that would print 0.00.
const ratio = (n: number) => (n >= 0.1 || n === 0 ? n.toFixed(2) : n.toPrecision(2));

/** Problem text comes from response bodies: keep it from breaking the table row. */
const cellText = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

function resultCell(o: RouteOutcome): string {
  if (o.status === 'failing') return `**FAILING** — ${cellText(o.problems.join('; '))}`;
  if (o.meetsTarget === false) return '**below target**';
  if (o.meetsTarget === true) return 'meets target';
  return 'ok';
}

function ratioCell(o: RouteOutcome): string {
  if (o.route.ceiling === 'health') return 'ceiling';
  if (o.ratio === undefined || !o.route.compareTo) return '—';
  return `${ratio(o.ratio)} × ${CEILING_LABEL[o.route.compareTo]}`;
}

function targetCell(route: BenchRoute): string {
  return route.targetRatio !== undefined && route.compareTo
    ? `≥ ${ratio(route.targetRatio)} × ${CEILING_LABEL[route.compareTo]}`
    : '—';
}

/** The per-database table, also printed to the console at the end of a run. */
export function databaseTable(db: DatabaseRun): string[] {
  const lines = [
    '| Route | req/s (mean) | p50 ms | p99 ms | errors / non-2xx | ratio | target | result |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const o of db.outcomes) {
    const l = o.load;
    // Non-2xx answers measure an error path, so their figures are hidden; a run that only had
    // timeouts still shows what the completed (2xx) requests did.
    const measured = l && l.non2xx === 0 && l.requests > 0 ? l : null;
    lines.push(
      `| ${o.route.name} | ${measured ? int(measured.reqPerSec) : '—'} | ${measured ? measured.p50Ms : '—'} | ${measured ? measured.p99Ms : '—'} | ` +
        `${l ? `${l.errors} / ${l.non2xx}` : '—'} | ${ratioCell(o)} | ${targetCell(o.route)} | ${resultCell(o)} |`,
    );
  }
  return lines;
}

function sideBySide(run: BenchRun): string[] {
  const measured = run.databases.filter((d) => d.outcomes.length > 0);
  if (measured.length === 0) return [];
  const header = `| Route | compared with | ${measured.map((d) => d.label).join(' | ')} | target |`;
  const lines = [header, `| --- | --- | ${measured.map(() => '---:').join(' | ')} | --- |`];
  for (const route of run.routes) {
    if (!route.compareTo) continue;
    const cells = measured.map((d) => {
      const o = d.outcomes.find((x) => x.route === route);
      if (!o) return '—';
      if (o.status === 'failing') return 'FAILING';
      return o.ratio === undefined ? '—' : ratio(o.ratio);
    });
    lines.push(`| ${route.name} | ${CEILING_LABEL[route.compareTo]} | ${cells.join(' | ')} | ${targetCell(route)} |`);
  }
  return lines;
}

function routeList(routes: readonly BenchRoute[]): string[] {
  return routes.map((r) => {
    const auth = r.auth ? `, signed in as ${r.auth}` : '';
    const role = r.ceiling ? ` — ceiling "${CEILING_LABEL[r.ceiling]}"` : '';
    const vs = r.compareTo ? `; ratio against ${CEILING_LABEL[r.compareTo]}` : '';
    const target = r.targetRatio !== undefined ? `; target ≥ ${ratio(r.targetRatio)}` : '';
    const placeholder = r.path.includes('{entityId}')
      ? ' (`{entityId}`: the first active agricultural cooperative of Xã Đông Anh by name)'
      : '';
    return `- **${r.name}**: \`GET ${r.path}\`${placeholder}${auth}${role}${vs}${target}`;
  });
}

/** The whole docs/benchmarks.md: overwritten on every run. */
export function renderMarkdown(run: BenchRun): string {
  const m = run.machine;
  const out: string[] = [
    '# Benchmarks',
    '',
    '_Written by `npm run bench`; every run overwrites this file. Compare ratios, not req/s: the',
    'absolute figures belong to the machine below and move with whatever else it was doing._',
    '',
    '## This run',
    '',
    `- Date: ${run.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC (took ${Math.round(run.finishedSec)} s)`,
    `- Machine: ${m.cores} × ${m.cpuModel}, ${m.memoryGiB.toFixed(1)} GiB memory, ${m.os}; load average at start ${m.loadAvg.map((x) => x.toFixed(2)).join(' / ')}`,
    `- Node ${m.node}; commit ${m.commit}`,
    `- Scale: **${run.scaleName}** — ${run.scaleSummary}`,
    `- Load: autocannon, ${run.connections} connections, ${run.durationSec} s per route after a ${run.warmupSec} s warm-up, from the same machine over 127.0.0.1`,
    `- Server: \`node --import tsx apps/server/src/main.ts\`, NODE_ENV=production, LOG_LEVEL=warn, one process`,
    '',
    '## Routes',
    '',
    ...routeList(run.routes),
    '',
  ];
  for (const db of run.databases) {
    out.push(`## ${db.label}${db.version ? ` (${db.version})` : ''}`, '');
    if (db.skipped) {
      out.push(`Not measured: ${db.skipped}.`, '');
      continue;
    }
    if (db.seedLines)
      out.push(`Seeded in ${db.prepareSec?.toFixed(1) ?? '?'} s:`, '', '```', ...db.seedLines, '```', '');
    if (db.error) out.push(`**The pass stopped early:** ${db.error}`, '');
    if (db.outcomes.length > 0) out.push(...databaseTable(db), '');
  }
  const side = sideBySide(run);
  if (side.length > 0) out.push('## Ratios side by side', '', ...side, '');
  out.push(
    '## How to run',
    '',
    '```sh',
    'npm run bench                          # hanoi scale, PostgreSQL then PGlite, 10 s per route',
    'npm run bench -- --scale national      # ~34,000 accounts and entities',
    'npm run bench -- --duration 30 --db postgres   # longer runs, one database',
    '```',
    '',
    'Options: `--scale hanoi|national`, `--duration S` (per route), `--warmup S`, `--connections N`,',
    '`--db both|postgres|pglite`, `--out FILE`. PostgreSQL is the server at `TEST_DATABASE_URL`',
    '(default `postgres://postgres@127.0.0.1:5432/postgres`); the bench creates a scratch database on it',
    'and drops it afterwards, and uses a temporary PGlite directory it removes afterwards. To look at',
    'the synthetic data itself: `npm run seed:synthetic -- --scale hanoi --data-dir /tmp/hoptac-synth`',
    '(password of every synthetic account: `hoptac-synthetic`).',
    '',
    '## How to read',
    '',
    '- **Two ceilings** are measured in the same run on the same database: `health` (no database work:',
    '  the cost of Fastify, JSON and the network stack) and `PK` (a one-row primary-key lookup: the',
    "  cheapest real query). A route's **ratio** is its req/s divided by its ceiling's req/s; 1.00 means",
    '  "as fast as the ceiling". The PK row\'s ratio is PK ÷ health: what one trivial query costs.',
    '- **Targets are ratios**, never times. A ratio below its target is a regression to look at, not a',
    '  failed build: single runs on a shared machine are noisy (a few percent is noise; compare several',
    '  runs before concluding). Tests never assert timings.',
    '- **FAILING** means the route answered something other than 2xx, had socket errors or timeouts',
    '  (no answer within 10 s), or its sanity check found an empty result. With non-2xx answers the',
    '  figures are hidden (they would measure an error path); with timeouts only, they show what the',
    '  completed requests did. A failing route gets no ratio, and the run exits with status 1.',
    `- p50/p99 are latencies under ${run.connections} concurrent connections, so they include queueing: at saturation`,
    "  p50 ≈ connections ÷ req/s. On PGlite every query runs on the server's main thread, so database",
    '  time and HTTP handling share one core; on PostgreSQL the database works in its own processes.',
    '- The load generator runs on the same cores as the server and the database: on a 2-core machine',
    "  the ceilings are partly the load generator's own limit. That is why only ratios are compared.",
    '- Synthetic data is deterministic (seed `hoptac-synthetic-v1`), so two runs at one scale load',
    '  exactly the same rows; the database is `VACUUM (ANALYZE)`d after seeding. The generators live in',
    '  `apps/server/src/db/seed/synthetic/`; demo mode (`npm start` on an empty database) loads the',
    '  hanoi-scale register from the same code and seed.',
    '',
  );
  return out.join('\n');
}
