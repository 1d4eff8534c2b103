import type { OcopCertificateStatus } from '@hoptac/core';

/** Certificates of this platform's province (Hà Nội): OCOP-HN-<year>-<6-digit sequence of that year>. */
export const CERTIFICATE_PREFIX = 'OCOP-HN';

/** QĐ 26/2026: certificates are valid for 36 months unless the sheet says otherwise. */
export const DEFAULT_VALIDITY_MONTHS = 36;

export const ISSUER_NAMES = {
  province: 'Ủy ban nhân dân Thành phố Hà Nội',
  ministry: 'Bộ Nông nghiệp và Môi trường',
} as const;
export type CertificateIssuer = keyof typeof ISSUER_NAMES;

export function certificateNumber(year: number, sequence: number): string {
  return `${CERTIFICATE_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The same day `months` later (the month's last day when it has no such day), as YYYY-MM-DD. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = ((index % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** Revoked wins; otherwise valid through its last day (Vietnam calendar), expired after. */
export function certificateStatus(
  c: { revokedAt: Date | null; validUntil: string },
  today: string,
): OcopCertificateStatus {
  if (c.revokedAt) return 'revoked';
  return today > c.validUntil ? 'expired' : 'valid';
}
