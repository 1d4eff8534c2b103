import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKind, Unit, UnitDetail } from '@hoptac/core';
import { ApiError, apiFetch, toQueryString } from '../../lib/api.ts';
import { PLACES_STALE_MS, REGISTRY_QUERY_KEY } from './keys.ts';

// ---------- Import ----------

export function templateHref(kind: ImportKind): string {
  return `/api/registry/templates/${kind}.xlsx`;
}

/** Sends the file as multipart/form-data; the JSON client cannot. */
async function uploadImport(kind: ImportKind, file: File, acknowledgeDuplicates: boolean): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    const query = toQueryString({ kind, acknowledgeDuplicates: acknowledgeDuplicates ? 'true' : undefined });
    response = await fetch(`/api/registry/imports${query}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    if (error && typeof error.code === 'string') {
      throw new ApiError(
        response.status,
        error.code,
        typeof error.message === 'string' ? error.message : error.code,
        error.details,
      );
    }
    throw new ApiError(response.status, response.status >= 500 ? 'INTERNAL' : 'UNKNOWN', `HTTP ${response.status}`);
  }
  return payload as { id: string };
}

export function useStartImport() {
  return useMutation({
    mutationFn: ({
      kind,
      file,
      acknowledgeDuplicates,
    }: {
      kind: ImportKind;
      file: File;
      acknowledgeDuplicates: boolean;
    }) => uploadImport(kind, file, acknowledgeDuplicates),
  });
}

export function isImportRunning(job: ImportJob | undefined): boolean {
  return !job || job.status === 'validating' || job.status === 'importing';
}

/** Polls the import every second until it has failed or completed. */
export function useImportJob(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...REGISTRY_QUERY_KEY, 'import', id],
    queryFn: async ({ signal }) => {
      const job = await apiFetch<ImportJob>(`/api/registry/imports/${encodeURIComponent(id ?? '')}`, { signal });
      if (job.status === 'completed') {
        await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'entities'] });
        await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'by-commune'] });
      }
      return job;
    },
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (query) => (isImportRunning(query.state.data) && !query.state.error ? 1000 : false),
  });
}

// ---------- Places reference data (read through the API, not the places feature) ----------

/** Hanoi's 30 former districts (edition 2025-01), for the "old district" filter. */
export function useOldDistricts() {
  return useQuery({
    queryKey: [...REGISTRY_QUERY_KEY, 'old-districts'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: Unit[]; total: number }>('/api/places/units', {
        query: { scheme: '2025-01', level: 'district', page: 1, pageSize: 50 },
        signal,
      }),
    staleTime: PLACES_STALE_MS,
    select: (page) => page.items,
  });
}

export function useCommuneSearch(scheme: '2025-01' | '2025-07', q: string, limit: number) {
  return useQuery({
    queryKey: [...REGISTRY_QUERY_KEY, 'commune-search', scheme, q, limit],
    queryFn: ({ signal }) =>
      apiFetch<{ items: Unit[]; total: number }>('/api/places/units', {
        query: { scheme, level: 'commune', q, page: 1, pageSize: limit },
        signal,
      }),
    enabled: q.length >= 2,
    staleTime: PLACES_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

/** A commune of the current edition with the old communes it was formed from. */
export function useCommuneDetail(code: string | undefined) {
  return useQuery({
    queryKey: [...REGISTRY_QUERY_KEY, 'commune-detail', code],
    queryFn: ({ signal }) =>
      apiFetch<UnitDetail>(`/api/places/units/2025-07/${encodeURIComponent(code ?? '')}/detail`, { signal }),
    enabled: !!code,
    staleTime: PLACES_STALE_MS,
  });
}
