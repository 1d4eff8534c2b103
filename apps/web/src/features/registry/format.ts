import { formatNumber } from '../../lib/format.ts';

function localeTag(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}

/** A calendar date (YYYY-MM-DD or an ISO instant) as "24/11/2025". */
export function formatDate(value: string, lang: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : 'Asia/Ho_Chi_Minh';
  return new Intl.DateTimeFormat(localeTag(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** Money in đồng: "1.250.000.000 VND". */
export function formatVnd(value: number, lang: string): string {
  return `${formatNumber(value, lang)} VND`;
}

/** A share as a percentage with one decimal: "32,5 %". */
export function formatPercent(share: number, lang: string): string {
  const text = new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 1 }).format(share * 100);
  return lang === 'en' ? `${text}%` : `${text} %`;
}

/** Today in Hanoi as YYYY-MM-DD. */
export function todayInHanoi(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** The year whose annual report is due now: the previous calendar year. */
export function lastReportYear(): number {
  return Number(todayInHanoi().slice(0, 4)) - 1;
}
