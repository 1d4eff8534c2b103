// GTIN check digits and normalisation (GS1 General Specifications §7.9: mod-10, weights 3 and 1
// from the right, the check digit itself excluded).

/** Lengths a GTIN can have: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13), GTIN-14. */
export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** The check digit of a GTIN's leading digits (everything but the last). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type GtinProblem = 'not_digits' | 'bad_length' | 'bad_check_digit';

/** Why a string is not a GTIN, or null when it is one (any of the four lengths). */
export function gtinProblem(gtin: string): GtinProblem | null {
  if (!/^\d+$/.test(gtin)) return 'not_digits';
  if (!(GTIN_LENGTHS as readonly number[]).includes(gtin.length)) return 'bad_length';
  return gtinCheckDigit(gtin.slice(0, -1)) === Number(gtin.at(-1)) ? null : 'bad_check_digit';
}

export function isValidGtin(gtin: string): boolean {
  return gtinProblem(gtin) === null;
}

/**
 * The 14-digit form (left-padded with zeros) that GS1 Digital Link and AI (01) use; padding keeps
 * the check digit valid. Throws on an invalid GTIN: callers validate first.
 */
export function toGtin14(gtin: string): string {
  const problem = gtinProblem(gtin);
  if (problem) throw new Error(`Not a GTIN (${problem}): ${gtin}`);
  return gtin.padStart(14, '0');
}
