import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../lib/api.ts';
import type { IssueWording } from '../../../lib/errors.ts';

/**
 * Words the registry's own validation codes (exceeds_revenue, not_a_predecessor, …) from the
 * `registry:issue.*` keys; other codes fall back to the generic validation text.
 */
export function useIssueWording(): IssueWording {
  const { t, i18n } = useTranslation('registry');
  return useCallback(
    (issue: ValidationIssue) => (i18n.exists(`registry:issue.${issue.code}`) ? t(`issue.${issue.code}`) : undefined),
    [t, i18n],
  );
}
