import { MAX_IMPORT_ROWS } from '../../../apps/server/src/modules/registry/imports.service.ts';
import type { DatabaseKindName } from './databases.ts';
import { CEILING_BATCH } from './batched-insert.ts';
import { IMPORT_ROWS, IMPORT_TARGET_RATIO, type ImportOutcome } from './import-bench.ts';
import type { MachineInfo } from './machine.ts';
import type { RouteOutcome } from './measure.ts';
import { CATALOG_AND_PLANS_SECTION } from './catalog-report.ts';
import { OCOP_HOW_TO_READ, OCOP_SECTION, scenarioSideBySide, scenarioTable } from './ocop-report.ts';
import type { ScenarioOutcome } from './ocop-scenario.ts';
import { PLACEHOLDER_NOTES, type BenchRoute, type CeilingName } from './routes.ts';

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
  /** The XLSX import against its batched-insert ceiling (absent when the pass stopped before it). */
  import?: ImportOutcome;
  /** The OCOP council-scoring scenario, one outcome per run (absent when the pass stopped before it). */
  ocop?: ScenarioOutcome[];
  /** How long the OCOP seeding took, or why it failed (then the OCOP rows are failing, nothing else). */
  ocopSeedSec?: number;
  ocopError?: string;
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
  const alone = o.single ? ` (p99 ${o.single.p99Ms} ms on 1 connection)` : '';
  if (o.meetsTarget === false) return `**below target**${alone}`;
  if (o.meetsTarget === true) return `meets target${alone}`;
  return `ok${alone}`;
}

function ratioCell(o: RouteOutcome): string {
  if (o.route.ceiling === 'health') return 'ceiling';
  if (o.ratio === undefined || !o.route.compareTo) return '—';
  return `${ratio(o.ratio)} × ${CEILING_LABEL[o.route.compareTo]}`;
}

function targetCell(route: BenchRoute): string {
  const latency = route.p99TargetMs === undefined ? '' : `, p99 ≤ ${route.p99TargetMs} ms on 1 connection`;
  return route.targetRatio !== undefined && route.compareTo
    ? `≥ ${ratio(route.targetRatio)} × ${CEILING_LABEL[route.compareTo]}${latency}`
    : '—';
}

const importTarget = `≥ ${ratio(IMPORT_TARGET_RATIO)} × batched insert`;
const secs = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function importResult(o: ImportOutcome): string {
  if (o.status === 'failing') return `**FAILING** — ${cellText(o.problems.join('; '))}`;
  return o.meetsTarget ? 'meets target' : '**below target**';
}

function rssCell(o: ImportOutcome): string {
  if (!o.rss) return '— (no /proc)';
  const { beforeMiB, peakMiB } = o.rss;
  return `${int(beforeMiB)} → ${int(peakMiB)} MiB (+${int(peakMiB - beforeMiB)})`;
}

function phasesCell(o: ImportOutcome): string {
  if (!o.phases) return '—';
  const { uploadSec, checkSec, writeSec } = o.phases;
  return [uploadSec, checkSec, writeSec].map((n) => n.toFixed(2)).join(' · ');
}

/** One line for the console. */
export function importLine(o: ImportOutcome): string {
  if (o.status === 'failing') return `FAILING: ${o.problems.join('; ')}`;
  return (
    `${int(o.importRowsPerSec!)} rows/s (${secs(o.importSec!)} s) vs batched insert ${int(o.ceilingRowsPerSec!)} rows/s ` +
    `(${secs(o.ceilingSec!)} s): ratio ${ratio(o.ratio!)}, ${o.meetsTarget ? 'meets target' : 'BELOW TARGET'}; ` +
    `upload · check · write ${phasesCell(o)} s; server RSS ${rssCell(o)}`
  );
}

/** The import's row in its database's section. */
function importTable(o: ImportOutcome): string[] {
  const workload = o.entities === undefined ? int(o.rows) : `${int(o.rows)} (${int(o.entities)} entities, ${o.years})`;
  const timed = (sec?: number, perSec?: number) =>
    sec === undefined || perSec === undefined ? '—' : `${int(perSec)} (${secs(sec)} s)`;
  const measured = o.status === 'ok';
  return [
    '| Reports | File | Import rows/s | upload · check · write s | Batched insert rows/s | ratio | target | result | Server RSS before → peak |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    `| ${workload} | ${o.fileMiB === undefined ? '—' : `${o.fileMiB.toFixed(1)} MiB`} | ` +
      `${measured ? timed(o.importSec, o.importRowsPerSec) : '—'} | ${measured ? phasesCell(o) : '—'} | ` +
      `${timed(o.ceilingSec, o.ceilingRowsPerSec)} | ` +
      `${o.ratio === undefined ? '—' : ratio(o.ratio)} | ${importTarget} | ${importResult(o)} | ${measured ? rssCell(o) : '—'} |`,
  ];
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
  const imports = measured.map((d) => {
    if (!d.import) return '—';
    return d.import.status === 'failing' ? 'FAILING' : ratio(d.import.ratio!);
  });
  if (measured.some((d) => d.import))
    lines.push(
      `| XLSX import, ${int(IMPORT_ROWS)} reports | batched insert | ${imports.join(' | ')} | ${importTarget} |`,
    );
  if (measured.some((d) => d.ocop)) lines.push(...scenarioSideBySide(measured.map((d) => d.ocop)));
  return lines;
}

