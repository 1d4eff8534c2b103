import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOutletBody, Outlet, OutletType, ScanAnomaly, StockedProduct, UpdateOutletBody } from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';

// Outlets and their stock (apps/server/src/modules/outlets/outlets.routes.ts) and the scan
// anomalies of QR verification (apps/server/src/modules/ocop/verify.routes.ts).

export const OUTLETS_QUERY_KEY = ['outlets'] as const;
const outletPath = (id: string, tail = '') => `/api/outlets/${encodeURIComponent(id)}${tail}`;

type Page<T> = { items: T[]; total: number };
export type StockableProduct = Omit<StockedProduct, 'since'>;

export interface OutletListParams {
  q?: string | undefined;
  status?: 'open' | 'closed' | undefined;
  type?: OutletType | undefined;
  page: number;
  pageSize: number;
}

export function useOutlets(params: OutletListParams) {
  return useQuery({
    queryKey: [...OUTLETS_QUERY_KEY, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<Outlet>>('/api/outlets', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOutlet(id: string) {
  return useQuery({
    queryKey: [...OUTLETS_QUERY_KEY, 'outlet', id],
    queryFn: ({ signal }) => apiFetch<Outlet>(outletPath(id), { signal }),
  });
}

export function useCreateOutlet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOutletBody) => apiFetch<Outlet>('/api/outlets', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OUTLETS_QUERY_KEY }),
  });
}

export function useUpdateOutlet(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOutletBody) => apiFetch<Outlet>(outletPath(id), { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OUTLETS_QUERY_KEY }),
  });
}

export function useCloseOutlet(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (closedOn: string) =>
      apiFetch<Outlet>(outletPath(id, '/close'), { method: 'POST', body: { closedOn } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OUTLETS_QUERY_KEY }),
  });
}

export function useOutletStock(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...OUTLETS_QUERY_KEY, 'stock', id, page, pageSize],
    queryFn: ({ signal }) =>
      apiFetch<Page<StockedProduct>>(outletPath(id, '/products'), { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStockableProducts(q: string) {
  return useQuery({
    queryKey: [...OUTLETS_QUERY_KEY, 'stockable', q],
    queryFn: ({ signal }) =>
      apiFetch<Page<StockableProduct>>('/api/outlets/stockable-products', {
        query: { q: q || undefined, page: 1, pageSize: 20 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Adds or removes a product in an outlet's stock; every view of the outlet refreshes. */
export function useStockChange(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: OUTLETS_QUERY_KEY });
  return {
    add: useMutation({
      mutationFn: (productId: string) =>
        apiFetch<Page<StockedProduct>>(outletPath(id, '/products'), { method: 'POST', body: { productId } }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (productId: string) =>
        apiFetch<undefined>(outletPath(id, `/products/${encodeURIComponent(productId)}`), { method: 'DELETE' }),
      onSuccess,
    }),
  };
}

export function useScanAnomalies(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['scan-anomalies', page, pageSize],
    queryFn: ({ signal }) =>
      apiFetch<Page<ScanAnomaly>>('/api/ocop/scan-anomalies', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}
