import type { BenchAccount } from './databases.ts';
import { jsonRequest, loadRoute, sendOnce, type BenchRequest, type LoadResult } from './load.ts';
import { resolvePath, type AccountName, type BenchRoute, type CeilingName, type RouteFixtures } from './routes.ts';
import type { RunningServer } from './server.ts';

const SESSION_COOKIE = 'hoptac_session';

export type RouteOutcome = {
  route: BenchRoute;
  /** failing = any non-2xx, socket error or failed check: its figures are not a measurement. */
  status: 'ok' | 'failing';
  problems: string[];
  load?: LoadResult;
  ratio?: number;
  /** Whether the ratio (and the p99 on one connection, where set) reach the route's targets. */
  meetsTarget?: boolean;
  /** The same request on one connection, for a route with a p99 target. */
  single?: LoadResult;
};

export type MeasureOptions = {
  connections: number;
  durationSec: number;
  warmupSec: number;
  log: (line: string) => void;
};

/** Signs in through the real login route and returns the Cookie header value. */
export async function signIn(baseUrl: string, account: BenchAccount): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 200)
    throw new Error(`sign-in as ${account.name} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`sign-in as ${account.name} set no ${SESSION_COOKIE} cookie`);
  return cookie.split(';')[0]!;
}

/** Signs in once as every prepared account the routes name; the cookies by account name. */
async function signInAll(
  baseUrl: string,
  routes: readonly BenchRoute[],
  accounts: readonly BenchAccount[],
): Promise<Map<AccountName, string>> {
  const cookies = new Map<AccountName, string>();
  for (const name of new Set(routes.flatMap((r) => (r.auth ? [r.auth] : [])))) {
    const account = accounts.find((a) => a.name === name);
    if (account) cookies.set(name, await signIn(baseUrl, account));
  }
  return cookies;
}

/**
 * Why a route cannot be measured with what was prepared, if it cannot: an account or a fixture
 * is missing when a seeding step failed (the OCOP seeding's failure must not stop the other routes).
 */
function unprepared(route: BenchRoute, path: string, cookies: Map<AccountName, string>): string | null {
  if (route.auth && !cookies.has(route.auth)) return `no ${route.auth} account was prepared`;
  const placeholder = /\{\w+\}/.exec(path)?.[0];
  return placeholder ? `no value for ${placeholder} was prepared` : null;
}

/** A JSON body parsed; anything else (a server-rendered page) as its text, for the route's check to read. */
function bodyOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One request before the load: the route must answer 2xx with a body that passes its check. */
async function preflight(req: BenchRequest, route: BenchRoute): Promise<string[]> {
  try {
    const { status, text } = await sendOnce(req, 10_000);
    if (status < 200 || status > 299) return [`answered ${status}: ${text.slice(0, 200)}`];
    if (route.check) {
      const problem = route.check(bodyOf(text));
      if (problem) return [problem];
    }
    return [];
  } catch (err) {
    return [`request failed: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/**
 * The server keeps working through requests the warm-up abandoned; on PGlite they queue behind one
 * another. One request to the same route waits its turn behind them, so the measured run starts clean.
 */
async function drain(req: BenchRequest): Promise<void> {
  await sendOnce(req, 60_000).catch(() => undefined);
}

function problemsOf(load: LoadResult): string[] {
  const out: string[] = [];
  if (load.non2xx > 0) {
    const codes = Object.entries(load.badStatuses)
      .map(([code, n]) => `${n} × ${code}`)
      .join(', ');
    out.push(`${load.non2xx} non-2xx responses (${codes || 'status unknown'})`);
  }
  if (load.errors > 0) out.push(`${load.errors} socket errors (${load.timeouts} timeouts)`);
  if (load.requests === 0) out.push('no request completed');
  return out;
}

/**
 * For a route with a p99 target: the same request for the same duration on one connection, once the
 * load's abandoned requests have drained, so its latency is the route's own rather than queueing;
 * its problems join the route's.
 */
async function latencyOnOneConnection(
  req: BenchRequest,
  route: BenchRoute,
  problems: string[],
  durationSec: number,
): Promise<LoadResult | undefined> {
  if (route.p99TargetMs === undefined || problems.length > 0) return undefined;
  await drain(req);
  const single = await loadRoute(req, { connections: 1, durationSec });
  problems.push(...problemsOf(single).map((p) => `on one connection: ${p}`));
  return single;
}

/** Loads every route in list order against one running server, then computes the ratios. */
export async function measureRoutes(
  server: RunningServer,
  routes: readonly BenchRoute[],
  accounts: readonly BenchAccount[],
  fixtures: RouteFixtures,
  opts: MeasureOptions,
): Promise<RouteOutcome[]> {
  const cookies = await signInAll(server.baseUrl, routes, accounts);

  const outcomes: RouteOutcome[] = [];
  for (const route of routes) {
    const path = resolvePath(route, fixtures);
    const missing = unprepared(route, path, cookies);
    if (missing || !server.alive()) {
      outcomes.push({ route, status: 'failing', problems: [missing ?? 'server had exited'] });
      continue;
    }
    const headers: Record<string, string> = route.auth ? { cookie: cookies.get(route.auth)! } : {};
    const req = jsonRequest(`${server.baseUrl}${path}`, route.method ?? 'GET', headers, route.body?.(fixtures));
    const early = await preflight(req, route);
    if (early.length > 0) {
      opts.log(`    ${route.name}: FAILING before load — ${early.join('; ')}`);
      outcomes.push({ route, status: 'failing', problems: early });
      continue;
    }
    if (opts.warmupSec > 0) {
      await loadRoute(req, { connections: opts.connections, durationSec: opts.warmupSec });
      await drain(req);
    }
    const load = await loadRoute(req, { connections: opts.connections, durationSec: opts.durationSec });
    const problems = problemsOf(load);
    const single = await latencyOnOneConnection(req, route, problems, opts.durationSec);
    if (!server.alive()) problems.push('server exited during the load');
    outcomes.push({ route, status: problems.length > 0 ? 'failing' : 'ok', problems, load, single });
    const flag = problems.length > 0 ? `  FAILING: ${problems.join('; ')}` : '';
    const alone = single ? `; 1 connection p99 ${single.p99Ms} ms` : '';
    opts.log(
      `    ${route.name.padEnd(44)} ${load.reqPerSec.toFixed(0).padStart(7)} req/s  p50 ${load.p50Ms} ms  p99 ${load.p99Ms} ms${alone}${flag}`,
    );
  }
  applyRatios(outcomes);
  return outcomes;
}

/** ratio = route req/s ÷ its ceiling's req/s, only between measurements that did not fail. */
export function applyRatios(outcomes: RouteOutcome[]): void {
  const ceilings = new Map<CeilingName, RouteOutcome>();
  for (const o of outcomes) if (o.route.ceiling) ceilings.set(o.route.ceiling, o);
  for (const o of outcomes) {
    if (!o.route.compareTo || o.status !== 'ok' || !o.load) continue;
    const ceiling = ceilings.get(o.route.compareTo);
    if (!ceiling || ceiling.status !== 'ok' || !ceiling.load || ceiling.load.reqPerSec <= 0) continue;
    o.ratio = o.load.reqPerSec / ceiling.load.reqPerSec;
    if (o.route.targetRatio !== undefined) o.meetsTarget = o.ratio >= o.route.targetRatio;
    if (o.route.p99TargetMs !== undefined && o.single)
      o.meetsTarget = (o.meetsTarget ?? true) && o.single.p99Ms <= o.route.p99TargetMs;
  }
}
