// Short verification codes for products without a GTIN: `{base}/v/{code}`. Crockford base32
// (no I, L, O, U: nothing to misread on a printed label), 12 characters = 60 random bits, so
// codes cannot be guessed or enumerated.

export const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SHORT_CODE_LENGTH = 12;
const SHORT_CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/** A fresh code from the platform's cryptographic random source (32 divides 256: no modulo bias). */
export function generateShortCode(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(SHORT_CODE_LENGTH));
  let code = '';
  for (const byte of bytes) code += SHORT_CODE_ALPHABET[byte & 31];
  return code;
}

/**
 * A typed or scanned code in canonical form, or null when it cannot be one: case and hyphens
 * ignored, and the letters people confuse with digits read as those digits (Crockford's rule).
 */
export function normaliseShortCode(input: string): string | null {
  const code = input.toUpperCase().replace(/-/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return SHORT_CODE.test(code) ? code : null;
}
