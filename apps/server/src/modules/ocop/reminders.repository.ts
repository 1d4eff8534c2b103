import { and, count, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { userCommunes, userRoles, users } from '../identity/identity.schema.ts';
import { entities } from '../registry/registry.schema.ts';
import { ocopEvidenceDocuments, ocopNotifications, ocopReminders } from './evidence.schema.ts';
import { ocopCertificates } from './ocop.schema.ts';

/** Certificates in force whose last day falls within [from, to]. */
export async function certificatesEnding(db: DbOrTx, from: string, to: string) {
  return db
    .select({
      id: ocopCertificates.id,
      entityId: ocopCertificates.entityId,
      number: ocopCertificates.number,
      productName: ocopCertificates.productName,
      validUntil: ocopCertificates.validUntil,
    })
    .from(ocopCertificates)
    .where(
      and(
        isNull(ocopCertificates.revokedAt),
        gte(ocopCertificates.validUntil, from),
        lte(ocopCertificates.validUntil, to),
      ),
    );
}

/** Evidence documents whose last day falls within [from, to]. */
export async function documentsEnding(db: DbOrTx, from: string, to: string) {
  return db
    .select({
      id: ocopEvidenceDocuments.id,
      entityId: ocopEvidenceDocuments.entityId,
      kind: ocopEvidenceDocuments.kind,
      title: ocopEvidenceDocuments.title,
      validUntil: sql<string>`${ocopEvidenceDocuments.validUntil}`,
    })
    .from(ocopEvidenceDocuments)
    .where(and(gte(ocopEvidenceDocuments.validUntil, from), lte(ocopEvidenceDocuments.validUntil, to)));
}

/** Records a reminder as sent; false when it already was (the sweep ran before). */
export async function claimReminder(db: DbOrTx, values: typeof ocopReminders.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(ocopReminders)
    .values(values)
    .onConflictDoNothing()
    .returning({ key: ocopReminders.key });
  return rows.length > 0;
}

/**
 * Who is reminded about an entity's certificate or document: the active accounts acting for the
 * entity, and the active commune officers whose scope holds the entity's commune. One row per account.
 */
export async function reminderRecipients(db: DbOrTx, entityId: string) {
  const members = db
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'entity_member')))
    .where(and(eq(users.entityId, entityId), eq(users.active, true)));
  const officers = db
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'commune_officer')))
    .innerJoin(userCommunes, eq(userCommunes.userId, users.id))
    .innerJoin(
      entities,
      and(eq(entities.communeScheme, userCommunes.scheme), eq(entities.communeCode, userCommunes.code)),
    )
    .where(and(eq(entities.id, entityId), eq(users.active, true)));
  return union(members, officers);
}

export async function insertNotifications(db: DbOrTx, rows: (typeof ocopNotifications.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(ocopNotifications).values(rows);
}

export async function listNotifications(db: DbOrTx, userId: string, limit: number, offset: number) {
  const mine = eq(ocopNotifications.userId, userId);
  const [items, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(ocopNotifications)
      .where(mine)
      .orderBy(desc(ocopNotifications.createdAt), desc(ocopNotifications.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(ocopNotifications).where(mine),
    db
      .select({ n: count() })
      .from(ocopNotifications)
      .where(and(mine, isNull(ocopNotifications.readAt))),
  ]);
  return { items, total: total?.n ?? 0, unread: unread?.n ?? 0 };
}

/** Marks one of the user's notifications read (kept read if it already was); false when not theirs. */
export async function markRead(db: DbOrTx, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(ocopNotifications)
    .set({ readAt: sql`coalesce(${ocopNotifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(ocopNotifications.id, id), eq(ocopNotifications.userId, userId)))
    .returning({ id: ocopNotifications.id });
  return rows.length > 0;
}
