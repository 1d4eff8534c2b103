import type { RubricSheet, RubricSummary } from '@hoptac/core';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ocopRubrics } from './ocop.schema.ts';

export async function insertRubricVersion(
  db: DbOrTx,
  sheet: RubricSheet,
  checksum: string,
  origin: 'shipped' | 'edited',
  createdBy: string | null,
) {
  await db.insert(ocopRubrics).values({
    id: sheet.id,
    version: sheet.version,
    decisionCode: sheet.decision.code,
    decisionNumber: sheet.decision.number,
    sheetNumber: sheet.sheetNumber,
    current: sheet.decision.current,
    title: sheet.title,
    productGroup: sheet.productGroup,
    productSets: sheet.productSets,
    coverage: sheet.coverage,
    sheet,
    checksum,
    origin,
    createdBy,
  });
}

const summaryColumns = {
  id: ocopRubrics.id,
  version: ocopRubrics.version,
  decisionCode: ocopRubrics.decisionCode,
  decisionNumber: ocopRubrics.decisionNumber,
  sheetNumber: ocopRubrics.sheetNumber,
  title: ocopRubrics.title,
  productGroup: ocopRubrics.productGroup,
  productSets: ocopRubrics.productSets,
  coverage: ocopRubrics.coverage,
  current: ocopRubrics.current,
};

// The columns are written only from sheets that passed rubricSheetSchema.
const toSummary = (r: { [K in keyof typeof summaryColumns]: unknown }) => r as RubricSummary;

/** The latest version of every sheet, current decision first, then by sheet number. */
export async function listLatestRubrics(db: DbOrTx): Promise<RubricSummary[]> {
  const latest = db
    .selectDistinctOn([ocopRubrics.id], summaryColumns)
    .from(ocopRubrics)
    .orderBy(ocopRubrics.id, desc(ocopRubrics.version))
    .as('latest');
  const rows = await db.select().from(latest).orderBy(desc(latest.current), asc(latest.sheetNumber), asc(latest.id));
  return rows.map(toSummary);
}

/** The summary of one sheet version. */
export async function findRubricSummary(db: DbOrTx, id: string, version: number): Promise<RubricSummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(ocopRubrics)
    .where(and(eq(ocopRubrics.id, id), eq(ocopRubrics.version, version)));
  return row ? toSummary(row) : null;
}

export async function findLatestVersion(db: DbOrTx, id: string): Promise<number | null> {
  const [row] = await db
    .select({ version: ocopRubrics.version })
    .from(ocopRubrics)
    .where(eq(ocopRubrics.id, id))
    .orderBy(desc(ocopRubrics.version))
    .limit(1);
  return row?.version ?? null;
}

export async function findRubricSheet(db: DbOrTx, id: string, version: number): Promise<RubricSheet | null> {
  const [row] = await db
    .select({ sheet: ocopRubrics.sheet })
    .from(ocopRubrics)
    .where(and(eq(ocopRubrics.id, id), eq(ocopRubrics.version, version)));
  return row?.sheet ?? null;
}
