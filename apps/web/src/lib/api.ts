import type { ErrorCode } from '@hoptac/core';

/** Codes the web adds for failures that never reached the API's error handler. */
export type ClientErrorCode = 'NETWORK' | 'UNKNOWN';

/** One field problem inside a VALIDATION_FAILED error. */
export interface ValidationIssue {
  path: string[];
  message: string;
  code: string;
}

/** Every failed API call surfaces as this error; the UI translates `errors.<code>`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details?: unknown, requestId?: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId ?? null;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=x` from defined, non-empty values only, so URLs stay short and cacheable. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const envelope = (payload ?? {}) as ErrorEnvelope;
  const error = envelope.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      error.details,
      typeof error.requestId === 'string' ? error.requestId : null,
    );
  }
  // A proxy or a crashed server answered without the API's envelope.
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'UNKNOWN', `HTTP ${status}`);
}

/**
 * Calls the same-origin JSON API. Resolves with the parsed body (undefined for 204) and
 * rejects with an ApiError for any non-2xx answer or network failure.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = request;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A FormData body (file uploads) sets its own multipart content type and boundary.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${path}${query ? toQueryString(query) : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

/** Request parts a server may put in front of a field path (["body", "email"]). */
const REQUEST_PARTS = new Set(['body', 'query', 'querystring', 'params', 'headers']);

/**
 * The field issues of a VALIDATION_FAILED error (empty for any other error), with paths
 * relative to the submitted object: a leading request part such as "body" is dropped.
 */
export function validationIssues(error: unknown): ValidationIssue[] {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return [];
  const details = error.details as { issues?: unknown } | null | undefined;
  if (!details || !Array.isArray(details.issues)) return [];
  return details.issues.flatMap((raw): ValidationIssue[] => {
    const issue = raw as Partial<ValidationIssue> | null;
    if (!issue || !Array.isArray(issue.path)) return [];
    const path = issue.path.map(String);
    if (path.length > 1 && REQUEST_PARTS.has(path[0] ?? '')) path.shift();
    return [
      {
        path,
        message: typeof issue.message === 'string' ? issue.message : '',
        code: typeof issue.code === 'string' ? issue.code : 'custom',
      },
    ];
  });
}
