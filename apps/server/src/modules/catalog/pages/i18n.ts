import type { PublicLanguage } from '@hoptac/core';
import en from '../locales/en.json' with { type: 'json' };
import vi from '../locales/vi.json' with { type: 'json' };

// The public pages' strings: Vietnamese first, English the same keys (a test checks both).
export type MessageKey = keyof typeof vi;
const MESSAGES: Record<PublicLanguage, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language; {name} placeholders are filled from params. */
export function translator(lang: PublicLanguage): Translate {
  const messages = MESSAGES[lang];
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** Keys one locale has and the other lacks (both directions); empty when they match. */
export function localeKeyGaps(): string[] {
  const a = Object.keys(vi);
  const b = Object.keys(en);
  return [...a.filter((k) => !b.includes(k)), ...b.filter((k) => !a.includes(k))];
}

/** Dates as people read them: 20/09/2028 in Vietnamese, 20 Sep 2028 in English. */
export function formatDate(lang: PublicLanguage, isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  if (lang === 'vi') return `${d}/${m}/${y}`;
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatVnd(lang: PublicLanguage, amount: number): string {
  return `${amount.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} ₫`;
}
