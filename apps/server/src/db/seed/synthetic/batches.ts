/**
 * Rows per multi-row INSERT. ~500 keeps every statement far below PostgreSQL's 65,535 bind
 * parameters (the widest synthetic table has under 40 columns) while keeping round trips few.
 */
export const BATCH_ROWS = 500;

/** Splits rows into consecutive batches of at most `size`. */
export function chunks<T>(items: readonly T[], size: number = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
