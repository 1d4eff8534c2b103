import type { OcopAggregate, OcopMemberScoreSheet, OcopMyScoreSheet, RubricAnswers } from '@hoptac/core';
import type { BenchAccount } from './databases.ts';
import { jsonRequest, sendOnce, type BenchRequest } from './load.ts';
import { signIn } from './measure.ts';
import { answerSets, COUNCIL_SEATS, SCENARIO_PRODUCTS, type OcopBench } from './ocop-seed.ts';
import type { RunningServer } from './server.ts';

/**
 * The OCOP evaluation's concurrency requirement: a council of 9 members scoring 100 products at
 * once, with 0 errors and 0 lost scores. Each member saves, then submits, a sheet for each of the
 * products, as the web client does; afterwards every stored sheet is read back and compared with
 * what was sent. Each run scores its own 100 dossiers (a submitted sheet is final).
 */
const SHEETS = COUNCIL_SEATS.length * SCENARIO_PRODUCTS;
export const SCENARIO_RUNS = [
  { label: '100 sheets in flight', inFlight: 100 },
  { label: `all ${SHEETS} sheets at once`, inFlight: SHEETS },
] as const;

// Generous: on PGlite all 900 sheets at once queue on one thread, and a late answer is not an error.
const REQUEST_TIMEOUT_MS = 120_000;
const VERIFY_IN_FLIGHT = 10;

export type ScenarioOutcome = {
  label: string;
  sheets: number;
  /** failing = an error, a lost or a wrong sheet, or the server died: its figures are not a measurement. */
  status: 'ok' | 'failing';
  problems: string[];
  /** Requests sent: a save, then a submit unless the save failed. */
  requests: number;
  /** Requests that failed: socket errors and timeouts, non-2xx answers, 2xx answers with the wrong sheet. */
  errors: number;
  /** Sheets not found submitted afterwards. */
  lost: number;
  /** Sheets found submitted with answers or a total other than what was sent. */
  wrong: number;
  /** First request to last answer. */
  elapsedSec: number;
  sheetsPerSec: number;
  p50Ms: number;
  p99Ms: number;
};

