import { SHEET } from '../../../apps/server/src/modules/ocop/rounds.fixtures.ts';
import { SCENARIO_RUNS, type ScenarioOutcome } from './ocop-scenario.ts';
import { COUNCIL_SEATS, SCENARIO_PRODUCTS } from './ocop-seed.ts';

// The OCOP evaluation's part of docs/benchmarks.md: what was seeded and measured, and the
// council-scoring scenario's table. The two scoring routes are rows of the route tables.

const int = (n: number) => Math.round(n).toLocaleString('en');
const SHEETS = COUNCIL_SEATS.length * SCENARIO_PRODUCTS;
export const SCENARIO_TARGET = '0 errors, 0 lost';

/** One line for the console. */
export function scenarioLine(o: ScenarioOutcome): string {
  const figures =
    `${o.label}: ${int(o.sheets)} sheets, ${int(o.requests)} requests in ${o.elapsedSec.toFixed(2)} s ` +
    `(${int(o.sheetsPerSec)} sheets/s, p50 ${o.p50Ms} ms, p99 ${o.p99Ms} ms); ` +
    `${o.errors} errors, ${o.lost} lost, ${o.wrong} wrong`;
  return o.status === 'failing' ? `${figures}  FAILING: ${o.problems.join('; ')}` : figures;
}

/** The scenario's table in its database's section. */
export function scenarioTable(outcomes: readonly ScenarioOutcome[], cellText: (s: string) => string): string[] {
  const lines = [
    '| Run | sheets | requests | errors | lost | wrong | elapsed s | sheets/s | p50 ms | p99 ms | target | result |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const o of outcomes) {
    const result = o.status === 'ok' ? 'meets target' : `**FAILING** — ${cellText(o.problems.join('; '))}`;
    lines.push(
      `| ${o.label} | ${int(o.sheets)} | ${int(o.requests)} | ${o.errors} | ${o.lost} | ${o.wrong} | ` +
        `${o.elapsedSec.toFixed(2)} | ${int(o.sheetsPerSec)} | ${o.p50Ms} | ${o.p99Ms} | ${SCENARIO_TARGET} | ${result} |`,
    );
  }
  return lines;
}

/** The scenario's rows of the side-by-side table: one cell per database, from its outcomes (if any). */
export function scenarioSideBySide(perDatabase: readonly (readonly ScenarioOutcome[] | undefined)[]): string[] {
  return SCENARIO_RUNS.map(({ label }) => {
    const cells = perDatabase.map((outcomes) => {
      const o = outcomes?.find((x) => x.label === label);
      if (!o) return '—';
      return o.status === 'failing' ? 'FAILING' : `ok, ${int(o.sheetsPerSec)} sheets/s`;
    });
    return `| OCOP council scoring, ${label} | — | ${cells.join(' | ')} | ${SCENARIO_TARGET} |`;
  });
}

/** What the OCOP evaluation bench seeds and measures. */
export const OCOP_SECTION: string[] = [
  '## OCOP evaluation',
  '',
  'Before the server starts, the bench seeds through the OCOP module’s own services, as a city admin:',
  `${COUNCIL_SEATS.length} council_member accounts; an open QĐ 26/2026 round with them as its council (chair, secretary,`,
  `${COUNCIL_SEATS.length - 2} members, no conflicts); and ${2 + SCENARIO_RUNS.length * SCENARIO_PRODUCTS} products of distinct active entities of the synthetic register,`,
  `each self-assessed in full on \`${SHEET}\`, submitted into the round`,
  '(so its dossier pins the sheet version as the server does) and forwarded to the council. Every answer',
  'set is raised from the cheapest levels that meet the 4★ minimums to an exact total of 70–89 points.',
  '',
  '- **Saving a score sheet** (a route above): ocop-member-1 saves the same complete answer set on one',
  '  dossier for the whole load. The sheet stays a draft: a save is the write path of scoring, while the',
  '  final submit can happen only once per sheet.',
  '- **The live aggregate** (a route above): the secretary reads the aggregate of a dossier all nine',
  '  members have submitted sheets for, not yet confirmed: the heaviest moment of the live view.',
  '- **Council scoring** (its own table): after the XLSX import, the nine members sign in and each saves,',
  `  then submits, a sheet for each of ${SCENARIO_PRODUCTS} dossiers: ${int(SHEETS)} sheets, ${int(2 * SHEETS)} requests. The sheets are`,
  '  queued dossier by dossier, so whatever is in flight holds all nine members of a few dossiers. It runs',
  `  once with at most 100 sheets in flight and once with all ${int(SHEETS)} at once, each run on its own`,
  `  ${SCENARIO_PRODUCTS} dossiers (a submitted sheet is final). Answers differ by seat and dossier (total = 70 + 2 × seat`,
  '  + dossier mod 3). The clock runs from the first request to the last answer. Then every dossier’s',
  '  sheets and aggregate are read back as the city admin, whose view does not depend on the sheets',
  '  checked: a sheet not submitted is **lost**, one whose answers or total differ from what was sent is',
  '  **wrong**.',
  '',
];

/** The "How to read" bullet. */
export const OCOP_HOW_TO_READ: string[] = [
  `- **OCOP council scoring**: the target is correctness under concurrency (${SCENARIO_TARGET}, and none wrong), not a`,
  '  ratio. An error is a request that did not answer 200 with the sheet expected (status and total), a socket',
  '  error or no answer within 120 s; a member whose save failed does not submit. sheets/s and the latencies',
  '  (per request, save and submit alike) are there to compare runs; with all sheets at once they mostly',
  "  measure the queue: on PGlite every request waits its turn on the server's main thread, on PostgreSQL for",
  '  one of the pool’s connections.',
];
