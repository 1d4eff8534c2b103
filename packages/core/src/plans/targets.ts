import { isAdditive, type Aggregation, type IndicatorKind } from './indicators.ts';

export const DIRECTIONS = ['at_least', 'at_most'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const TARGET_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** A forecast within this share of the target (short for at_least, over for at_most) is "at risk". */
export const AT_RISK_MARGIN = 0.1;

/** A target's period: a calendar year, or one quarter of it. */
export type Period = { year: number; quarter: number | null };

/** First and last calendar day (YYYY-MM-DD) of a period. */
export function periodRange(p: Period): { start: string; end: string } {
  const firstMonth = p.quarter ? (p.quarter - 1) * 3 + 1 : 1;
  const lastMonth = p.quarter ? firstMonth + 2 : 12;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${p.year}-${pad(firstMonth)}-01`, end: `${p.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Share of the period gone by on `today` (whole days, both ends counted), clamped to 0–1. */
export function elapsedShare(p: Period, today: string): number {
  const { start, end } = periodRange(p);
  const total = dayNumber(end) - dayNumber(start) + 1;
  const gone = dayNumber(today) - dayNumber(start) + 1;
  return Math.min(1, Math.max(0, gone / total));
}

/**
 * Linear forecast to the period's end: the change since the start (from the baseline for a
 * stock, from zero for a flow) continues at the pace seen so far.
 */
export function forecastAtEnd(kind: IndicatorKind, actual: number, baseline: number | null, elapsed: number): number {
  if (elapsed >= 1) return actual;
  const from = kind === 'stock' ? (baseline ?? actual) : 0;
  return from + (actual - from) / elapsed;
}

/** Percent of the target achieved; for "at most" targets, being under the ceiling is 100 % or more. */
export function percentAchieved(direction: Direction, actual: number | null, target: number): number | null {
  if (actual === null) return null;
  if (direction === 'at_least') return target === 0 ? 100 : (actual / target) * 100;
  if (actual === 0) return 100;
  return (target / actual) * 100;
}

export type TargetFacts = {
  kind: IndicatorKind;
  direction: Direction;
  target: number;
  baseline: number | null;
  actual: number | null;
  elapsed: number;
};

/** On track, at risk or off track, judged on the forecast at the period's end. */
export function targetStatus(f: TargetFacts): { status: TargetStatus; forecast: number | null } {
  if (f.elapsed <= 0 || f.actual === null) return { status: 'not_started', forecast: null };
  const forecast = forecastAtEnd(f.kind, f.actual, f.baseline, f.elapsed);
  const [good, risky] =
    f.direction === 'at_least'
      ? [forecast >= f.target, forecast >= f.target * (1 - AT_RISK_MARGIN)]
      : [forecast <= f.target, forecast <= f.target * (1 + AT_RISK_MARGIN)];
  return { status: good ? 'on_track' : risky ? 'at_risk' : 'off_track', forecast };
}

/**
 * Whether communes' shares may replace a city target: for sums and counts they must add up to
 * the city's value (to the cent); an average target is set per commune, with no sum to respect.
 */
export function checkSplit(
  aggregation: Aggregation,
  parent: number,
  children: readonly number[],
): { ok: true } | { ok: false; sum: number } {
  if (!isAdditive(aggregation)) return { ok: true };
  const sum = children.reduce((a, b) => a + b, 0);
  return Math.abs(sum - parent) < 0.005 ? { ok: true } : { ok: false, sum };
}

/** Splits an additive value in proportion to weights, in whole units, the rounding left to the largest shares. */
export function proportionalSplit(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (weightSum === 0)
    return proportionalSplit(
      total,
      weights.map(() => 1),
    );
  const exact = weights.map((w) => (total * w) / weightSum);
  const out = exact.map(Math.floor);
  let left = Math.round(total - out.reduce((a, b) => a + b, 0));
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}
