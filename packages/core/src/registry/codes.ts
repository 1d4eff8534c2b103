import type { EntityType } from './vocabulary.ts';

/**
 * Registration codes. Cooperatives, unions and enterprises use the 10-digit enterprise/tax code
 * (mã số doanh nghiệp = mã số thuế), a branch adds "-NNN" (13 digits). Household businesses and
 * registered cooperative groups get a registration number from the local authority whose format
 * varies by locality (e.g. "01A8012345"): letters, digits and dashes, 6–20 characters.
 */
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const LOCAL_NUMBER = /^[0-9A-Z][0-9A-Z-]{4,18}[0-9A-Z]$/;

/** Normalises a code as typed (spaces, lower case, dots) to its stored form. */
export function normalizeRegistrationCode(code: string): string {
  return code.trim().toUpperCase().replace(/[\s.]/g, '');
}

/** True when the (normalised) code has the format its entity type uses. */
export function isValidRegistrationCode(type: EntityType, code: string): boolean {
  if (type === 'cooperative' || type === 'cooperative_union' || type === 'enterprise') return TAX_CODE.test(code);
  return LOCAL_NUMBER.test(code);
}
