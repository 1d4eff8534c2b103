import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EvidenceChecklist,
  EvidenceDocument,
  EvidenceKind,
  EvidencePage,
  NotificationPage,
  ProductPhotoList,
} from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';
import { OCOP_QUERY_KEY } from './api.ts';

// The evidence locker, product photos and notifications: one query root each, so an upload
// refreshes every checklist that could change with it.

const EVIDENCE_KEY = [...OCOP_QUERY_KEY, 'evidence'] as const;

export function useEvidenceDocuments(params: { page: number; pageSize: number; entityId?: string | undefined }) {
  return useQuery({
    queryKey: [...EVIDENCE_KEY, 'list', params],
    queryFn: ({ signal }) => apiFetch<EvidencePage>('/api/ocop/evidence', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface EvidenceUpload {
  kind: EvidenceKind;
  title: string;
  issuedOn: string;
  validUntil: string;
  entityId?: string | undefined;
  file: File;
}

export function useUploadEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (u: EvidenceUpload) => {
      const form = new FormData();
      for (const key of ['entityId', 'kind', 'title', 'issuedOn', 'validUntil'] as const) {
        const value = u[key];
        if (value) form.append(key, value);
      }
      // The file goes last: the server reads the text fields around it either way.
      form.append('file', u.file);
      return apiFetch<EvidenceDocument>('/api/ocop/evidence', { method: 'POST', body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EVIDENCE_KEY }),
  });
}

export function useDeleteEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/ocop/evidence/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EVIDENCE_KEY }),
  });
}

export const evidenceFileUrl = (id: string) => `/api/ocop/evidence/${encodeURIComponent(id)}/file`;

/** What a product (before submitting) or a dossier still needs. */
export function useEvidenceChecklist(of: 'products' | 'dossiers', id: string) {
  return useQuery({
    queryKey: [...EVIDENCE_KEY, 'checklist', of, id],
    queryFn: ({ signal }) =>
      apiFetch<EvidenceChecklist>(`/api/ocop/${of}/${encodeURIComponent(id)}/evidence-checklist`, { signal }),
  });
}

// ---------- Product photos ----------

const photosKey = (productId: string) => [...OCOP_QUERY_KEY, 'photos', productId] as const;

export const mediaUrl = (mediaId: string) => `/api/public/media/${encodeURIComponent(mediaId)}`;

export function useProductPhotos(productId: string) {
  return useQuery({
    queryKey: photosKey(productId),
    queryFn: ({ signal }) =>
      apiFetch<ProductPhotoList>(`/api/ocop/products/${encodeURIComponent(productId)}/photos`, { signal }),
  });
}

export function usePhotoActions(productId: string) {
  const queryClient = useQueryClient();
  const base = `/api/ocop/products/${encodeURIComponent(productId)}/photos`;
  const onSuccess = (list: ProductPhotoList) => queryClient.setQueryData(photosKey(productId), list);
  return {
    add: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file);
        return apiFetch<ProductPhotoList>(base, { method: 'POST', body: form });
      },
      onSuccess,
    }),
    reorder: useMutation({
      mutationFn: (ids: string[]) => apiFetch<ProductPhotoList>(`${base}/order`, { method: 'PUT', body: { ids } }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (photoId: string) =>
        apiFetch<ProductPhotoList>(`${base}/${encodeURIComponent(photoId)}`, { method: 'DELETE' }),
      onSuccess,
    }),
  };
}

// ---------- Notifications (expiry reminders) ----------

const NOTIFICATIONS_KEY = [...OCOP_QUERY_KEY, 'notifications'] as const;
/** Reminders are written once a day: a few minutes' staleness is plenty. */
const NOTIFICATIONS_STALE_MS = 5 * 60_000;

export function useNotifications(params: { page: number; pageSize: number }, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, params],
    queryFn: ({ signal }) => apiFetch<NotificationPage>('/api/ocop/notifications', { query: { ...params }, signal }),
    staleTime: NOTIFICATIONS_STALE_MS,
    enabled: options.enabled ?? true,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(`/api/ocop/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
