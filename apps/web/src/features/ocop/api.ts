import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOcopProductBody,
  EntityListItem,
  OcopProduct,
  OcopProductListItem,
  OcopProductStatus,
  RubricAnswers,
  RubricSheet,
  RubricSummary,
  UpdateOcopProductBody,
} from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';

/** The query-key root of every OCOP query. */
export const OCOP_QUERY_KEY = ['ocop'] as const;

/** Sheets change only when a city admin uploads a new version: keep them a while. */
const RUBRIC_STALE_MS = 10 * 60_000;

// ---------- Scoring sheets ----------

export function useRubrics() {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'rubrics'],
    queryFn: ({ signal }) => apiFetch<RubricSummary[]>('/api/ocop/rubrics', { signal }),
    staleTime: RUBRIC_STALE_MS,
  });
}

export function rubricQueryOptions(id: string, version?: number) {
  return queryOptions({
    queryKey: [...OCOP_QUERY_KEY, 'rubric', id, version ?? 'latest'],
    queryFn: ({ signal }) =>
      apiFetch<RubricSheet>(`/api/ocop/rubrics/${encodeURIComponent(id)}`, { query: { version }, signal }),
    staleTime: RUBRIC_STALE_MS,
  });
}

export function useRubric(id: string, version?: number, options: { enabled?: boolean } = {}) {
  return useQuery({ ...rubricQueryOptions(id, version), enabled: options.enabled ?? true });
}

// ---------- Products ----------

/** The product list's filters, as kept in the URL. */
export interface OcopProductFilterValue {
  q?: string | undefined;
  status?: OcopProductStatus | undefined;
}

export interface OcopProductListParams extends OcopProductFilterValue {
  page: number;
  pageSize: number;
}

export function useOcopProducts(params: OcopProductListParams) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'products', params],
    queryFn: ({ signal }) =>
      apiFetch<{ items: OcopProductListItem[]; total: number }>('/api/ocop/products', {
        query: { ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

function productKey(id: string) {
  return [...OCOP_QUERY_KEY, 'product', id] as const;
}

export function useOcopProduct(id: string) {
  return useQuery({
    queryKey: productKey(id),
    queryFn: ({ signal }) => apiFetch<OcopProduct>(`/api/ocop/products/${encodeURIComponent(id)}`, { signal }),
    // A product moves on (saved elsewhere, submitted): opening it asks for its current state.
    staleTime: 0,
  });
}

/** Every change answers with the whole product: put it in the cache and refresh the lists. */
function useProductMutation<V>(request: (variables: V) => Promise<OcopProduct>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (product) => {
      queryClient.setQueryData(productKey(product.id), product);
      await queryClient.invalidateQueries({ queryKey: [...OCOP_QUERY_KEY, 'products'] });
    },
  });
}

const productPath = (id: string, tail = '') => `/api/ocop/products/${encodeURIComponent(id)}${tail}`;

export function useCreateOcopProduct() {
  return useProductMutation((body: CreateOcopProductBody) =>
    apiFetch<OcopProduct>('/api/ocop/products', { method: 'POST', body }),
  );
}

export function useUpdateOcopProduct(id: string) {
  return useProductMutation((body: UpdateOcopProductBody) =>
    apiFetch<OcopProduct>(productPath(id), { method: 'PATCH', body }),
  );
}

export function useSaveSelfAssessment(id: string) {
  return useProductMutation((answers: RubricAnswers) =>
    apiFetch<OcopProduct>(productPath(id, '/self-assessment'), { method: 'PUT', body: { answers } }),
  );
}

export function useSubmitOcopProduct(id: string) {
  return useProductMutation(() => apiFetch<OcopProduct>(productPath(id, '/submit'), { method: 'POST' }));
}

// ---------- Entities to register a product for ----------

/** Entities whose name matches, for the officials' entity picker. */
export function useEntityOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'entity-options', q],
    queryFn: ({ signal }) =>
      apiFetch<{ items: EntityListItem[]; total: number }>('/api/entities', {
        query: { q, page: 1, pageSize: 10 },
        signal,
      }),
    enabled,
    staleTime: 30_000,
  });
}
