import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * bytea as a Buffer on both drivers: node-postgres returns a Buffer, PGlite a Uint8Array, and
 * both accept either as a parameter.
 */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

/**
 * Uploaded files, domain-free: the modules that own a file (evidence documents, product photos)
 * point at a row here and decide who may read it. Bytes live in the database so PGlite and
 * PostgreSQL deployments behave the same and a backup holds everything. A row never changes.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    /** Detected from the bytes, never taken from the client. */
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    /** The uploading user; no foreign key, the kernel knows no module. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_sha256_idx').on(t.sha256)],
);
