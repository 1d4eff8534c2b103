import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';

export interface AuditFilterValue {
  action?: string | undefined;
  entityType?: string | undefined;
  actorEmail?: string | undefined;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditParams extends AuditFilterValue {
  page: number;
  pageSize: number;
}

export function auditQueryOptions(params: AuditParams) {
  return queryOptions({
    queryKey: ['audit', params],
    queryFn: ({ signal }) =>
      apiFetch<{ items: AuditEntry[]; total: number }>('/api/audit', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditLog(params: AuditParams) {
  return useQuery(auditQueryOptions(params));
}
