import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, validationIssues, type ValidationIssue } from './api.ts';

/** Field name (first path segment) → translated message. */
export type FieldErrors = Partial<Record<string, string>>;

/** Lets a form word an issue for one of its fields; return undefined for the generic text. */
export type IssueWording = (issue: ValidationIssue) => string | undefined;

const GENERIC_ISSUE_CODES = new Set([
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'custom',
]);

/**
 * Turns API errors into translated text. The server's own message is never shown: it is
 * English and written for developers; the code is the contract.
 */
export function useErrorText() {
  const { t, i18n } = useTranslation('errors');

  const errorText = useCallback(
    (error: unknown): string => {
      const code = isApiError(error) ? error.code : 'UNKNOWN';
      return i18n.exists(`errors:${code}`) ? t(code) : t('UNKNOWN');
    },
    [t, i18n],
  );

  const issueText = useCallback(
    (issue: ValidationIssue): string =>
      GENERIC_ISSUE_CODES.has(issue.code) ? t(`validation.${issue.code}`) : t('validation.custom'),
    [t],
  );

  const fieldErrors = useCallback(
    (error: unknown, wording?: IssueWording): FieldErrors => {
      const result: FieldErrors = {};
      for (const issue of validationIssues(error)) {
        const field = issue.path[0];
        if (field === undefined || result[field]) continue;
        result[field] = wording?.(issue) ?? issueText(issue);
      }
      return result;
    },
    [issueText],
  );

  return { errorText, fieldErrors };
}
