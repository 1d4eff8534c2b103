import { z } from 'zod';
import { EVIDENCE_KINDS } from '../ocop/evidence.ts';
import { pageOf, pageQuerySchema } from './common.ts';

// The evidence locker, its checklist per product or dossier, product photos and the in-app
// notifications that expiry reminders leave.

export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);
const day = z.iso.date();

/** The text fields of an evidence upload (multipart/form-data, sent with the file). */
export const evidenceFieldsSchema = z
  .object({
    entityId: z.uuid().optional(),
    kind: evidenceKindSchema,
    title: z.string().trim().min(2).max(300),
    issuedOn: day,
    validUntil: z
      .union([day, z.literal('')])
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => v.validUntil === null || v.validUntil >= v.issuedOn, {
    path: ['validUntil'],
    message: 'A document cannot expire before it was issued',
  });
export type EvidenceFields = z.infer<typeof evidenceFieldsSchema>;

export const evidenceValiditySchema = z.enum(['valid', 'expiring_soon', 'expired']);

export const storedFileInfoSchema = z.object({
  mediaType: z.string(),
  size: z.number().int(),
  fileName: z.string(),
});

export const evidenceDocumentSchema = z.object({
  id: z.uuid(),
  entityId: z.uuid(),
  kind: evidenceKindSchema,
  title: z.string(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  validity: evidenceValiditySchema,
  file: storedFileInfoSchema,
  createdAt: z.string(),
});
export type EvidenceDocument = z.infer<typeof evidenceDocumentSchema>;
export const evidencePageSchema = pageOf(evidenceDocumentSchema);
export type EvidencePage = z.infer<typeof evidencePageSchema>;

/** Officials name the entity; a producer's own entity is the default. */
export const evidenceListQuerySchema = pageQuerySchema.extend({ entityId: z.uuid().optional() });
export type EvidenceListQuery = z.infer<typeof evidenceListQuerySchema>;

export const evidenceChecklistSchema = z.object({
  productGroup: z.string(),
  complete: z.boolean(),
  items: z.array(
    z.object({
      kind: evidenceKindSchema,
      status: z.enum(['valid', 'expiring_soon', 'expired', 'missing']),
      document: z.object({ id: z.uuid(), title: z.string(), validUntil: z.string().nullable() }).nullable(),
    }),
  ),
});
export type EvidenceChecklist = z.infer<typeof evidenceChecklistSchema>;

export const MAX_PRODUCT_PHOTOS = 6;

export const productPhotoSchema = z.object({
  id: z.uuid(),
  /** Public address of the image: /api/public/media/{mediaId}. */
  mediaId: z.uuid(),
  position: z.number().int(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type ProductPhoto = z.infer<typeof productPhotoSchema>;
export const productPhotoListSchema = z.object({ items: z.array(productPhotoSchema) });
export type ProductPhotoList = z.infer<typeof productPhotoListSchema>;

/** The photos in their new order: exactly the product's photo ids, each once. */
export const reorderPhotosBodySchema = z.object({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(MAX_PRODUCT_PHOTOS)
    .refine((ids) => new Set(ids).size === ids.length, 'Each photo once'),
});

export const NOTIFICATION_KINDS = ['certificate_expiring', 'evidence_expiring'] as const;
export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** Values for the translated message: product/title, certificate number, validUntil, days. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationPageSchema = pageOf(notificationSchema).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof notificationPageSchema>;
