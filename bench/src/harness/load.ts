import http from 'node:http';
import autocannon from 'autocannon';

/** One HTTP request exactly as the bench sends it: to autocannon for a load, to fetch for a single check. */
export type BenchRequest = {
  url: string;
  method: 'GET' | 'PUT' | 'POST';
  headers: Record<string, string>;
  /** JSON text; its content-type is in `headers`. */
  body?: string;
};

export type LoadOptions = { connections: number; durationSec: number };

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

/** A request with a JSON body: the body serialised once, so every repetition sends the same bytes. */
export function jsonRequest(
  url: string,
  method: BenchRequest['method'],
  headers: Record<string, string>,
  body?: unknown,
): BenchRequest {
  if (body === undefined) return { url, method, headers };
  return { url, method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

// Not fetch: its connect timeout is fixed at 10 s, and a server saturated by hundreds of
// requests at once (PGlite runs them on its main thread) can take longer to accept a connection.
// Here a late answer is not an error; only no answer within the request's own timeout is.
const agent = new http.Agent({ keepAlive: true });

/**
 * Sends the request once and reads the whole answer. Throws on a socket error (with its `code`),
 * or with an error named TimeoutError when there is no complete answer within `timeoutMs`.
 */
export function sendOnce(req: BenchRequest, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers =
      req.body === undefined ? req.headers : { ...req.headers, 'content-length': Buffer.byteLength(req.body) };
    const request = http.request(req.url, { method: req.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const timer = setTimeout(() => {
      const err = new Error(`no answer within ${timeoutMs} ms`);
      err.name = 'TimeoutError';
      request.destroy(err);
    }, timeoutMs);
    request.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    request.end(req.body);
  });
}

/** One autocannon run of the request against the loopback interface. */
export async function loadRoute(req: BenchRequest, opts: LoadOptions): Promise<LoadResult> {
  if (!new URL(req.url).hostname.startsWith('127.'))
    throw new Error(`refusing to load a non-loopback host: ${req.url}`);
  const r = await autocannon({
    url: req.url,
    method: req.method,
    headers: req.headers,
    ...(req.body === undefined ? {} : { body: req.body }),
    connections: opts.connections,
    duration: opts.durationSec,
    pipelining: 1,
    timeout: 10,
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
