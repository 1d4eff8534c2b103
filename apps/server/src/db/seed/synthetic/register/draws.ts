import type { Rng } from '../rng.ts';

export const DAY_MS = 86_400_000;

/** Standard normal draw (Box–Muller), from two uniform draws of the stream. */
export function gaussian(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]: log(0) would be -Infinity
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

/** Uniform float in [min, max). */
export function between(rng: Rng, min: number, max: number): number {
  return min + rng.next() * (max - min);
}

/** Rounds to a multiple of `step` (money is reported in round sums: 1,000,000 VND). */
export function roundTo(n: number, step: number): number {
  return Math.round(n / step) * step;
}

/** YYYY-MM-DD of a UTC timestamp. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function utcDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** A day drawn uniformly from [fromMs, toMs], at midnight UTC. */
export function dayBetween(rng: Rng, fromMs: number, toMs: number): number {
  const days = Math.max(0, Math.floor((toMs - fromMs) / DAY_MS));
  return fromMs - (fromMs % DAY_MS) + rng.int(0, days) * DAY_MS;
}

/** Working hours in Hanoi (UTC+7) on the given day: for timestamps that look like office work. */
export function officeTime(rng: Rng, dayMs: number): Date {
  return new Date(dayMs - (dayMs % DAY_MS) + rng.int(1, 10) * 3_600_000 + rng.int(0, 59) * 60_000);
}

/** "Bưởi Diễn" → "bưởi Diễn": a name form used inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Fills {key} placeholders. */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
