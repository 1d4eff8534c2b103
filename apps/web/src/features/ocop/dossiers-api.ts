import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OcopDossier, OcopDossierFeedback, OcopDossierListItem, OcopDossierStatus } from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';
import { OCOP_QUERY_KEY } from './api.ts';
import { invalidateOcopWork } from './rounds-api.ts';

// Dossiers: products in a round, as the commune, the council and the producer see them
// (apps/server/src/modules/ocop/dossiers.routes.ts).

export interface OcopDossierFilterValue {
  status?: OcopDossierStatus | undefined;
  q?: string | undefined;
}

export interface OcopDossierListParams extends OcopDossierFilterValue {
  round?: string | undefined;
  page: number;
  pageSize: number;
}

export function useOcopDossiers(params: OcopDossierListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'dossiers', params],
    queryFn: ({ signal }) =>
      apiFetch<{ items: OcopDossierListItem[]; total: number }>('/api/ocop/dossiers', {
        query: { ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export const dossierKey = (id: string) => [...OCOP_QUERY_KEY, 'dossier', id] as const;
export const dossierPath = (id: string, tail = '') => `/api/ocop/dossiers/${encodeURIComponent(id)}${tail}`;

export function useOcopDossier(id: string) {
  return useQuery({
    queryKey: dossierKey(id),
    queryFn: ({ signal }) => apiFetch<OcopDossier>(dossierPath(id), { signal }),
    // A dossier moves on while it is open elsewhere (forwarded, scored, confirmed).
    staleTime: 0,
  });
}

/** A change that answers with the whole dossier: cache it, refresh the rest. */
export function useDossierMutation<V>(request: (variables: V) => Promise<OcopDossier>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (dossier) => {
      queryClient.setQueryData(dossierKey(dossier.id), dossier);
      await invalidateOcopWork(queryClient);
    },
  });
}

/** The commune sends a received dossier back to the producer, saying what to fix. */
export function useReturnOcopDossier(id: string) {
  return useDossierMutation((comment: string) =>
    apiFetch<OcopDossier>(dossierPath(id, '/return'), { method: 'POST', body: { comment } }),
  );
}

/** The commune forwards a received dossier to the council. */
export function useForwardOcopDossier(id: string) {
  return useDossierMutation((comment: string | null) =>
    apiFetch<OcopDossier>(dossierPath(id, '/forward'), {
      method: 'POST',
      body: comment ? { comment } : {},
    }),
  );
}

/** What the producer learns: comments, then the council's result, remarks and the next-star plan. */
export function useOcopDossierFeedback(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'feedback', id],
    queryFn: ({ signal }) => apiFetch<OcopDossierFeedback>(dossierPath(id, '/feedback'), { signal }),
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
}

/**
 * The latest dossier of a product. The dossier list has no product filter: it is searched by
 * the product's name and narrowed to the product's id (newest first, as the list is ordered).
 */
export function useProductDossier(
  product: { id: string; name: string; status: string; updatedAt: string },
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    // A submitted (or changed) product asks again: submitting is what makes the dossier.
    queryKey: [...OCOP_QUERY_KEY, 'product-dossier', product.id, product.name, product.status, product.updatedAt],
    queryFn: async ({ signal }) => {
      const page = await apiFetch<{ items: OcopDossierListItem[]; total: number }>('/api/ocop/dossiers', {
        query: { q: product.name.slice(0, 100), page: 1, pageSize: 50 },
        signal,
      });
      return page.items.find((d) => d.product.id === product.id) ?? null;
    },
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
}
