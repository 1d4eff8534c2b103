/** The plans pages' URL search params, read leniently: anything unexpected is dropped. */

function pageOf(value: unknown): number | undefined {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined;
}

export interface PlansSearch {
  page?: number;
}

export function parsePlansSearch(raw: Record<string, unknown>): PlansSearch {
  const page = pageOf(raw.page);
  return page ? { page } : {};
}

export interface PlanSearch {
  /** city, commune:<code> or district:<code>; absent: the caller's default. */
  scope?: string;
  tab?: 'dashboard' | 'targets';
}

export function parsePlanSearch(raw: Record<string, unknown>): PlanSearch {
  const out: PlanSearch = {};
  if (typeof raw.scope === 'string' && /^(city|(commune|district):\d{2,5})$/.test(raw.scope)) out.scope = raw.scope;
  if (raw.tab === 'targets' || raw.tab === 'dashboard') out.tab = raw.tab;
  return out;
}
