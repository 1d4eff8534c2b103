import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AnnualReport, Completeness, EntityStatus, EntityType, ReportAction, ReportInput } from '@hoptac/core';
import { apiFetch, isApiError, toQueryString } from '../../lib/api.ts';
import { entityKey, REGISTRY_QUERY_KEY } from './keys.ts';

// ---------- Annual reports ----------

function reportsKey(id: string) {
  return [...REGISTRY_QUERY_KEY, 'entity', id, 'reports'] as const;
}

export function useReports(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: reportsKey(id),
    queryFn: ({ signal }) => apiFetch<AnnualReport[]>(`/api/entities/${encodeURIComponent(id)}/reports`, { signal }),
    enabled: options.enabled ?? true,
    // Several people move a report along (entity, commune, city): opening it always asks for its
    // current step rather than showing what this browser saw a moment ago.
    staleTime: 0,
  });
}

/** Puts a saved report into the cached list at once, so the form never shows the old figures. */
function putReport(queryClient: QueryClient, id: string, report: AnnualReport) {
  queryClient.setQueryData<AnnualReport[]>(reportsKey(id), (list) =>
    list ? [...list.filter((r) => r.year !== report.year), report] : [report],
  );
}

export function useSaveReport(id: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportInput) =>
      apiFetch<AnnualReport>(`/api/entities/${encodeURIComponent(id)}/reports/${year}`, { method: 'PUT', body }),
    onSuccess: async (report) => {
      putReport(queryClient, id, report);
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'completeness'] });
    },
  });
}

export function useReportAction(id: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: ReportAction; reason?: string | undefined }) =>
      apiFetch<AnnualReport>(`/api/entities/${encodeURIComponent(id)}/reports/${year}/actions`, {
        method: 'POST',
        body,
      }),
    onSuccess: async (report) => {
      if (report && typeof report === 'object') putReport(queryClient, id, report);
      await queryClient.invalidateQueries({ queryKey: reportsKey(id) });
      await queryClient.invalidateQueries({ queryKey: entityKey(id), exact: true });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'completeness'] });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'missing'] });
    },
  });
}

// ---------- Reporting overview ----------

export function useCompleteness(year: number) {
  return useQuery({
    queryKey: [...REGISTRY_QUERY_KEY, 'completeness', year],
    queryFn: ({ signal }) => apiFetch<Completeness>('/api/annual-reports/completeness', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** An entity that has not reported for the year. */
export interface MissingReportItem {
  id: string;
  name: string;
  type: EntityType;
  code?: string | null;
  status?: EntityStatus;
  commune?: { code: string; fullName: string } | null;
  reportStatus?: string | null;
}

export interface MissingParams {
  year: number;
  commune?: string | undefined;
  page: number;
  pageSize: number;
}

export function useMissingReports(params: MissingParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...REGISTRY_QUERY_KEY, 'missing', params],
    queryFn: ({ signal }) =>
      apiFetch<{ items: MissingReportItem[]; total: number }>('/api/annual-reports/missing', {
        query: { ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The deadline for a year's reports, or null when none is set or the caller may not read it. */
export function useDeadline(year: number) {
  return useQuery({
    queryKey: [...REGISTRY_QUERY_KEY, 'deadline', year],
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<{ year: number; dueDate: string | null }>(`/api/annual-reports/deadlines/${year}`, {
          signal,
        });
      } catch (error) {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useSetDeadline(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dueDate: string) =>
      apiFetch<{ year: number; dueDate: string }>(`/api/annual-reports/deadlines/${year}`, {
        method: 'PUT',
        body: { dueDate },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'completeness'] });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_QUERY_KEY, 'deadline', year] });
    },
  });
}

export function reportsExportHref(year: number): string {
  return `/api/annual-reports/export.xlsx${toQueryString({ year })}`;
}
