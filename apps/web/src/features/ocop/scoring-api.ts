import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OcopAggregate,
  OcopDossier,
  OcopMemberScoreSheet,
  OcopMyScoreSheet,
  SaveOcopScoreSheetBody,
} from '@hoptac/core';
import { apiFetch, isApiError } from '../../lib/api.ts';
import { OCOP_QUERY_KEY } from './api.ts';
import { dossierPath, useDossierMutation } from './dossiers-api.ts';
import { invalidateOcopWork } from './rounds-api.ts';

// Blind scoring by the council (apps/server/src/modules/ocop/scoring.routes.ts): each member's
// own sheet; the others' sheets and the aggregate once their own is submitted.

const mineKey = (id: string) => [...OCOP_QUERY_KEY, 'sheet-mine', id] as const;

export function useMyScoreSheet(dossierId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: mineKey(dossierId),
    queryFn: ({ signal }) => apiFetch<OcopMyScoreSheet>(dossierPath(dossierId, '/sheets/mine'), { signal }),
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
}

function useSheetMutation<V>(dossierId: string, request: (variables: V) => Promise<OcopMyScoreSheet>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (sheet) => {
      queryClient.setQueryData(mineKey(dossierId), sheet);
      if (sheet.status === 'submitted') await invalidateOcopWork(queryClient);
    },
  });
}

export function useSaveMyScoreSheet(dossierId: string) {
  return useSheetMutation(dossierId, (body: SaveOcopScoreSheetBody) =>
    apiFetch<OcopMyScoreSheet>(dossierPath(dossierId, '/sheets/mine'), { method: 'PUT', body }),
  );
}

export function useSubmitMyScoreSheet(dossierId: string) {
  return useSheetMutation(dossierId, () =>
    apiFetch<OcopMyScoreSheet>(dossierPath(dossierId, '/sheets/mine/submit'), { method: 'POST' }),
  );
}

/** The server keeps the others' scores from a member until their own sheet is in: a state, not a failure. */
export function isScoresHidden(error: unknown): boolean {
  return isApiError(error) && error.code === 'SCORES_HIDDEN';
}

/** While sheets are still coming in, the aggregate is asked for again now and then. */
const POLL_MS = 20_000;

/**
 * The council's running result. Only asked for when the caller may see it (a city admin, or a
 * member whose sheet is submitted), so the blind phase makes no refused request at all.
 */
export function useOcopAggregate(dossierId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'aggregate', dossierId],
    queryFn: ({ signal }) => apiFetch<OcopAggregate>(dossierPath(dossierId, '/aggregate'), { signal }),
    enabled: options.enabled ?? true,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && !query.state.data.complete ? POLL_MS : false),
  });
}

/**
 * The submitted sheets with their members' names (same visibility as the aggregate); `submitted`
 * is the aggregate's count, so a new sheet coming in is fetched with it.
 */
export function useOcopMemberSheets(dossierId: string, submitted: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'sheets', dossierId, submitted],
    queryFn: ({ signal }) => apiFetch<OcopMemberScoreSheet[]>(dossierPath(dossierId, '/sheets'), { signal }),
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
}

/** The secretary or the chair confirms the council's result with the minutes. */
export function useConfirmOcopDossier(dossierId: string) {
  return useDossierMutation((minutes: string) =>
    apiFetch<OcopDossier>(dossierPath(dossierId, '/confirm'), { method: 'POST', body: { minutes } }),
  );
}
