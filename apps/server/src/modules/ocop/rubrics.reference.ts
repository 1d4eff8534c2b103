import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { rubricSheetSchema, type RubricSheet } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { insertRubricVersion } from './rubrics.repository.ts';

export const RUBRICS_DIR = path.resolve(import.meta.dirname, '../../../../../data/ocop-rubrics');

/**
 * Loads the shipped scoring sheets (data/ocop-rubrics). A sheet seen for the first time becomes
 * version 1; a shipped sheet whose content changed becomes a new version after the latest, so
 * assessments made on an earlier version keep the sheet they were scored on. Returns how many
 * versions were added.
 */
export async function syncShippedRubrics(db: Db, dir = RUBRICS_DIR): Promise<number> {
  const index = JSON.parse(await fs.readFile(path.join(dir, 'index.json'), 'utf8')) as { id: string }[];
  const latest = new Map(
    (
      await queryRows<{ id: string; version: number; checksum: string }>(
        db,
        sql`select distinct on (id) id, version, checksum from ocop_rubrics order by id, version desc`,
      )
    ).map((r) => [r.id, r]),
  );
  const sheets: { sheet: RubricSheet; checksum: string; version: number }[] = [];
  for (const { id } of index) {
    // The file name comes from our own index, never from a request.
    const raw = await fs.readFile(path.join(dir, `${path.basename(id)}.json`));
    // The file's own checksum: an unchanged file is not even parsed again.
    const checksum = createHash('sha256').update(raw).digest('hex');
    const known = latest.get(id);
    if (known?.checksum === checksum) continue;
    const sheet = rubricSheetSchema.parse(JSON.parse(raw.toString('utf8')));
    if (sheet.id !== id) throw new Error(`data/ocop-rubrics: ${id}.json holds sheet ${sheet.id}`);
    sheets.push({ sheet, checksum, version: (known?.version ?? 0) + 1 });
  }
  if (sheets.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (const { sheet, checksum, version } of sheets)
      await insertRubricVersion(tx, { ...sheet, version }, checksum, 'shipped', null);
  });
  return sheets.length;
}
