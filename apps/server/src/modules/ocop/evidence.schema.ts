import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { storedFiles } from '../../kernel/files.schema.ts';
import { users } from '../identity/identity.schema.ts';
import { entities } from '../registry/registry.schema.ts';
import { ocopProducts } from './ocop.schema.ts';

/** The evidence locker: an entity's documents, kept once and reused by every dossier. */
export const ocopEvidenceDocuments = pgTable(
  'ocop_evidence_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    /** EVIDENCE_KINDS (packages/core). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** Last valid day; null for documents that do not expire (a business registration). */
    validUntil: date('valid_until', { mode: 'string' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    /** The name the file was uploaded with, offered again on download. */
    fileName: text('file_name').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ocop_evidence_documents_entity_idx').on(t.entityId, t.kind),
    index('ocop_evidence_documents_valid_until_idx').on(t.validUntil),
  ],
);

/** Up to six photos of a product, shown in `position` order; public once the product is. */
export const ocopProductPhotos = pgTable(
  'ocop_product_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => ocopProducts.id),
    fileId: uuid('file_id')
      .notNull()
      .unique()
      .references(() => storedFiles.id),
    position: integer('position').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ocop_product_photos_product_idx').on(t.productId, t.position)],
);

/**
 * Expiry reminders already sent, one row per subject and threshold
 * ("certificate:<id>:90"): the sweep inserts the key first, so running it twice sends once.
 */
export const ocopReminders = pgTable('ocop_reminders', {
  key: text('key').primaryKey(),
  /** 'certificate' | 'evidence'. */
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  thresholdDays: integer('threshold_days').notNull(),
  entityId: uuid('entity_id')
    .notNull()
    .references(() => entities.id),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});

/** In-app notifications of a user; the web translates `kind` with `params`. */
export const ocopNotifications = pgTable(
  'ocop_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ocop_notifications_user_idx').on(t.userId, t.createdAt)],
);
