import type { OcopProductStatus } from '@hoptac/core';
// Only the status names: the OCOP feature itself loads with the pages, not with the router.
import { OCOP_PRODUCT_STATUSES } from '../../../features/ocop/text.ts';
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
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1 && page <= 100_000) out.page = page;
  return out;
}

export interface ProductSearch {
  /** Just registered: the page confirms it once. */
  created?: boolean;
}

export function parseProductSearch(raw: Record<string, unknown>): ProductSearch {
  return raw.created === true || raw.created === 'true' ? { created: true } : {};
}
