import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Which edition of each shipped reference data set is loaded (by checksum). */
export const referenceData = pgTable('reference_data', {
  name: text('name').primaryKey(),
  checksum: text('checksum').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