function routeList(routes: readonly BenchRoute[]): string[] {
  return routes.map((r) => {
    const auth = r.auth ? `, signed in as ${r.auth}` : '';
    const role = r.ceiling ? ` — ceiling "${CEILING_LABEL[r.ceiling]}"` : '';
    const vs = r.compareTo ? `; ratio against ${CEILING_LABEL[r.compareTo]}` : '';
    const latency = r.p99TargetMs !== undefined ? ` and p99 ≤ ${r.p99TargetMs} ms on 1 connection` : '';
    const target = r.targetRatio !== undefined ? `; target ≥ ${ratio(r.targetRatio)}${latency}` : '';
    const notes = [...r.path.matchAll(/\{(\w+)\}/g)].flatMap(([whole, key]) =>
      PLACEHOLDER_NOTES[key!] ? [`\`${whole}\`: ${PLACEHOLDER_NOTES[key!]}`] : [],
    );
    const placeholder = notes.length > 0 ? ` (${notes.join('; ')})` : '';
    const body = r.body ? ' with a JSON body' : '';
    return `- **${r.name}**: \`${r.method ?? 'GET'} ${r.path}\`${body}${placeholder}${auth}${role}${vs}${target}`;
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
    ...CATALOG_AND_PLANS_SECTION,
    '## XLSX import',
    '',
    `After the routes, on the same server and data, an XLSX of ${int(IMPORT_ROWS)} annual reports is uploaded to`,
    '`POST /api/registry/imports?kind=annual-reports` as city_admin, and its status is polled every 50 ms; the',
    'time runs from the start of the upload to the poll that sees the import completed, and the run fails',
    `unless it reports ${int(IMPORT_ROWS)} rows written and no row error. The rows are new reports for (entity, year)`,
    'pairs without one, newest year first, in a file laid out like the template (both header rows, status',
    '"Đã nộp", rating points for cooperative types, shared strings).',
    '',
    `The ceiling inserts the same rows, as the import stores them, in one transaction of multi-row \`INSERT\`s of`,
    `${int(CEILING_BATCH)} rows sent straight through the server's driver (\`pg\` or PGlite): not through drizzle's query`,
    'builder, which alone takes longer than the insert at this size. Its time is the median of three rounds',
    'after a warm-up round; the rows are deleted and the table vacuumed after each. It runs in the bench process on',
    "the same database before the server starts, because PGlite's data directory has a single owner;",
    'PostgreSQL is treated the same way. Server RSS is read from `/proc/<pid>/status` every 100 ms.',
    '',
    ...OCOP_SECTION,
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
    if (db.import) out.push(`### XLSX import of ${int(IMPORT_ROWS)} annual reports`, '', ...importTable(db.import), '');
    if (db.ocop || db.ocopError) out.push('### OCOP council scoring', '');
    if (db.ocopError) out.push(`**Not measured:** ${db.ocopError}.`, '');
    if (db.ocop && db.ocopSeedSec !== undefined)
      out.push(`Council, round and dossiers seeded in ${db.ocopSeedSec.toFixed(1)} s before the server started.`, '');
    if (db.ocop) out.push(...scenarioTable(db.ocop, cellText), '');
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
    '  (no answer within 10 s), or the check of its answer before the load failed (an empty result, a',
    '  sheet left unscored). With non-2xx answers the figures are hidden (they would measure an error',
    '  path); with timeouts only, they show what the completed requests did. A failing route gets no',
    '  ratio, and the run exits with status 1.',
    `- p50/p99 are latencies under ${run.connections} concurrent connections, so they include queueing: at saturation`,
    "  p50 ≈ connections ÷ req/s. On PGlite every query runs on the server's main thread, so database",
    '  time and HTTP handling share one core; on PostgreSQL the database works in its own processes.',
    '- The load generator runs on the same cores as the server and the database: on a 2-core machine',
    "  the ceilings are partly the load generator's own limit. That is why only ratios are compared.",
    `- **XLSX import**: the ratio is import rows/s ÷ batched-insert rows/s for the same ${int(IMPORT_ROWS)} rows on the`,
    '  same database; the target is the registry issue\'s "≥ 0.5 × a batched insert". The import does more than',
    '  the insert: it receives the file, reads it (streamed), checks every row against the register (entity',
    '  by code, existing and previous-year reports) and the report rules, then writes in one transaction; the',
    '  ratio is what all of that costs on top of the write. "upload · check · write" splits the import\'s time',
    "  by its status as polled: until the upload's 202 (file received, headers checked), reading and",
    '  checking the rows, and the final transaction. One import is one sample, so repeat runs before',
    '  reading much into a few percent. "Server RSS" is the server process before the upload and its highest',
    '  sample during the import; the difference is what the import held at once. The file is streamed, so',
    '  the workbook never sits in memory whole, but every validated row is kept for the one final',
    `  transaction: expect the growth to follow the row count (the import refuses files over ${int(MAX_IMPORT_ROWS)} rows),`,
    '  not the file size. On PGlite it also includes the database engine, which runs inside the server',
    '  process and keeps the memory it grows into.',
    ...OCOP_HOW_TO_READ,
    '- Synthetic data is deterministic (seed `hoptac-synthetic-v1`), so two runs at one scale load',
    '  exactly the same rows; the database is `VACUUM (ANALYZE)`d after seeding. The generators live in',
    '  `apps/server/src/db/seed/synthetic/`; demo mode (`npm start` on an empty database) loads the',
    '  hanoi-scale register from the same code and seed.',
    '',
  );
  return out.join('\n');
}
