import type { OcopCouncilRole } from '@hoptac/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../identity/identity.schema.ts';
import { ocopCouncilConflicts, ocopCouncilMembers, ocopCouncils, ocopScoreSheets } from './ocop.schema.ts';

export type SheetRow = typeof ocopScoreSheets.$inferSelect;

/**
 * The members expected to score a dossier of `entityId`: chair, secretary and members of the
 * round's council, less those linked to the entity (declared, or acting for it).
 */
export async function listScorers(db: DbOrTx, roundId: string, entityId: string) {
  const rows = await db
    .select({ userId: ocopCouncilMembers.userId, role: ocopCouncilMembers.role, displayName: users.displayName })
    .from(ocopCouncilMembers)
    .innerJoin(users, eq(users.id, ocopCouncilMembers.userId))
    .where(
      and(
        eq(ocopCouncilMembers.roundId, roundId),
        inArray(ocopCouncilMembers.role, ['chair', 'secretary', 'member']),
        sql`(${users.entityId} is null or ${users.entityId} <> ${entityId})`,
        sql`not exists (select 1 from ${ocopCouncilConflicts} c
          where c.round_id = ${ocopCouncilMembers.roundId} and c.user_id = ${ocopCouncilMembers.userId}
            and c.entity_id = ${entityId})`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((r) => ({ ...r, role: r.role as OcopCouncilRole }));
}

export type Scorer = Awaited<ReturnType<typeof listScorers>>[number];

export async function findThreshold(db: DbOrTx, roundId: string): Promise<number | null> {
  const [row] = await db
    .select({ t: ocopCouncils.disagreementThreshold })
    .from(ocopCouncils)
    .where(eq(ocopCouncils.roundId, roundId));
  return row?.t ?? null;
}

/** A member's sheet for a dossier; `lock` takes it for update (the member's own read-modify-write). */
export async function findSheet(db: DbOrTx, dossierId: string, userId: string, lock = false) {
  const query = db
    .select()
    .from(ocopScoreSheets)
    .where(and(eq(ocopScoreSheets.dossierId, dossierId), eq(ocopScoreSheets.userId, userId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Writes a member's draft; one row per (dossier, member), so concurrent first saves meet in the upsert. */
export async function saveDraft(
  db: DbOrTx,
  values: Pick<SheetRow, 'dossierId' | 'userId' | 'answers' | 'knockOut' | 'comments' | 'total' | 'star'> & {
    at: Date;
  },
) {
  const { at, ...v } = values;
  await db
    .insert(ocopScoreSheets)
    .values({ ...v, status: 'draft', createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [ocopScoreSheets.dossierId, ocopScoreSheets.userId],
      set: {
        answers: v.answers,
        knockOut: v.knockOut,
        comments: v.comments,
        total: v.total,
        star: v.star,
        updatedAt: at,
      },
      // A submitted sheet is final: the upsert never touches it.
      setWhere: eq(ocopScoreSheets.status, 'draft'),
    });
}

export async function markSubmitted(db: DbOrTx, id: string, total: number, star: number | null, at: Date) {
  await db
    .update(ocopScoreSheets)
    .set({ status: 'submitted', total, star, submittedAt: at, updatedAt: at })
    .where(and(eq(ocopScoreSheets.id, id), eq(ocopScoreSheets.status, 'draft')));
}

/** Submitted sheets of a dossier by the given members, in the order they were submitted. */
export async function listSubmitted(db: DbOrTx, dossierId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(ocopScoreSheets)
    .where(
      and(
        eq(ocopScoreSheets.dossierId, dossierId),
        eq(ocopScoreSheets.status, 'submitted'),
        inArray(ocopScoreSheets.userId, userIds),
      ),
    )
    .orderBy(asc(ocopScoreSheets.submittedAt), asc(ocopScoreSheets.id));
}
