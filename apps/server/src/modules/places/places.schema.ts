import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const adminSchemes = pgTable('admin_schemes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  effectiveTo: date('effective_to'),
});

/** A unit is identified by (scheme, code): codes are reused across editions. */
export const adminUnits = pgTable(
  'admin_units',
  {
    scheme: text('scheme')
      .notNull()
      .references(() => adminSchemes.code),
    code: text('code').notNull(),
    level: text('level').notNull(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    parentCode: text('parent_code'),
    /** foldVietnamese(fullName): lets "dong anh" find "Huyện Đông Anh". */
    nameFolded: text('name_folded').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scheme, t.code] }),
    foreignKey({ columns: [t.scheme, t.parentCode], foreignColumns: [t.scheme, t.code] }),
    index('admin_units_parent_idx').on(t.scheme, t.parentCode),
    index('admin_units_level_idx').on(t.scheme, t.level),
    index('admin_units_name_folded_trgm_idx').using('gin', sql`${t.nameFolded} gin_trgm_ops`),
  ],
);

/** Old→new reform links; `kind` is full (whole area moved) or partial (split). */
export const adminUnitLinks = pgTable(
  'admin_unit_links',
  {
    fromScheme: text('from_scheme').notNull(),
    fromCode: text('from_code').notNull(),
    toScheme: text('to_scheme').notNull(),
    toCode: text('to_code').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.fromScheme, t.fromCode, t.toScheme, t.toCode] }),
    foreignKey({ columns: [t.fromScheme, t.fromCode], foreignColumns: [adminUnits.scheme, adminUnits.code] }),
    foreignKey({ columns: [t.toScheme, t.toCode], foreignColumns: [adminUnits.scheme, adminUnits.code] }),
    index('admin_unit_links_to_idx').on(t.toScheme, t.toCode),
  ],
);
