import { asc, eq, and } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { entityMembers } from './registry.schema.ts';

export type MemberRow = typeof entityMembers.$inferSelect;

export function listMembers(db: DbOrTx, entityId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(entityMembers)
    .where(eq(entityMembers.entityId, entityId))
    .orderBy(asc(entityMembers.leftOn), asc(entityMembers.joinedOn), asc(entityMembers.name));
}

export async function findMember(db: DbOrTx, entityId: string, memberId: string): Promise<MemberRow | null> {
  const [row] = await db
    .select()
    .from(entityMembers)
    .where(and(eq(entityMembers.entityId, entityId), eq(entityMembers.id, memberId)));
  return row ?? null;
}

export async function insertMember(db: DbOrTx, values: typeof entityMembers.$inferInsert): Promise<MemberRow> {
  const [row] = await db.insert(entityMembers).values(values).returning();
  return row!;
}

export async function updateMember(db: DbOrTx, memberId: string, values: Partial<typeof entityMembers.$inferInsert>) {
  const [row] = await db.update(entityMembers).set(values).where(eq(entityMembers.id, memberId)).returning();
  return row!;
}

export async function deleteMember(db: DbOrTx, memberId: string) {
  await db.delete(entityMembers).where(eq(entityMembers.id, memberId));
}
