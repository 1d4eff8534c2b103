import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  AnnualReport,
  CommuneCount,
  Completeness,
  CreateEntityBody,
  DuplicateCandidate,
  EntityDetail,
  EntityListItem,
  EntityStatus,
  EntityType,
  EntityView,
  ImportJob,
  ImportKind,
  Member,
  MemberInput,
  MemberList,
  Rating,
  ReportAction,
  ReportInput,
  Sector,
  StatusChangeBody,
  StatusHistoryItem,
  Unit,
  UnitDetail,
  UpdateEntityBody,
} from '@hoptac/core';
import { ApiError, apiFetch, isApiError, toQueryString } from '../../lib/api.ts';

export const REGISTRY_QUERY_KEY = ['registry'] as const;

/** Reference data (administrative units) changes once in years. */
const PLACES_STALE_MS = 10 * 60_000;

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
    queryKey: [...REGISTRY_QUERY_KEY, 'entity', id],
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
      await queryClient.invalidateQueries({ queryKey: entityQueryOptions(id).queryKey, exact: true });
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
