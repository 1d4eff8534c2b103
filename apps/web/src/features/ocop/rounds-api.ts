import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CreateOcopRoundBody,
  DeclareOcopConflictBody,
  OcopCouncil,
  OcopRound,
  OcopRoundStatus,
  SetOcopCouncilBody,
  UpdateOcopRoundBody,
  UserSummary,
} from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';
import { OCOP_QUERY_KEY } from './api.ts';

// Evaluation rounds and their councils (apps/server/src/modules/ocop/rounds.routes.ts).

/**
 * After a change to a round, a dossier or a certificate: every OCOP list and page that may show
 * it is stale. The scoring sheets never change with them and are kept.
 */
export function invalidateOcopWork(queryClient: QueryClient) {
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === OCOP_QUERY_KEY[0] && q.queryKey[1] !== 'rubric' && q.queryKey[1] !== 'rubrics',
  });
}

export interface OcopRoundListParams {
  status?: OcopRoundStatus | undefined;
  page: number;
  pageSize: number;
}

export function useOcopRounds(params: OcopRoundListParams) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'rounds', params],
    queryFn: ({ signal }) =>
      apiFetch<{ items: OcopRound[]; total: number }>('/api/ocop/rounds', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

const roundKey = (id: string) => [...OCOP_QUERY_KEY, 'round', id] as const;
const roundPath = (id: string, tail = '') => `/api/ocop/rounds/${encodeURIComponent(id)}${tail}`;

export function useOcopRound(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: roundKey(id),
    queryFn: ({ signal }) => apiFetch<OcopRound>(roundPath(id), { signal }),
    enabled: options.enabled ?? true,
  });
}

function useRoundMutation<V>(request: (variables: V) => Promise<OcopRound>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (round) => {
      queryClient.setQueryData(roundKey(round.id), round);
      await invalidateOcopWork(queryClient);
    },
  });
}

export function useCreateOcopRound() {
  return useRoundMutation((body: CreateOcopRoundBody) =>
    apiFetch<OcopRound>('/api/ocop/rounds', { method: 'POST', body }),
  );
}

/** Renames a round or moves its deadline (not once closed). */
export function useUpdateOcopRound(id: string) {
  return useRoundMutation((body: UpdateOcopRoundBody) => apiFetch<OcopRound>(roundPath(id), { method: 'PATCH', body }));
}

/** Opens a planned round or closes an open one. */
export function useOcopRoundTransition(id: string) {
  return useRoundMutation((to: 'open' | 'close') => apiFetch<OcopRound>(roundPath(id, `/${to}`), { method: 'POST' }));
}

// ---------- Councils ----------

const councilKey = (id: string) => [...OCOP_QUERY_KEY, 'council', id] as const;

/** The council: city admins and the council's own members (who see only their own conflicts). */
export function useOcopCouncil(roundId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: councilKey(roundId),
    queryFn: ({ signal }) => apiFetch<OcopCouncil>(roundPath(roundId, '/council'), { signal }),
    enabled: options.enabled ?? true,
  });
}

function useCouncilMutation<V>(roundId: string, request: (variables: V) => Promise<OcopCouncil>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (council) => {
      queryClient.setQueryData(councilKey(roundId), council);
      await invalidateOcopWork(queryClient);
    },
  });
}

export function useSetOcopCouncil(roundId: string) {
  return useCouncilMutation(roundId, (body: SetOcopCouncilBody) =>
    apiFetch<OcopCouncil>(roundPath(roundId, '/council'), { method: 'PUT', body }),
  );
}

export function useDeclareOcopConflict(roundId: string) {
  return useCouncilMutation(roundId, (body: DeclareOcopConflictBody) =>
    apiFetch<OcopCouncil>(roundPath(roundId, '/council/conflicts'), { method: 'POST', body }),
  );
}

export function useRemoveOcopConflict(roundId: string) {
  return useCouncilMutation(roundId, ({ userId, entityId }: { userId: string; entityId: string }) =>
    apiFetch<OcopCouncil>(
      roundPath(roundId, `/council/conflicts/${encodeURIComponent(userId)}/${encodeURIComponent(entityId)}`),
      { method: 'DELETE' },
    ),
  );
}

/** Active accounts holding the council member role: who a city admin can seat on a council. */
export function useCouncilCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'council-candidates'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: UserSummary[]; total: number }>('/api/users', {
        query: { role: 'council_member', page: 1, pageSize: 200 },
        signal,
      }),
    select: (page) => page.items.filter((u) => u.active),
    enabled,
    staleTime: 60_000,
  });
}
