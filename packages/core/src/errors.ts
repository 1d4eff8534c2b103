/**
 * Error codes the API sends. The web translates `errors.<code>`; the server maps
 * each code to one HTTP status (apps/server/src/kernel/errors.ts).
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'EMAIL_TAKEN',
  'WRONG_PASSWORD',
  'ACCOUNT_DISABLED',
  'POSSIBLE_DUPLICATE',
  'DUPLICATE_CODE',
  'INVALID_STATUS_CHANGE',
  'REPORT_NOT_EDITABLE',
  'ACTION_NOT_ALLOWED',
  'IMPORT_INVALID',
  'IMPORT_ROWS_INVALID',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NO_OPEN_ROUND',
  'ROUND_ALREADY_OPEN',
  'CONFLICT_OF_INTEREST',
  'SCORES_HIDDEN',
  'SHEET_SUBMITTED',
  'SCORING_INCOMPLETE',
  'EVIDENCE_MISSING',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
