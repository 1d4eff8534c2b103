import autocannon from 'autocannon';

export type LoadOptions = { connections: number; durationSec: number; headers?: Record<string, string> };

export type LoadResult = {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Socket errors, timeouts included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Status code → count, non-2xx only, for the report. */
  badStatuses: Record<string, number>;
};

/** One autocannon run against a URL on the loopback interface. */
export async function loadRoute(url: string, opts: LoadOptions): Promise<LoadResult> {
  if (!new URL(url).hostname.startsWith('127.')) throw new Error(`refusing to load a non-loopback host: ${url}`);
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.durationSec,
    pipelining: 1,
    timeout: 10,
    headers: opts.headers ?? {},
  });
  const badStatuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(r.statusCodeStats)) {
    if (!code.startsWith('2')) badStatuses[code] = count;
  }
  return {
    reqPerSec: r.requests.mean,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    badStatuses,
  };
}
