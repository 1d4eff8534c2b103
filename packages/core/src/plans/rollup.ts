import type { Aggregation } from './indicators.ts';

/**
 * What one unit contributes before the final division: for a mean, the total of the values and
 * the number of records; for a ratio, Σ numerator and Σ denominator; for a sum or count, the
 * figure itself (denominator unused). Partials add; finished averages never do.
 */
export type IndicatorPartial = { numerator: number; denominator: number };

export const EMPTY_PARTIAL: IndicatorPartial = { numerator: 0, denominator: 0 };

export function addPartials(parts: readonly IndicatorPartial[]): IndicatorPartial {
  return parts.reduce(
    (acc, p) => ({ numerator: acc.numerator + p.numerator, denominator: acc.denominator + p.denominator }),
    EMPTY_PARTIAL,
  );
}

/** The figure a partial stands for; null for an average over no records. */
export function finalise(aggregation: Aggregation, p: IndicatorPartial): number | null {
  if (aggregation === 'sum' || aggregation === 'count') return p.numerator;
  return p.denominator === 0 ? null : p.numerator / p.denominator;
}

/** A city figure from its communes' partials: Σ totals ÷ Σ counts, never a mean of commune means. */
export function rollUp(aggregation: Aggregation, parts: readonly IndicatorPartial[]): number | null {
  return finalise(aggregation, addPartials(parts));
}