/** Runs `work` over the items with at most `limit` of them in flight at once. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

const sameAnswers = (a: RubricAnswers, b: RubricAnswers) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => Object.hasOwn(b, k) && a[k] === b[k]);

/** Failure reasons by count, for the report ("3 × 409 SHEET_SUBMITTED"). */
class Tally {
  readonly counts = new Map<string, number>();
  add(reason: string) {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }
  get total() {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  describe(): string {
    return [...this.counts].map(([why, n]) => `${n} × ${why}`).join(', ');
  }
}

/** The JSON of a response body, or null when it is not JSON (a proxy's error page, a cut answer). */
function parsed<T>(text: string): Partial<T> | null {
  try {
    return JSON.parse(text) as Partial<T>;
  } catch {
    return null;
  }
}

/** Sends a scoring request; null when it answered 200 with the sheet expected, else why not. */
async function attempt(
  req: BenchRequest,
  expected: { status: 'draft' | 'submitted'; total: number },
  latencies: number[],
): Promise<string | null> {
  const t0 = performance.now();
  let answer: { status: number; text: string };
  try {
    answer = await sendOnce(req, REQUEST_TIMEOUT_MS);
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError') return `${req.method} timeout`;
    return `${req.method} socket error ${(err as { code?: string }).code ?? String(err)}`;
  }
  latencies.push(performance.now() - t0);
  if (answer.status !== 200) {
    const code = parsed<{ error: { code?: string } }>(answer.text)?.error?.code ?? '';
    return `${req.method} ${answer.status} ${code}`.trim();
  }
  const sheet = parsed<OcopMyScoreSheet>(answer.text);
  if (sheet?.status === expected.status && sheet.result?.total === expected.total) return null;
  return `${req.method} 200 with a ${sheet?.status ?? '?'} sheet of ${sheet?.result?.total ?? 'no'} points`;
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const { status, text } = await sendOnce({ url, method: 'GET', headers: { cookie } }, 30_000);
  if (status !== 200) throw new Error(`GET ${url} answered ${status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/**
 * Reads every dossier's submitted sheets and aggregate back as the city admin: an observer whose
 * view does not depend on the sheets being checked (a member sees nothing before their own sheet
 * is in). Counts sheets missing (lost) and sheets other than sent (wrong).
 */
async function verify(baseUrl: string, adminCookie: string, bench: OcopBench, dossierIds: string[]) {
  const answers = answerSets(bench.sheet);
  const problems = new Tally();
  let lost = 0;
  let wrong = 0;
  await inPool([...dossierIds.entries()], VERIFY_IN_FLIGHT, async ([index, id]) => {
    try {
      const base = `${baseUrl}/api/ocop/dossiers/${id}`;
      const sheets = await getJson<OcopMemberScoreSheet[]>(`${base}/sheets`, adminCookie);
      const stored = new Map(sheets.map((s) => [s.member.userId, s]));
      for (const [seat, account] of bench.council.entries()) {
        const sent = answers.member(seat, index);
        const found = stored.get(account.userId);
        if (!found) lost++;
        else if (found.total !== sent.total || !sameAnswers(found.answers, sent.answers)) wrong++;
      }
      const agg = await getJson<OcopAggregate>(`${base}/aggregate`, adminCookie);
      // With no sheet in there is no result, which counts no members.
      const counted = agg.result?.members ?? 0;
      if (agg.expected !== COUNCIL_SEATS.length || agg.submitted !== sheets.length || counted !== sheets.length)
        problems.add(`aggregate counted ${agg.submitted} of ${agg.expected} sheets, ${sheets.length} listed`);
    } catch (err) {
      // Unreadable: none of its sheets can be shown to be there.
      lost += COUNCIL_SEATS.length;
      problems.add(`reading back failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { lost, wrong, problems };
}

/** One run: every member saves then submits a sheet for each dossier, at most `inFlight` at once. */
async function scoreAll(
  server: RunningServer,
  bench: OcopBench,
  cookies: string[],
  adminCookie: string,
  run: (typeof SCENARIO_RUNS)[number],
  dossierIds: string[],
): Promise<ScenarioOutcome> {
  const answers = answerSets(bench.sheet);
  // Dossier by dossier, seat by seat: whatever is in flight holds all nine members of a few
  // dossiers, who meet on each dossier's share lock and sheet rows as a council at work does.
  const tasks = dossierIds.flatMap((id, index) => cookies.map((cookie, seat) => ({ id, index, seat, cookie })));
  const failures = new Tally();
  const latencies: number[] = [];
  let requests = 0;
  const started = performance.now();
  await inPool(tasks, run.inFlight, async ({ id, index, seat, cookie }) => {
    const sent = answers.member(seat, index);
    const url = `${server.baseUrl}/api/ocop/dossiers/${id}/sheets/mine`;
    requests++;
    const saved = await attempt(
      jsonRequest(url, 'PUT', { cookie }, { answers: sent.answers }),
      { status: 'draft', total: sent.total },
      latencies,
    );
    // A client whose save failed does not submit.
    if (saved) return failures.add(saved);
    requests++;
    const submitted = await attempt(
      jsonRequest(`${url}/submit`, 'POST', { cookie }),
      { status: 'submitted', total: sent.total },
      latencies,
    );
    if (submitted) failures.add(submitted);
  });
  const elapsedSec = (performance.now() - started) / 1000;
  const { lost, wrong, problems } = await verify(server.baseUrl, adminCookie, bench, dossierIds);
  latencies.sort((a, b) => a - b);
  const outcome: ScenarioOutcome = {
    label: run.label,
    sheets: tasks.length,
    status: 'ok',
    problems: [],
    requests,
    errors: failures.total,
    lost,
    wrong,
    elapsedSec,
    sheetsPerSec: tasks.length / elapsedSec,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
  };
  if (failures.total > 0) outcome.problems.push(`${failures.total} failed requests: ${failures.describe()}`);
  if (lost > 0) outcome.problems.push(`${lost} lost sheets`);
  if (wrong > 0) outcome.problems.push(`${wrong} sheets stored other than sent`);
  if (problems.total > 0) outcome.problems.push(problems.describe());
  if (!server.alive()) outcome.problems.push('server exited during the scenario');
  outcome.status = outcome.problems.length > 0 ? 'failing' : 'ok';
  return outcome;
}

/**
 * Signs the nine members and the city admin in (before any clock starts: this also waits out
 * whatever the server was still doing), then runs each scenario on its own dossiers.
 */
export async function runScoringScenario(
  server: RunningServer,
  bench: OcopBench,
  admin: BenchAccount,
  onRun: (outcome: ScenarioOutcome) => void,
): Promise<ScenarioOutcome[]> {
  const cookies: string[] = [];
  for (const account of bench.council) cookies.push(await signIn(server.baseUrl, account));
  const adminCookie = await signIn(server.baseUrl, admin);
  const outcomes: ScenarioOutcome[] = [];
  for (const [i, run] of SCENARIO_RUNS.entries()) {
    const outcome = await scoreAll(server, bench, cookies, adminCookie, run, bench.runDossiers[i]!);
    onRun(outcome);
    outcomes.push(outcome);
    if (!server.alive()) break;
  }
  return outcomes;
}
