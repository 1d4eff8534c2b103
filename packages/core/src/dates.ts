/** Hanoi's time zone: dates a person picks ("today", a deadline) are Vietnamese calendar days. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) in Vietnam at the given instant. */
export function vietnamDate(at: Date): string {
  return dayFormat.format(at);
}
