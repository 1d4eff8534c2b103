import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OcopCertificate, OcopCertificateStatus, RecordOcopDecisionBody } from '@hoptac/core';
import { apiFetch } from '../../lib/api.ts';
import { OCOP_QUERY_KEY } from './api.ts';
import { dossierPath } from './dossiers-api.ts';
import { invalidateOcopWork } from './rounds-api.ts';

// Decisions, certificates and the public verification behind the QR code
// (apps/server/src/modules/ocop/certificates.routes.ts).

const certificatePath = (number: string, tail = '') => `/api/ocop/certificates/${encodeURIComponent(number)}${tail}`;
const certificateKey = (number: string) => [...OCOP_QUERY_KEY, 'certificate', number] as const;

/** The certificate as a PDF with its QR code (the server renders it; the link downloads it). */
export const certificatePdfUrl = (number: string) => certificatePath(number, '/pdf');

/** The public page the QR code opens. */
export const verifyPath = (number: string) => `/verify/${encodeURIComponent(number)}`;

/** Records the decision on a confirmed 3–5★ dossier: the server issues the certificate. */
export function useRecordOcopDecision(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordOcopDecisionBody) =>
      apiFetch<OcopCertificate>(dossierPath(dossierId, '/decision'), { method: 'POST', body }),
    onSuccess: async (certificate) => {
      queryClient.setQueryData(certificateKey(certificate.number), certificate);
      await invalidateOcopWork(queryClient);
    },
  });
}

export interface OcopCertificateFilterValue {
  status?: OcopCertificateStatus | undefined;
  star?: number | undefined;
}

export interface OcopCertificateListParams extends OcopCertificateFilterValue {
  page: number;
  pageSize: number;
}

export function useOcopCertificates(params: OcopCertificateListParams) {
  return useQuery({
    queryKey: [...OCOP_QUERY_KEY, 'certificates', params],
    queryFn: ({ signal }) =>
      apiFetch<{ items: OcopCertificate[]; total: number }>('/api/ocop/certificates', {
        query: { ...params },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useOcopCertificate(number: string) {
  return useQuery({
    queryKey: certificateKey(number),
    queryFn: ({ signal }) => apiFetch<OcopCertificate>(certificatePath(number), { signal }),
  });
}

export function useRevokeOcopCertificate(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiFetch<OcopCertificate>(certificatePath(number, '/revoke'), { method: 'POST', body: { reason } }),
    onSuccess: async (certificate) => {
      queryClient.setQueryData(certificateKey(certificate.number), certificate);
      await invalidateOcopWork(queryClient);
    },
  });
}
