import type { OcopCouncilRole, OcopRoundListQuery } from '@hoptac/core';
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import { userRoles, users } from '../identity/identity.schema.ts';
import { entities } from '../registry/registry.schema.ts';
import {
  ocopCouncilConflicts,
  ocopCouncilMembers,
  ocopCouncils,
  ocopDossiers,
  ocopRounds,
  ocopScoreSheets,
} from './ocop.schema.ts';
import type { Audience } from './rounds.access.ts';

export type RoundRow = typeof ocopRounds.$inferSelect;
export type RoundValues = typeof ocopRounds.$inferInsert;

const seated = (userId: string) =>
  sql`exists (select 1 from ${ocopCouncilMembers} m
    where m.round_id = ${ocopRounds.id} and m.user_id = ${userId})`;

/** The rounds an audience sees (see rounds.access.ts). */
export function roundsVisibleTo(a: Audience): SQL | undefined {
  if (a.all) return undefined;
  const opened = ne(ocopRounds.status, 'planned');
  const conds: SQL[] = [];
  if (a.publishedRounds) conds.push(opened);
  if (a.councilUserId) conds.push(and(opened, seated(a.councilUserId))!);
  return conds.length > 0 ? or(...conds) : sql`false`;
}

const myRole = (userId: string) =>
  sql<OcopCouncilRole | null>`(select m.role from ${ocopCouncilMembers} m
    where m.round_id = ${ocopRounds.id} and m.user_id = ${userId})`;

