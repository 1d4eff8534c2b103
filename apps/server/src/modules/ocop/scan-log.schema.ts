import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ocopCertificates, ocopProducts } from './ocop.schema.ts';

/**
 * One public verification of a code (QR scan, typed code, machine lookup). No IP address and
 * no precise location is kept: a point rounded to 0.1°, or a province code, and the kind of device.
 */
export const ocopScans = pgTable(
  'ocop_scans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The code in canonical form: `01/{gtin14}`, a short code or a certificate number (lot apart). */
    code: text('code').notNull(),
    lot: text('lot'),
    productId: uuid('product_id').references(() => ocopProducts.id),
    certificateId: uuid('certificate_id').references(() => ocopCertificates.id),
    /** valid | expired | revoked, as answered. */
    status: text('status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    provinceCode: text('province_code'),
    /** phone | desktop | bot. */
    userAgentClass: text('user_agent_class').notNull(),
    /** The earlier scan of the same code too far away too recently: a possibly cloned label. */
    anomalyOf: bigint('anomaly_of', { mode: 'number' }),
    anomalyKm: integer('anomaly_km'),
  },
  (t) => [
    index('ocop_scans_code_at_idx').on(t.code, t.at),
    index('ocop_scans_anomalies_idx')
      .on(t.at)
      .where(sql`${t.anomalyOf} is not null`),
  ],
);
