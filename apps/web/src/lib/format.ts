const HANOI_TIME_ZONE = 'Asia/Ho_Chi_Minh';

function localeTag(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}

/** Date and time in Hanoi time, e.g. "24/11/2025, 14:05". */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: HANOI_TIME_ZONE,
  }).format(date);
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(localeTag(lang)).format(value);
}

/** A calendar day (yyyy-mm-dd) as written in the language, e.g. "24/11/2025". */
export function formatDay(iso: string, lang: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
