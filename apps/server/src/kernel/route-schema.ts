import { errorBodySchema } from '@hoptac/core';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** Documents a route's error responses in OpenAPI with the one wire shape. */
export function errorResponses(...statuses: ErrorStatus[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as Record<ErrorStatus, typeof errorBodySchema>;
}
