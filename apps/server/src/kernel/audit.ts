import type { DbOrTx } from '../db/client.ts';
import { auditLog } from './audit.schema.ts';

/** Who is acting, carried from the request into services. */
export type Actor = { userId: string | null; requestId: string | null; ip: string | null };

export const SYSTEM_ACTOR: Actor = { userId: null, requestId: null, ip: null };

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends one audit entry; call it inside the same transaction as the write it describes. */
export async function recordAudit(db: DbOrTx, actor: Actor, record: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.userId,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId ?? null,
    before: record.before ?? null,
    after: record.after ?? null,
    requestId: actor.requestId,
    ip: actor.ip,
  });
}
