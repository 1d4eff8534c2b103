import type { AuditEntry, AuditQuery } from '@hoptac/core';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../kernel/audit.schema.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import { users } from '../identity/index.ts';

function nextDay(isoDate: string): Date {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** A page of audit entries, newest first, with the acting account. */
export async function listAudit(db: DbOrTx, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  const conds: SQL[] = [];
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
  if (q.actorEmail) conds.push(eq(users.email, q.actorEmail));
  if (q.from) conds.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) conds.push(lt(auditLog.at, nextDay(q.to)));
  const where = conds.length > 0 ? and(...conds) : undefined;
  const { limit, offset } = toLimitOffset(q);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: users.id,
        actorEmail: users.email,
        actorName: users.displayName,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        requestId: auditLog.requestId,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, email: r.actorEmail!, displayName: r.actorName! } : null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
    })),
    total: totals[0]?.n ?? 0,
  };
}
