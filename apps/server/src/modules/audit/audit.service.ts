import type { AuditQuery } from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { listAudit } from './audit.repository.ts';

export function createAuditService(db: Db) {
  return {
    /** Audit entries matching the filters, newest first. */
    listEntries(query: AuditQuery) {
      return listAudit(db, query);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
