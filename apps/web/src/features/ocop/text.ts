import type {
  OCOP_CERTIFICATE_NUMBER_PATTERN as CoreCertificateNumberPattern,
  OCOP_CERTIFICATE_STATUSES as CoreCertificateStatuses,
  OCOP_COUNCIL_ROLES as CoreCouncilRoles,
  OCOP_DOSSIER_OUTCOMES as CoreDossierOutcomes,
  OCOP_DOSSIER_STATUSES as CoreDossierStatuses,
  OCOP_PROCESS_REGIMES as CoreProcessRegimes,
  OCOP_PRODUCT_STATUSES as CoreProductStatuses,
  OCOP_ROUND_STATUSES as CoreRoundStatuses,
  QD148_TRANSITION_LAST_DAY as CoreTransitionLastDay,
} from '@hoptac/core';
import type { RubricSummary } from '@hoptac/core/ocop';

// Restated so the bundle does not pull zod (contracts/ocop-*.ts); each is typed as the core
// constant, and text.test.ts checks the values are the same.

export const OCOP_PRODUCT_STATUSES: typeof CoreProductStatuses = ['draft', 'submitted'];
export const OCOP_ROUND_STATUSES: typeof CoreRoundStatuses = ['planned', 'open', 'closed'];
export const OCOP_PROCESS_REGIMES: typeof CoreProcessRegimes = ['qd26-2026', 'qd148-transition'];
export const OCOP_COUNCIL_ROLES: typeof CoreCouncilRoles = ['chair', 'secretary', 'member', 'advisor'];
export const OCOP_DOSSIER_STATUSES: typeof CoreDossierStatuses = [
  'received',
  'returned',
  'forwarded',
  'confirmed',
  'certified',
];
export const OCOP_DOSSIER_OUTCOMES: typeof CoreDossierOutcomes = [
  'awaiting_decision',
  'proposed_national',
  'not_certified',
];
export const OCOP_CERTIFICATE_STATUSES: typeof CoreCertificateStatuses = ['valid', 'expired', 'revoked'];
export const QD148_TRANSITION_LAST_DAY: typeof CoreTransitionLastDay = '2026-07-21';
export const OCOP_CERTIFICATE_NUMBER_PATTERN: typeof CoreCertificateNumberPattern = /^OCOP-[A-Z]{2,3}-\d{4}-\d{6}$/;

/** Today's calendar day in Hanoi (YYYY-MM-DD), as the server reads deadlines and decision dates. */
export function vietnamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Accent- and case-insensitive key, as foldVietnamese of @hoptac/core's text helpers (which sit
 * behind the zod-carrying index). text.test.ts checks that the two agree.
 */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Whether a sheet matches the search box: every word, in its title or one of its product sets. */
export function rubricMatches(sheet: Pick<RubricSummary, 'title' | 'productSets'>, query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText([sheet.title, ...sheet.productSets].join(' | '));
  return words.every((w) => haystack.includes(w));
}

/** The sheets print some headings in capitals ("TỔ CHỨC SẢN XUẤT"): read them as a sentence. */
export function sentenceCase(text: string): string {
  if (text !== text.toLocaleUpperCase('vi') || text === text.toLocaleLowerCase('vi')) return text;
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** A part, group or criterion heading in the UI language (the sheets carry English titles too). */
export function localTitle(item: { title: string; titleEn: string }, lang: string): string {
  return sentenceCase(lang === 'en' && item.titleEn ? item.titleEn : item.title);
}

/** "Bộ sản phẩm: Hoa" → "Hoa": every sheet title starts the same way, the list shows what differs. */
export function shortSheetTitle(title: string): string {
  return title.replace(/^(Bộ sản phẩm|Sản phẩm)\s*:\s*/u, '');
}

/** A calendar date of the sheets ("2026-05-22") as "22/05/2026". */
export function formatDay(iso: string, lang: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
