import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePlanBody,
  Dashboard,
  Indicator,
  Plan,
  PlanStatus,
  SplitTargetBody,
  Target,
  TargetBody,
  TargetRecord,
  UpdatePlanBody,
  UpdateTargetBody,
} from '@hoptac/core';
import { apiFetch, toQueryString } from '../../lib/api.ts';

// Plans, targets and the live dashboard (apps/server/src/modules/plans/plans.routes.ts).

const KEY = ['plans'] as const;
const planPath = (id: string, tail = '') => `/api/plans/${encodeURIComponent(id)}${tail}`;

export function usePlans(params: { status?: PlanStatus | undefined; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...KEY, 'list', params],
    queryFn: ({ signal }) => apiFetch<{ items: Plan[]; total: number }>('/api/plans', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: [...KEY, 'plan', id],
    queryFn: ({ signal }) => apiFetch<Plan>(planPath(id), { signal }),
  });
}

export function usePlanTargets(id: string) {
  return useQuery({
    queryKey: [...KEY, 'targets', id],
    queryFn: ({ signal }) => apiFetch<{ items: Target[]; total: number }>(planPath(id, '/targets'), { signal }),
  });
}

export function useIndicators() {
  return useQuery({
    queryKey: [...KEY, 'indicators'],
    queryFn: ({ signal }) => apiFetch<Indicator[]>('/api/plans/indicators', { signal }),
    staleTime: Infinity,
  });
}

/** `scope`: undefined (the caller's default), 'city', 'commune:<code>' or 'district:<code>'. */
export function useDashboard(id: string, scope: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'dashboard', id, scope ?? null],
    queryFn: ({ signal }) => apiFetch<Dashboard>(planPath(id, '/dashboard'), { query: { scope }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTargetRecords(
  planId: string,
  targetId: string,
  unit: string | undefined,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...KEY, 'records', planId, targetId, unit ?? null, page],
    queryFn: ({ signal }) =>
      apiFetch<{ items: TargetRecord[]; total: number }>(
        planPath(planId, `/targets/${encodeURIComponent(targetId)}/records`),
        {
          query: { unit, page, pageSize },
          signal,
        },
      ),
    placeholderData: keepPreviousData,
  });
}

/** The communes of the current scheme, for picking where a target is split to (Hanoi has 126). */
export function useCommunes() {
  return useQuery({
    queryKey: [...KEY, 'communes'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: { code: string; fullName: string }[]; total: number }>('/api/places/units', {
        query: { level: 'commune', pageSize: 200 },
        signal,
      }),
    staleTime: Infinity,
  });
}

export const dashboardExportUrl = (id: string, scope: string | undefined) =>
  `${planPath(id, '/dashboard.xlsx')}${toQueryString({ scope })}`;
export const recordsExportUrl = (planId: string, targetId: string, unit: string | undefined) =>
  `${planPath(planId, `/targets/${encodeURIComponent(targetId)}/records.xlsx`)}${toQueryString({ unit })}`;

function usePlansMutation<V, R>(request: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export const useCreatePlan = () =>
  usePlansMutation((body: CreatePlanBody) => apiFetch<Plan>('/api/plans', { method: 'POST', body }));

export const useUpdatePlan = (id: string) =>
  usePlansMutation((body: UpdatePlanBody) => apiFetch<Plan>(planPath(id), { method: 'PATCH', body }));

export const useAddTarget = (planId: string) =>
  usePlansMutation((body: Partial<TargetBody>) =>
    apiFetch<Target>(planPath(planId, '/targets'), { method: 'POST', body }),
  );

export const useUpdateTarget = (planId: string, targetId: string) =>
  usePlansMutation((body: UpdateTargetBody) =>
    apiFetch<Target>(planPath(planId, `/targets/${encodeURIComponent(targetId)}`), { method: 'PATCH', body }),
  );

export const useDeleteTarget = (planId: string) =>
  usePlansMutation((targetId: string) =>
    apiFetch<undefined>(planPath(planId, `/targets/${encodeURIComponent(targetId)}`), { method: 'DELETE' }),
  );

export const useSplitTarget = (planId: string, targetId: string) =>
  usePlansMutation((body: SplitTargetBody) =>
    apiFetch<{ items: Target[] }>(planPath(planId, `/targets/${encodeURIComponent(targetId)}/split`), {
      method: 'POST',
      body,
    }),
  );
