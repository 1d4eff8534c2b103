import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { foldVietnamese, LINK_KINDS, SCHEMES, UNIT_LEVELS, UNIT_TYPES } from '@hoptac/core';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { referenceData } from '../../kernel/reference-data.schema.ts';
import { adminSchemes, adminUnitLinks, adminUnits } from './places.schema.ts';

export const ADMIN_UNITS_FILE = path.resolve(import.meta.dirname, '../../../../../data/admin-units/admin-units.json');

const fileSchema = z.object({
  format: z.literal('hoptac-admin-units/1'),
  schemes: z.array(
    z.object({
      code: z.enum(SCHEMES),
      name: z.string(),
      nameEn: z.string(),
      effectiveFrom: z.iso.date(),
      effectiveTo: z.iso.date().nullable(),
    }),
  ),
  units: z.array(
    z.object({
      scheme: z.enum(SCHEMES),
      code: z.string(),
      level: z.enum(UNIT_LEVELS),
      type: z.enum(UNIT_TYPES),
      name: z.string(),
      fullName: z.string(),
      nameEn: z.string().nullable(),
      parentCode: z.string().nullable(),
    }),
  ),
  links: z.array(
    z.object({
      fromScheme: z.enum(SCHEMES),
      fromCode: z.string(),
      toScheme: z.enum(SCHEMES),
      toCode: z.string(),
      kind: z.enum(LINK_KINDS),
    }),
  ),
});

const CHUNK = 500;
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Loads the shipped administrative-unit file when its checksum differs from the
 * loaded one. Upserts only: a unit dropped from a later edition of the file
 * stays, because historical records may still point at it.
 */
export async function syncAdminUnits(db: Db, file = ADMIN_UNITS_FILE): Promise<'loaded' | 'unchanged'> {
  const raw = await fs.readFile(file);
  const checksum = createHash('sha256').update(raw).digest('hex');
  const [current] = await db.select().from(referenceData).where(eq(referenceData.name, 'admin-units'));
  if (current?.checksum === checksum) return 'unchanged';
  const data = fileSchema.parse(JSON.parse(raw.toString('utf8')));
  const levelOrder = (l: string) => UNIT_LEVELS.indexOf(l as (typeof UNIT_LEVELS)[number]);
  // Parents before children: the (scheme, parent_code) foreign key checks each row.
  const units = [...data.units].sort((a, b) => levelOrder(a.level) - levelOrder(b.level));
  await db.transaction(async (tx) => {
    for (const s of data.schemes) {
      await tx.insert(adminSchemes).values(s).onConflictDoUpdate({ target: adminSchemes.code, set: s });
    }
    for (const part of chunks(units)) {
      await tx
        .insert(adminUnits)
        .values(part.map((u) => ({ ...u, nameFolded: foldVietnamese(u.fullName) })))
        .onConflictDoUpdate({
          target: [adminUnits.scheme, adminUnits.code],
          set: {
            level: sql`excluded.level`,
            type: sql`excluded.type`,
            name: sql`excluded.name`,
            fullName: sql`excluded.full_name`,
            nameEn: sql`excluded.name_en`,
            parentCode: sql`excluded.parent_code`,
            nameFolded: sql`excluded.name_folded`,
          },
        });
    }
    for (const part of chunks(data.links)) {
      await tx
        .insert(adminUnitLinks)
        .values(part)
        .onConflictDoUpdate({
          target: [adminUnitLinks.fromScheme, adminUnitLinks.fromCode, adminUnitLinks.toScheme, adminUnitLinks.toCode],
          set: { kind: sql`excluded.kind` },
        });
    }
    await tx
      .insert(referenceData)
      .values({ name: 'admin-units', checksum })
      .onConflictDoUpdate({ target: referenceData.name, set: { checksum, loadedAt: new Date() } });
  });
  return 'loaded';
}
