import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.schema.ts';
import { ocopProducts } from '../ocop/ocop.schema.ts';

/** A showroom, point of sale, supermarket counter, craft-village shop or online shop selling OCOP products. */
export const outlets = pgTable(
  'outlets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** ocop_showroom | point_of_sale | supermarket_counter | craft_village_shop | online_shop. */
    type: text('type').notNull(),
    /** The outlet_operator account that keeps its details and stock; null: kept by the city. */
    operatorId: uuid('operator_id').references(() => users.id),
    address: text('address').notNull(),
    /** Always the current scheme (2025-07): outlets are recorded after the reform. */
    communeScheme: text('commune_scheme').notNull().default('2025-07'),
    communeCode: text('commune_code').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    openingHours: text('opening_hours'),
    /** The outlet's public business contact. */
    contact: text('contact'),
    url: text('url'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outlets_commune_idx').on(t.communeCode),
    index('outlets_operator_idx').on(t.operatorId),
    index('outlets_opened_idx').on(t.openedOn),
    index('outlets_open_type_idx')
      .on(t.type)
      .where(sql`${t.closedOn} is null`),
  ],
);

/** A certified product an outlet stocks, since when. */
export const outletProducts = pgTable(
  'outlet_products',
  {
    outletId: uuid('outlet_id')
      .notNull()
      .references(() => outlets.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => ocopProducts.id),
    since: date('since', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.outletId, t.productId] }), index('outlet_products_product_idx').on(t.productId)],
);
