/**
 * The indicator library as data. A definition says what is counted and how partial results add
 * up; the SQL that reads the records lives in the server's plans module and is chosen by
 * `source`. A definition is never changed once shipped: targets point at (id, version), so a
 * correction is a new version and old targets keep their meaning.
 */
import { COOPERATIVE_TYPES, type EntityStatus, type EntityType } from '../registry/vocabulary.ts';

/**
 * sum / count: additive, a city figure is the sum of its communes'. mean-of-records: the mean
 * of one value over the records (total ÷ number of records). ratio: Σ numerator ÷ Σ denominator.
 */
export const AGGREGATIONS = ['sum', 'count', 'mean-of-records', 'ratio'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Which records an indicator reads. */
export const INDICATOR_SOURCES = [
  'entities',
  'entities_established',
  'annual_reports',
  'ocop_certificates',
  'ocop_entities',
  'outlets',
  'manual',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const INDICATOR_UNITS = ['entities', 'products', 'vnd', 'vnd_per_year', 'outlets', 'count'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** The annual-report value a mean or ratio indicator averages. */
export const REPORT_MEASURES = ['revenue', 'worker_income_per_year'] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

export type IndicatorFilters = {
  types?: readonly EntityType[];
  statuses?: readonly EntityStatus[];
  /** Only entities with this sector (e.g. agriculture). */
  sector?: string;
  valueChain?: boolean;
  highTech?: boolean;
  minStar?: number;
  maxStar?: number;
  measure?: ReportMeasure;
  /** Outlet types counted (the outlets module's vocabulary). */
  outletTypes?: readonly string[];
};

/**
 * `stock`: a level at the period's end (total cooperatives); `flow`: what happened within the
 * period (new cooperatives, products rated). The forecast starts a stock from its baseline and a flow from 0.
 */
export type IndicatorKind = 'stock' | 'flow';

export type IndicatorDefinition = {
  id: string;
  version: number;
  unit: IndicatorUnit;
  aggregation: Aggregation;
  source: IndicatorSource;
  kind: IndicatorKind;
  filters: IndicatorFilters;
};

/** Statuses of an entity that still exists (not dissolved, bankrupt or revoked). */
export const EXISTING_STATUSES: readonly EntityStatus[] = ['active', 'suspended', 'reorganising'];

const coop = { types: COOPERATIVE_TYPES, statuses: EXISTING_STATUSES };
const showrooms = { outletTypes: ['ocop_showroom'] };

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'coop_entities_total',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'entities',
    kind: 'stock',
    filters: coop,
  },
  {
    id: 'coop_entities_active',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'entities',
    kind: 'stock',
    filters: { types: COOPERATIVE_TYPES, statuses: ['active'] },
  },
  {
    id: 'cooperatives_total',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'entities',
    kind: 'stock',
    filters: { types: ['cooperative'], statuses: EXISTING_STATUSES },
  },
  {
    id: 'coop_entities_new',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'entities_established',
    kind: 'flow',
    filters: { types: COOPERATIVE_TYPES },
  },
  {
    id: 'coop_avg_revenue',
    version: 1,
    unit: 'vnd',
    aggregation: 'mean-of-records',
    source: 'annual_reports',
    kind: 'stock',
    filters: { types: COOPERATIVE_TYPES, measure: 'revenue' },
  },
  {
    id: 'coop_avg_worker_income',
    version: 1,
    unit: 'vnd_per_year',
    aggregation: 'ratio',
    source: 'annual_reports',
    kind: 'stock',
    filters: { types: COOPERATIVE_TYPES, measure: 'worker_income_per_year' },
  },
  {
    id: 'agri_coops_active',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'entities',
    kind: 'stock',
    filters: { types: ['cooperative'], statuses: ['active'], sector: 'agriculture' },
  },
  {
    id: 'agri_coops_suspended',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'entities',
    kind: 'stock',
    filters: { types: ['cooperative'], statuses: ['suspended'], sector: 'agriculture' },
  },
  {
    id: 'coops_value_chain',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'entities',
    kind: 'stock',
    filters: { ...coop, valueChain: true },
  },
  {
    id: 'coops_high_tech',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'entities',
    kind: 'stock',
    filters: { ...coop, highTech: true },
  },
  ...([3, 4, 5] as const).map((star): IndicatorDefinition => ({
    id: `ocop_products_${star}star`,
    version: 1,
    unit: 'products',
    aggregation: 'count',
    source: 'ocop_certificates',
    kind: 'flow',
    filters: { minStar: star, maxStar: star },
  })),
  {
    id: 'ocop_products_3star_plus',
    version: 1,
    unit: 'products',
    aggregation: 'count',
    source: 'ocop_certificates',
    kind: 'flow',
    filters: { minStar: 3, maxStar: 5 },
  },
  {
    id: 'coops_with_ocop',
    version: 1,
    unit: 'entities',
    aggregation: 'count',
    source: 'ocop_entities',
    kind: 'stock',
    filters: { ...coop, minStar: 3, maxStar: 5 },
  },
  {
    id: 'showrooms_open',
    version: 1,
    unit: 'outlets',
    aggregation: 'count',
    source: 'outlets',
    kind: 'stock',
    filters: showrooms,
  },
  {
    id: 'showrooms_opened',
    version: 1,
    unit: 'outlets',
    aggregation: 'count',
    source: 'outlets',
    kind: 'flow',
    filters: showrooms,
  },
  {
    id: 'weak_coops_strengthened',
    version: 1,
    unit: 'entities',
    aggregation: 'sum',
    source: 'manual',
    kind: 'flow',
    filters: {},
  },
];

export type IndicatorKey = { id: string; version: number };

export function findIndicator(key: IndicatorKey): IndicatorDefinition | undefined {
  return INDICATORS.find((d) => d.id === key.id && d.version === key.version);
}

/** The newest version of each indicator: what a new target picks. */
export function currentIndicators(): IndicatorDefinition[] {
  const latest = new Map<string, IndicatorDefinition>();
  for (const d of INDICATORS) if ((latest.get(d.id)?.version ?? 0) < d.version) latest.set(d.id, d);
  return [...latest.values()];
}

/** Sums and counts split and roll up by adding; averages do not. */
export function isAdditive(aggregation: Aggregation): boolean {
  return aggregation === 'sum' || aggregation === 'count';
}