export async function listRounds(db: DbOrTx, q: OcopRoundListQuery, a: Audience, userId: string) {
  const where = and(
    roundsVisibleTo(a),
    q.status ? eq(ocopRounds.status, q.status) : undefined,
    q.year ? eq(ocopRounds.year, q.year) : undefined,
  );
  const { limit, offset } = toLimitOffset(q);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ round: ocopRounds, myRole: myRole(userId) })
      .from(ocopRounds)
      .where(where)
      .orderBy(desc(ocopRounds.year), desc(ocopRounds.createdAt), desc(ocopRounds.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(ocopRounds).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** A round; `lock` takes the row for update (open, close) or share (a dossier entering it). */
export async function findRound(db: DbOrTx, id: string, lock?: 'update' | 'share'): Promise<RoundRow | null> {
  const query = db.select().from(ocopRounds).where(eq(ocopRounds.id, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

export async function findRoundWithRole(db: DbOrTx, id: string, userId: string) {
  const [row] = await db
    .select({ round: ocopRounds, myRole: myRole(userId) })
    .from(ocopRounds)
    .where(eq(ocopRounds.id, id));
  return row ?? null;
}

export async function insertRound(db: DbOrTx, values: RoundValues): Promise<string> {
  const [row] = await db.insert(ocopRounds).values(values).returning({ id: ocopRounds.id });
  return row!.id;
}

export async function updateRound(db: DbOrTx, id: string, values: Partial<RoundValues>, at: Date) {
  await db
    .update(ocopRounds)
    .set({ ...values, updatedAt: at })
    .where(eq(ocopRounds.id, id));
}

/** The open round of a regime other than `exceptId`, if any. */
export async function findOpenRoundOfRegime(db: DbOrTx, regime: string, exceptId: string) {
  const [row] = await db
    .select({ id: ocopRounds.id, name: ocopRounds.name })
    .from(ocopRounds)
    .where(and(eq(ocopRounds.processRegime, regime), eq(ocopRounds.status, 'open'), ne(ocopRounds.id, exceptId)));
  return row ?? null;
}

/** The open round scoring on a decision's sheets, locked for share so it cannot close under the caller. */
export async function lockOpenRoundForDecision(db: DbOrTx, decision: string): Promise<RoundRow | null> {
  const [row] = await db
    .select()
    .from(ocopRounds)
    .where(and(eq(ocopRounds.rubricDecision, decision), eq(ocopRounds.status, 'open')))
    .orderBy(asc(ocopRounds.openedAt))
    .limit(1)
    .for('share');
  return row ?? null;
}

/** Dossiers per round and status, for the rounds given. */
export async function countDossiers(db: DbOrTx, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({ roundId: ocopDossiers.roundId, status: ocopDossiers.status, n: count() })
    .from(ocopDossiers)
    .where(inArray(ocopDossiers.roundId, roundIds))
    .groupBy(ocopDossiers.roundId, ocopDossiers.status);
}

// ---- councils ----

export async function findCouncil(db: DbOrTx, roundId: string) {
  const [row] = await db.select().from(ocopCouncils).where(eq(ocopCouncils.roundId, roundId));
  return row ?? null;
}

export async function listMembers(db: DbOrTx, roundId: string) {
  return db
    .select({
      userId: ocopCouncilMembers.userId,
      role: ocopCouncilMembers.role,
      displayName: users.displayName,
      entityId: users.entityId,
    })
    .from(ocopCouncilMembers)
    .innerJoin(users, eq(users.id, ocopCouncilMembers.userId))
    .where(eq(ocopCouncilMembers.roundId, roundId))
    .orderBy(
      sql`array_position(array['chair','secretary','member','advisor'], ${ocopCouncilMembers.role})`,
      asc(users.displayName),
    );
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function findSeat(db: DbOrTx, roundId: string, userId: string): Promise<OcopCouncilRole | null> {
  const [row] = await db
    .select({ role: ocopCouncilMembers.role })
    .from(ocopCouncilMembers)
    .where(and(eq(ocopCouncilMembers.roundId, roundId), eq(ocopCouncilMembers.userId, userId)));
  return (row?.role as OcopCouncilRole | undefined) ?? null;
}

/** Replaces the council's settings and members. */
export async function saveCouncil(
  db: DbOrTx,
  roundId: string,
  threshold: number,
  members: { userId: string; role: string }[],
  by: string,
  at: Date,
) {
  await db
    .insert(ocopCouncils)
    .values({ roundId, disagreementThreshold: threshold, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({
      target: ocopCouncils.roundId,
      set: { disagreementThreshold: threshold, updatedBy: by, updatedAt: at },
    });
  await db.delete(ocopCouncilMembers).where(eq(ocopCouncilMembers.roundId, roundId));
  await db.insert(ocopCouncilMembers).values(members.map((m) => ({ roundId, ...m })));
}

/** Users among `ids` that exist, are active and hold the council_member role. */
export async function findCouncilEligible(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'council_member')))
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  return new Set(rows.map((r) => r.id));
}

/** Members among `ids` who already hold a score sheet in the round. */
export async function membersWithSheets(db: DbOrTx, roundId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: ocopScoreSheets.userId })
    .from(ocopScoreSheets)
    .innerJoin(ocopDossiers, eq(ocopDossiers.id, ocopScoreSheets.dossierId))
    .where(and(eq(ocopDossiers.roundId, roundId), inArray(ocopScoreSheets.userId, ids)));
  return rows.map((r) => r.userId);
}

export async function listConflicts(db: DbOrTx, roundId: string, userId?: string) {
  return db
    .select({
      userId: ocopCouncilConflicts.userId,
      displayName: users.displayName,
      entityId: ocopCouncilConflicts.entityId,
      entityName: entities.name,
      reason: ocopCouncilConflicts.reason,
      recordedBy: ocopCouncilConflicts.recordedBy,
      recordedAt: ocopCouncilConflicts.recordedAt,
    })
    .from(ocopCouncilConflicts)
    .innerJoin(users, eq(users.id, ocopCouncilConflicts.userId))
    .innerJoin(entities, eq(entities.id, ocopCouncilConflicts.entityId))
    .where(and(eq(ocopCouncilConflicts.roundId, roundId), userId ? eq(ocopCouncilConflicts.userId, userId) : undefined))
    .orderBy(asc(users.displayName), asc(entities.name));
}

export async function findConflict(db: DbOrTx, roundId: string, userId: string, entityId: string) {
  const [row] = await db
    .select()
    .from(ocopCouncilConflicts)
    .where(
      and(
        eq(ocopCouncilConflicts.roundId, roundId),
        eq(ocopCouncilConflicts.userId, userId),
        eq(ocopCouncilConflicts.entityId, entityId),
      ),
    );
  return row ?? null;
}

export async function saveConflict(db: DbOrTx, values: typeof ocopCouncilConflicts.$inferInsert) {
  await db
    .insert(ocopCouncilConflicts)
    .values(values)
    .onConflictDoUpdate({
      target: [ocopCouncilConflicts.roundId, ocopCouncilConflicts.userId, ocopCouncilConflicts.entityId],
      set: { reason: values.reason, recordedBy: values.recordedBy, recordedAt: values.recordedAt },
    });
}

export async function deleteConflict(db: DbOrTx, roundId: string, userId: string, entityId: string) {
  await db
    .delete(ocopCouncilConflicts)
    .where(
      and(
        eq(ocopCouncilConflicts.roundId, roundId),
        eq(ocopCouncilConflicts.userId, userId),
        eq(ocopCouncilConflicts.entityId, entityId),
      ),
    );
}

export async function entityExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: entities.id }).from(entities).where(eq(entities.id, id));
  return Boolean(row);
}
