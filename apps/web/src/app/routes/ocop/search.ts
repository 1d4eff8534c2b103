import type { OcopCertificateStatus, OcopDossierStatus, OcopProductStatus, OcopRoundStatus } from '@hoptac/core';
// Only the status names: the OCOP feature itself loads with the pages, not with the router.
import {
  OCOP_CERTIFICATE_STATUSES,
  OCOP_DOSSIER_STATUSES,
  OCOP_PRODUCT_STATUSES,
  OCOP_ROUND_STATUSES,
} from '../../../features/ocop/text.ts';
import { oneOf } from '../registry/search.ts';

/** The OCOP pages' URL search params, read leniently like the registry's. */

function text(value: unknown, max: number): string | undefined {
  const v = typeof value === 'number' ? String(value) : value;
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;
}

export interface RubricsSearch {
  q?: string;
}

export function parseRubricsSearch(raw: Record<string, unknown>): RubricsSearch {
  const q = text(raw.q, 100);
  return q ? { q } : {};
}

function pageOf(value: unknown): number | undefined {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined;
}

const flag = (value: unknown) => value === true || value === 'true';

export interface ProductsSearch {
  q?: string;
  status?: OcopProductStatus;
  page?: number;
}

export function parseProductsSearch(raw: Record<string, unknown>): ProductsSearch {
  const out: ProductsSearch = {};
  const q = text(raw.q, 100);
  if (q) out.q = q;
  const status = oneOf<OcopProductStatus>(OCOP_PRODUCT_STATUSES, raw.status);
  if (status) out.status = status;
  const page = pageOf(raw.page);
  if (page) out.page = page;
  return out;
}

export interface ProductSearch {
  /** Just registered: the page confirms it once. */
  created?: boolean;
}

export function parseProductSearch(raw: Record<string, unknown>): ProductSearch {
  return flag(raw.created) ? { created: true } : {};
}

export interface RoundsSearch {
  status?: OcopRoundStatus;
  page?: number;
}

export function parseRoundsSearch(raw: Record<string, unknown>): RoundsSearch {
  const out: RoundsSearch = {};
  const status = oneOf<OcopRoundStatus>(OCOP_ROUND_STATUSES, raw.status);
  if (status) out.status = status;
  const page = pageOf(raw.page);
  if (page) out.page = page;
  return out;
}

export const ROUND_TABS = ['dossiers', 'council'] as const;
export type RoundTab = (typeof ROUND_TABS)[number];

export interface RoundSearch {
  tab?: RoundTab;
  q?: string;
  status?: OcopDossierStatus;
  page?: number;
  /** Just created: the page confirms it once. */
  created?: boolean;
}

export function parseRoundSearch(raw: Record<string, unknown>): RoundSearch {
  const out: RoundSearch = {};
  const tab = oneOf<RoundTab>(ROUND_TABS, raw.tab);
  if (tab && tab !== 'dossiers') out.tab = tab;
  const q = text(raw.q, 100);
  if (q) out.q = q;
  const status = oneOf<OcopDossierStatus>(OCOP_DOSSIER_STATUSES, raw.status);
  if (status) out.status = status;
  const page = pageOf(raw.page);
  if (page) out.page = page;
  if (flag(raw.created)) out.created = true;
  return out;
}

/** The council's list: the dossiers to score by default, or those of one status, or all. */
export interface ScoringSearch {
  status?: OcopDossierStatus | 'all';
  page?: number;
}

export function parseScoringSearch(raw: Record<string, unknown>): ScoringSearch {
  const out: ScoringSearch = {};
  const status = oneOf<OcopDossierStatus | 'all'>([...OCOP_DOSSIER_STATUSES, 'all'], raw.status);
  if (status && status !== 'forwarded') out.status = status;
  const page = pageOf(raw.page);
  if (page) out.page = page;
  return out;
}

export interface CertificatesSearch {
  status?: OcopCertificateStatus;
  star?: number;
  page?: number;
}

export function parseCertificatesSearch(raw: Record<string, unknown>): CertificatesSearch {
  const out: CertificatesSearch = {};
  const status = oneOf<OcopCertificateStatus>(OCOP_CERTIFICATE_STATUSES, raw.status);
  if (status) out.status = status;
  const star = Number(raw.star);
  if (star === 3 || star === 4 || star === 5) out.star = star;
  const page = pageOf(raw.page);
  if (page) out.page = page;
  return out;
}

export interface CertificateSearch {
  /** Just issued: the page confirms it once. */
  issued?: boolean;
}

export function parseCertificateSearch(raw: Record<string, unknown>): CertificateSearch {
  return flag(raw.issued) ? { issued: true } : {};
}
