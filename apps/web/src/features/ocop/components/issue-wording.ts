import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../lib/api.ts';
import type { IssueWording } from '../../../lib/errors.ts';

/** Words the OCOP module's own issue codes (rubric_not_current, not_in_rubric, …) from `ocop:issue.*`. */
export function useOcopIssueWording(): IssueWording {
  const { t, i18n } = useTranslation('ocop');
  return useCallback(
    (issue: ValidationIssue) => (i18n.exists(`ocop:issue.${issue.code}`) ? t(`issue.${issue.code}`) : undefined),
    [t, i18n],
  );
}
