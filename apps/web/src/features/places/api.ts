import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Scheme, SchemeInfo, Unit, UnitDetail, UnitLevel } from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';

/** The administrative map changes once in years: cache it generously. */
const PLACES_STALE_MS = 10 * 60_000;

export interface UnitListParams {
  scheme: Scheme;
  level?: UnitLevel | undefined;
  parent?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface UnitPage {
  items: Unit[];
  total: number;
}

export const schemesQueryOptions = queryOptions({
  queryKey: ['places', 'schemes'],
  queryFn: ({ signal }) => apiFetch<SchemeInfo[]>('/api/places/schemes', { signal }),
  staleTime: PLACES_STALE_MS,
});

export function useSchemes() {
  return useQuery(schemesQueryOptions);
}

export function unitsQueryOptions(params: UnitListParams) {
  return queryOptions({
    queryKey: ['places', 'units', params],
    queryFn: ({ signal }) => apiFetch<UnitPage>('/api/places/units', { query: { ...params }, signal }),
    staleTime: PLACES_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function useUnits(params: UnitListParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...unitsQueryOptions(params), enabled: options.enabled ?? true });
}

/** A unit with its children count and the reform mapping seen from it. */
export function fetchUnitDetail(scheme: Scheme, code: string, signal?: AbortSignal): Promise<UnitDetail> {
  const path = `/api/places/units/${encodeURIComponent(scheme)}/${encodeURIComponent(code)}/detail`;
  return apiFetch<UnitDetail>(path, { signal });
}

export function unitQueryOptions(scheme: Scheme, code: string) {
  return queryOptions({
    queryKey: ['places', 'unit', scheme, code],
    queryFn: ({ signal }) => fetchUnitDetail(scheme, code, signal),
    staleTime: PLACES_STALE_MS,
  });
}

export function useUnit(scheme: Scheme, code: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...unitQueryOptions(scheme, code), enabled: options.enabled ?? true });
}
