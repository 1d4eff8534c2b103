import type { ErrorCode } from '@hoptac/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one error type services throw; the HTTP status comes from the code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  WRONG_PASSWORD: 400,
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  POSSIBLE_DUPLICATE: 409,
  DUPLICATE_CODE: 409,
  INVALID_STATUS_CHANGE: 409,
  REPORT_NOT_EDITABLE: 409,
  ACTION_NOT_ALLOWED: 409,
  IMPORT_INVALID: 422,
  /** A synchronous import refused for its rows: the per-row report is in the details. */
  IMPORT_ROWS_INVALID: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  NO_OPEN_ROUND: 409,
  ROUND_ALREADY_OPEN: 409,
  CONFLICT_OF_INTEREST: 403,
  SCORES_HIDDEN: 403,
  SHEET_SUBMITTED: 409,
  SCORING_INCOMPLETE: 409,
  EVIDENCE_MISSING: 409,
  INTERNAL: 500,
};

export type ValidationIssue = { path: (string | number)[]; message: string; code: string };

/** Builds the 400 a service throws for a rule that a schema cannot express. */
export function validationFailed(path: (string | number)[], message: string, code = 'custom'): AppError {
  return new AppError('VALIDATION_FAILED', 'Validation failed', { issues: [{ path, message, code }] });
}

function errorBody(code: ErrorCode, message: string, requestId: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
}

/** Maps framework, validation and domain errors onto the wire shape; 5xx never leak internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      const status = STATUS_BY_CODE[err.code];
      if (status >= 500) request.log.error({ err }, 'application error');
      return reply.status(status).send(errorBody(err.code, err.message, request.id, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues: ValidationIssue[] = err.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)],
        message: v.message ?? 'invalid',
        code: v.keyword,
      }));
      return reply.status(400).send(errorBody('VALIDATION_FAILED', 'Validation failed', request.id, { issues }));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(errorBody('RATE_LIMITED', 'Too many requests', request.id));
    if (status === 413) return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', 'Payload too large', request.id));
    if (status === 415) {
      return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', request.id));
    }
    if (status === 400) {
      // Malformed JSON and similar parser errors: the client's fault, named as such.
      const issues: ValidationIssue[] = [{ path: ['body'], message: err.message, code: err.code ?? 'invalid' }];
      return reply.status(400).send(errorBody('VALIDATION_FAILED', 'Validation failed', request.id, { issues }));
    }
    if (status === 404) return reply.status(404).send(errorBody('NOT_FOUND', 'Not found', request.id));
    if (status === 403) return reply.status(403).send(errorBody('FORBIDDEN', 'Forbidden', request.id));
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', 'Internal server error', request.id));
  });
}

export function notFoundBody(requestId: string) {
  return errorBody('NOT_FOUND', 'Not found', requestId);
}
