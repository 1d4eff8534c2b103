import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommuneCount,
  CreateEntityBody,
  DuplicateCandidate,
  EntityDetail,
  EntityListItem,
  EntityStatus,
  EntityType,
  EntityView,
  Member,
  MemberInput,
  MemberList,
  Rating,
  Sector,
  StatusChangeBody,
  StatusHistoryItem,
  UpdateEntityBody,
} from '@hoptac/core';
import { apiFetch, isApiError, toQueryString } from '../../lib/api.ts';
import { entityKey, REGISTRY_QUERY_KEY } from './keys.ts';

export { REGISTRY_QUERY_KEY } from './keys.ts';
export * from './reports-api.ts';
export * from './imports-api.ts';

// ---------- Register ----------

/** The register's filters, as kept in the URL. */
export interface EntityFilterValue {
  q?: string | undefined;
  type?: EntityType | undefined;
  status?: EntityStatus | undefined;
  sector?: Sector | undefined;
  commune?: string | undefined;
  oldDistrict?: string | undefined;
  highTech?: boolean | undefined;
  valueChain?: boolean | undefined;
  rating?: Rating | undefined;
  sort?: 'name' | 'updated' | 'commune' | undefined;
}

export interface EntityListParams extends EntityFilterValue {
  page: number;
  pageSize: number;
}

export interface EntityPage {
  items: EntityListItem[];
  total: number;
}

export function entitiesQueryOptions(params: EntityListParams) {
  return queryOptions({
    queryKey: [...REGISTRY_QUERY_KEY, 'entities', params],
    queryFn: ({ signal }) => apiFetch<EntityPage>('/api/entities', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEntities(params: EntityListParams) {
  return useQuery(entitiesQueryOptions(params));
}

export function useCommuneCounts() {
  return useQuery({
    queryKey: [...REGISTRY_QUERY_KEY, 'by-commune'],
    queryFn: ({ signal }) => apiFetch<CommuneCount[]>('/api/entities/by-commune', { signal }),
  });
}

/** Links that download the current filtered list (the server streams the file). */
export function exportHref(format: 'xlsx' | 'csv', filters: EntityFilterValue): string {
  return `/api/entities/export.${format}${toQueryString({ ...filters })}`;
}

// ---------- One entity ----------

export function entityQueryOptions(id: string) {
  return queryOptions({
    queryKey: entityKey(id),
    queryFn: ({ signal }) => apiFetch<EntityView>(`/api/entities/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useEntity(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...entityQueryOptions(id), enabled: options.enabled ?? true });
}

/** What the create and edit forms send; the server applies the schema defaults. */
export type EntityFormBody = Omit<CreateEntityBody, 'acknowledgeDuplicates'> & { acknowledgeDuplicates?: boolean };

export function useCreateEntity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EntityFormBody) => apiFetch<EntityDetail>('/api/entities', { method: 'POST', body }),
    onSuccess: async (entity) => {
      queryClient.setQueryData(entityQueryOptions(entity.id).queryKey, { visibility: 'full', ...entity });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'entities'] });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'by-commune'] });
    },
  });
}

export function useUpdateEntity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<UpdateEntityBody>) =>
      apiFetch<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: async (entity) => {
      queryClient.setQueryData(entityQueryOptions(id).queryKey, { visibility: 'full', ...entity });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'entities'] });
    },
  });
}

/** The look-alikes a 409 POSSIBLE_DUPLICATE or DUPLICATE_CODE answer carries. */
export function duplicateCandidates(error: unknown): DuplicateCandidate[] {
  if (!isApiError(error) || (error.code !== 'POSSIBLE_DUPLICATE' && error.code !== 'DUPLICATE_CODE')) return [];
  const details = error.details as { candidates?: unknown } | null | undefined;
  return Array.isArray(details?.candidates) ? (details.candidates as DuplicateCandidate[]) : [];
}

// ---------- Status ----------

function statusHistoryKey(id: string) {
  return [...REGISTRY_QUERY_KEY, 'entity', id, 'status-history'] as const;
}

export function useStatusHistory(id: string) {
  return useQuery({
    queryKey: statusHistoryKey(id),
    queryFn: ({ signal }) =>
      apiFetch<StatusHistoryItem[]>(`/api/entities/${encodeURIComponent(id)}/status-history`, { signal }),
  });
}

export function useChangeStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusChangeBody) =>
      apiFetch<EntityDetail>(`/api/entities/${encodeURIComponent(id)}/status`, { method: 'POST', body }),
    onSuccess: async (entity) => {
      queryClient.setQueryData(entityQueryOptions(id).queryKey, { visibility: 'full', ...entity });
      await queryClient.invalidateQueries({ queryKey: statusHistoryKey(id) });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'entities'] });
    },
  });
}

// ---------- Members ----------

function membersKey(id: string) {
  return [...REGISTRY_QUERY_KEY, 'entity', id, 'members'] as const;
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: membersKey(id),
    queryFn: ({ signal }) => apiFetch<MemberList>(`/api/entities/${encodeURIComponent(id)}/members`, { signal }),
  });
}

export function useSaveMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId?: string | undefined; body: MemberInput }) =>
      memberId
        ? apiFetch<Member>(`/api/entities/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}`, {
            method: 'PATCH',
            body,
          })
        : apiFetch<Member>(`/api/entities/${encodeURIComponent(id)}/members`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(id) }),
  });
}

export function useRemoveMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) =>
      apiFetch<void>(`/api/entities/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}`, {
        method: 'DELETE',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(id) }),
  });
}
