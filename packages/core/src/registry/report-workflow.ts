import type { ReportStatus } from './vocabulary.ts';

/**
 * Annual report workflow: the entity (or its commune officer) drafts and submits; the commune
 * officer accepts or returns; the city approves, which locks the report; only a city admin can
 * unlock an approved report, which returns it for correction.
 */
export const REPORT_ACTIONS = ['submit', 'accept', 'approve', 'return', 'unlock'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

const TRANSITIONS: Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  approve: { from: ['accepted'], to: 'approved' },
  return: { from: ['submitted', 'accepted'], to: 'returned' },
  unlock: { from: ['approved'], to: 'returned' },
};

/** The status after the action, or null when the action does not apply in this status. */
export function applyReportAction(status: ReportStatus, action: ReportAction): ReportStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Figures can be changed only before submission or after the report was returned. */
export function isReportEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}
