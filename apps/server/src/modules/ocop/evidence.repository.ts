import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { storedFiles } from '../../kernel/files.schema.ts';
import { ocopCouncilConflicts, ocopCouncilMembers, ocopDossiers, ocopRounds } from './ocop.schema.ts';
import { ocopEvidenceDocuments } from './evidence.schema.ts';
import { COUNCIL_DOSSIER_STATUSES } from './rounds.access.ts';

const columns = {
  doc: ocopEvidenceDocuments,
  mediaType: storedFiles.mediaType,
  size: storedFiles.size,
};

function selectDocuments(db: DbOrTx) {
  return db
    .select(columns)
    .from(ocopEvidenceDocuments)
    .innerJoin(storedFiles, eq(storedFiles.id, ocopEvidenceDocuments.fileId));
}

export type DocumentRow = Awaited<ReturnType<typeof listAllDocuments>>[number];

export async function listDocuments(db: DbOrTx, entityId: string, limit: number, offset: number) {
  const where = eq(ocopEvidenceDocuments.entityId, entityId);
  const [rows, [total]] = await Promise.all([
    selectDocuments(db)
      .where(where)
      .orderBy(ocopEvidenceDocuments.kind, desc(ocopEvidenceDocuments.createdAt))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(ocopEvidenceDocuments).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every document of an entity: a checklist weighs them all (an entity holds a handful). */
export async function listAllDocuments(db: DbOrTx, entityId: string) {
  return selectDocuments(db).where(eq(ocopEvidenceDocuments.entityId, entityId));
}

export async function findDocument(db: DbOrTx, id: string) {
  const [row] = await selectDocuments(db).where(eq(ocopEvidenceDocuments.id, id));
  return row ?? null;
}

export async function insertDocument(db: DbOrTx, values: typeof ocopEvidenceDocuments.$inferInsert) {
  const [row] = await db.insert(ocopEvidenceDocuments).values(values).returning({ id: ocopEvidenceDocuments.id });
  return row!.id;
}

export async function deleteDocument(db: DbOrTx, id: string) {
  await db.delete(ocopEvidenceDocuments).where(eq(ocopEvidenceDocuments.id, id));
}

/**
 * Whether a council member sits, without a conflict, on a round holding a dossier of the entity
 * that has reached the council: the same test dossierCapacity applies to one dossier.
 */
export async function councilSeesEntity(db: DbOrTx, userId: string, entityId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(ocopDossiers)
    .innerJoin(ocopRounds, eq(ocopRounds.id, ocopDossiers.roundId))
    .innerJoin(
      ocopCouncilMembers,
      and(eq(ocopCouncilMembers.roundId, ocopDossiers.roundId), eq(ocopCouncilMembers.userId, userId)),
    )
    .where(
      and(
        eq(ocopDossiers.entityId, entityId),
        inArray(ocopDossiers.status, COUNCIL_DOSSIER_STATUSES),
        sql`${ocopRounds.status} <> 'planned'`,
        sql`not exists (select 1 from ${ocopCouncilConflicts} c
          where c.round_id = ${ocopDossiers.roundId} and c.user_id = ${userId} and c.entity_id = ${entityId})`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
