import { isValidGtin, toGtin14 } from './gtin.ts';

// GS1 Digital Link URI syntax 1.2 (§4): `{base}/01/{gtin14}` with the batch/lot qualifier
// `/10/{lot}`. A lot is up to 20 characters of GS1 AI encodable character set 82; in a path
// segment every character outside the URI "unreserved" set is percent-encoded (§4.3: the
// characters of set 82 that are reserved or unsafe in a URI must be %-escaped).

/** GS1 AI encodable character set 82 (GS1 General Specifications figure 7.11-1). */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;
export const LOT_MAX_LENGTH = 20;

export type DigitalLinkKey = { gtin14: string; lot: string | null };

export function isValidLot(lot: string): boolean {
  return lot.length >= 1 && lot.length <= LOT_MAX_LENGTH && CSET82.test(lot);
}

/** Percent-encodes everything but RFC 3986 unreserved characters (A–Z a–z 0–9 - . _ ~). */
export function encodeGs1Segment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The Digital Link path (no base, no leading slash): `01/{gtin14}` or `01/{gtin14}/10/{lot}`. */
export function digitalLinkPath(gtin: string, lot?: string | null): string {
  const gtin14 = toGtin14(gtin);
  if (lot == null || lot === '') return `01/${gtin14}`;
  if (!isValidLot(lot)) throw new Error(`Not a GS1 lot: ${lot}`);
  return `01/${gtin14}/10/${encodeGs1Segment(lot)}`;
}

/** The full Digital Link URI on the platform's base URL (trailing slashes of the base ignored). */
export function buildDigitalLink(baseUrl: string, gtin: string, lot?: string | null): string {
  return `${baseUrl.replace(/\/+$/, '')}/${digitalLinkPath(gtin, lot)}`;
}

/**
 * Reads a Digital Link path (`01/…` or `/01/…/10/…`, query string ignored) into its GTIN-14
 * and lot; null when it is not a well-formed one (unknown AI, bad check digit, bad lot).
 * A GTIN-8/12/13 in the path is accepted and normalised, as GS1 resolvers do.
 */
export function parseDigitalLinkPath(path: string): DigitalLinkKey | null {
  const segments = path
    .split(/[?#]/, 1)[0]!
    .replace(/^\/+|\/+$/g, '')
    .split('/');
  if (segments.length !== 2 && segments.length !== 4) return null;
  if (segments[0] !== '01' || !isValidGtin(segments[1]!)) return null;
  const gtin14 = toGtin14(segments[1]!);
  if (segments.length === 2) return { gtin14, lot: null };
  if (segments[2] !== '10') return null;
  let lot: string;
  try {
    lot = decodeURIComponent(segments[3]!);
  } catch {
    return null;
  }
  return isValidLot(lot) ? { gtin14, lot } : null;
}
