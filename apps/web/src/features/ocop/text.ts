import type { OCOP_PRODUCT_STATUSES as CoreProductStatuses } from '@hoptac/core';
import type { RubricSummary } from '@hoptac/core/ocop';

/** Restated so the bundle does not pull zod (contracts/ocop-products.ts); typed as the core constant. */
export const OCOP_PRODUCT_STATUSES: typeof CoreProductStatuses = ['draft', 'submitted'];

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
