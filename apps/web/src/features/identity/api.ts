import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordBody,
  CreateUserBody,
  LoginBody,
  Role,
  SessionUser,
  UpdateProfileBody,
  UserSummary,
} from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';

export const ME_QUERY_KEY = ['me'] as const;
export const USERS_QUERY_KEY = ['users'] as const;

/** The signed-in user, or null for a visitor (the session probe answers 200 either way). */
export async function fetchMe(signal?: AbortSignal): Promise<SessionUser | null> {
  const session = await apiFetch<{ user: SessionUser | null }>('/api/auth/session', { signal });
  return session.user;
}

export const meQueryOptions = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: ({ signal }) => fetchMe(signal),
  staleTime: 60_000,
  retry: false,
});

export function useMe() {
  return useQuery(meQueryOptions);
}

export function hasRole(user: SessionUser | null | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiFetch<SessionUser>('/api/auth/login', { method: 'POST', body }),
    onSuccess: async (user) => {
      // Another account's cached lists must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, user);
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, null);
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => apiFetch<SessionUser>('/api/auth/me', { method: 'PATCH', body }),
    onSuccess: async (user) => {
      queryClient.setQueryData(ME_QUERY_KEY, user);
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiFetch<void>('/api/auth/password', { method: 'POST', body }),
  });
}

export interface UserListParams {
  q?: string | undefined;
  role?: Role | undefined;
  page: number;
  pageSize: number;
}

export function usersQueryOptions(params: UserListParams) {
  return queryOptions({
    queryKey: [...USERS_QUERY_KEY, params],
    queryFn: ({ signal }) =>
      apiFetch<{ items: UserSummary[]; total: number }>('/api/users', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(params: UserListParams) {
  return useQuery(usersQueryOptions(params));
}

/** What the create form sends; the server applies the defaults of CreateUserBody. */
export type CreateUserInput = Omit<CreateUserBody, 'communeCodes'> & { communeCodes: string[] };

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => apiFetch<UserSummary>('/api/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiFetch<UserSummary>(`/api/users/${encodeURIComponent(id)}/active`, { method: 'PATCH', body: { active } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  });
}
