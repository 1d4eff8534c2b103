import type { EntityStatus, EntityType, Rating, Sector } from '@hoptac/core';
import { ENTITY_STATUSES, ENTITY_TYPES, RATINGS, SECTORS } from '../../../lib/domain.ts';
// Only the tab names: the registry feature itself loads with the pages, not with the router.
import { ENTITY_TABS, type EntityTab } from '../../../features/registry/tabs.ts';
import type { EntityFilterValue } from '../../../features/registry/api.ts';

/**
 * The registry pages' URL search params. Read leniently: anything malformed is dropped rather
 * than shown as an error, so a hand-edited or outdated link still opens the page.
 */

export const REGISTER_VIEWS = ['list', 'communes', 'map'] as const;
export type RegisterView = (typeof REGISTER_VIEWS)[number];
export const REGISTER_SORTS = ['name', 'updated', 'commune'] as const;

export interface RegisterSearch extends EntityFilterValue {
  page?: number;
  view?: RegisterView;
}

export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

function text(value: unknown, max: number): string | undefined {
  const v = typeof value === 'number' ? String(value) : value;
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;
}

function flag(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

function year(value: unknown): number | undefined {
  const y = Number(value);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : undefined;
}

/** Codes like "00454" come back from the router as numbers (454): restore the leading zeros. */
function code(value: unknown, digits: number): string | undefined {
  const v = typeof value === 'number' ? String(value).padStart(digits, '0') : value;
  return typeof v === 'string' && new RegExp(`^\\d{${digits}}$`).test(v) ? v : undefined;
}

export function parseRegisterSearch(raw: Record<string, unknown>): RegisterSearch {
  const out: RegisterSearch = {};
  const q = text(raw.q, 100);
  if (q) out.q = q;
  const type = oneOf<EntityType>(ENTITY_TYPES, raw.type);
  if (type) out.type = type;
  const status = oneOf<EntityStatus>(ENTITY_STATUSES, raw.status);
  if (status) out.status = status;
  const sector = oneOf<Sector>(SECTORS, raw.sector);
  if (sector) out.sector = sector;
  const commune = code(raw.commune, 5);
  if (commune) out.commune = commune;
  const oldDistrict = code(raw.oldDistrict, 3);
  if (oldDistrict) out.oldDistrict = oldDistrict;
  const highTech = flag(raw.highTech);
  if (highTech !== undefined) out.highTech = highTech;
  const valueChain = flag(raw.valueChain);
  if (valueChain !== undefined) out.valueChain = valueChain;
  const rating = oneOf<Rating>(RATINGS, raw.rating);
  if (rating) out.rating = rating;
  const sort = oneOf(REGISTER_SORTS, raw.sort);
  if (sort && sort !== 'name') out.sort = sort;
  const view = oneOf(REGISTER_VIEWS, raw.view);
  if (view && view !== 'list') out.view = view;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1 && page <= 100_000) out.page = page;
  return out;
}

export interface EntitySearch {
  tab?: EntityTab;
  year?: number;
  /** Just registered: the page confirms it once. */
  created?: boolean;
}

export function parseEntitySearch(raw: Record<string, unknown>): EntitySearch {
  const out: EntitySearch = {};
  const tab = oneOf(ENTITY_TABS, raw.tab);
  if (tab && tab !== 'profile') out.tab = tab;
  const y = year(raw.year);
  if (y) out.year = y;
  if (raw.created === true || raw.created === 'true') out.created = true;
  return out;
}

export interface MyEntitySearch {
  tab?: EntityTab;
  year?: number;
}

export function parseMyEntitySearch(raw: Record<string, unknown>): MyEntitySearch {
  const out: MyEntitySearch = {};
  const tab = oneOf(ENTITY_TABS, raw.tab);
  // The yearly report is what an entity comes here for: it is the default tab.
  if (tab && tab !== 'reports') out.tab = tab;
  const y = year(raw.year);
  if (y) out.year = y;
  return out;
}

export interface ReportsSearch {
  year?: number;
  commune?: string;
}

export function parseReportsSearch(raw: Record<string, unknown>): ReportsSearch {
  const out: ReportsSearch = {};
  const y = year(raw.year);
  if (y) out.year = y;
  const commune = code(raw.commune, 5);
  if (commune) out.commune = commune;
  return out;
}

export interface ImportSearch {
  job?: string;
}

export function parseImportSearch(raw: Record<string, unknown>): ImportSearch {
  return typeof raw.job === 'string' && /^[\w-]{1,64}$/.test(raw.job) ? { job: raw.job } : {};
}
