import { useTranslation } from 'react-i18next';
import type { TargetStatus } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { STATUS_TONE } from '../text.ts';

/** The traffic light: a coloured dot and the words, so colour is never the only signal. */
export function StatusLight({ status }: { status: TargetStatus }) {
  const { t } = useTranslation('plans');
  return (
    <Badge tone={STATUS_TONE[status]}>
      <span className={`plan-light plan-light--${status}`} aria-hidden="true" /> {t(`status.${status}`)}
    </Badge>
  );
}
