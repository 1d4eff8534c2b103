import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.ts';

// The public check behind a product's QR code: a GS1 Digital Link path (`01/{gtin14}`, with
// `/10/{lot}`), a short code, or a certificate number, read from live data on every request.

export const VERIFY_STATUSES = ['valid', 'expired', 'revoked', 'unknown'] as const;
export const verifyStatusSchema = z.enum(VERIFY_STATUSES);
export type VerifyStatus = z.infer<typeof verifyStatusSchema>;

/** Where a person's browser goes for a code; one place to change when the verify page moves. */
export const verifyPagePath = (code: string) => `/verify/${code.split('/').map(encodeURIComponent).join('/')}`;
/** The short-code URL printed for products without a GTIN. */
export const shortCodePath = (code: string) => `/v/${code}`;
/**
 * Where a product's QR images are served: by its Digital Link path when it has a GTIN, else by
 * its short code; null while it has neither (no GTIN, not certified yet).
 */
export function productQrPaths(codes: { gtin: string | null; verifyCode: string | null }) {
  const code = codes.gtin ? `01/${codes.gtin}` : codes.verifyCode;
  return code ? { svgPath: `/api/public/qr/${code}.svg`, pngPath: `/api/public/qr/${code}.png` } : null;
}
export const productQrSchema = z.object({ svgPath: z.string(), pngPath: z.string() });

/** The public product page (the catalogue's). */
export const publicProductPath = (productId: string) => `/catalog/products/${productId}`;

export const verifyResultSchema = z.object({
  status: verifyStatusSchema,
  /** The code as understood: `01/{gtin14}[/10/{lot}]`, a short code or a certificate number. */
  code: z.string(),
  kind: z.enum(['gs1', 'short_code', 'certificate_number']).nullable(),
  lot: z.string().nullable(),
  product: z.object({ id: z.uuid(), name: z.string(), gtin14: z.string().nullable() }).nullable(),
  /** The producer: an organisation, no people. */
  producer: z.object({ id: z.uuid(), name: z.string(), communeCode: z.string(), communeName: z.string() }).nullable(),
  certificate: z
    .object({
      number: z.string(),
      star: z.number().int().min(1).max(5),
      decisionNumber: z.string(),
      decisionDate: z.string(),
      issuerName: z.string(),
      issuedOn: z.string(),
      validUntil: z.string(),
      /** The day it was revoked (Vietnam calendar), when it was. */
      revokedOn: z.string().nullable(),
    })
    .nullable(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** Optional, coarse: where the scan came from, as the page reports it (the browser's consent). */
export const verifyScanQuerySchema = z.object({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});
export type VerifyScanQuery = z.infer<typeof verifyScanQuerySchema>;

export const scanAnomalySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  product: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  certificateNumber: z.string().nullable(),
  at: z.string(),
  lat: z.number(),
  lng: z.number(),
  /** The earlier scan it contradicts. */
  previous: z.object({ at: z.string(), lat: z.number(), lng: z.number() }),
  distanceKm: z.number(),
});
export type ScanAnomaly = z.infer<typeof scanAnomalySchema>;
export const scanAnomalyPageSchema = pageOf(scanAnomalySchema);
export const scanAnomalyQuerySchema = pageQuerySchema;
export type ScanAnomalyQuery = z.infer<typeof scanAnomalyQuerySchema>;
