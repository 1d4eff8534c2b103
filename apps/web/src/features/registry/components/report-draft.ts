import type { AnnualReport, EntityDetail, Rating } from '@hoptac/core';
import { RATING_TT01_2020 } from '../../../lib/domain.ts';
import { formatNumber } from '../../../lib/format.ts';

/** The whole-number figures of a report, in the order of the form. */
export const MONEY_FIELDS = ['revenue', 'revenueFromMembers', 'profit', 'totalCapital', 'indivisibleAssets'] as const;
export const INCOME_FIELDS = ['avgMemberIncome', 'avgWorkerMonthlyIncome'] as const;
export const PEOPLE_FIELDS = [
  'officialMembers',
  'associateMembers',
  'memberHouseholds',
  'workers',
  'memberWorkers',
] as const;
export const LINK_FIELDS = ['valueChainLinks', 'ocopProducts'] as const;
export const PERIOD_FIELDS = ['monthsOperating', 'suspendedMonths'] as const;
export const NUMBER_FIELDS = [
  ...MONEY_FIELDS,
  ...INCOME_FIELDS,
  ...PEOPLE_FIELDS,
  ...LINK_FIELDS,
  ...PERIOD_FIELDS,
] as const;
export type NumberKey = (typeof NUMBER_FIELDS)[number];

/** The unit each figure is entered in (a key of registry:units). */
export const UNIT_OF: Record<NumberKey, string> = {
  revenue: 'vnd',
  revenueFromMembers: 'vnd',
  profit: 'vnd',
  totalCapital: 'vnd',
  indivisibleAssets: 'vnd',
  avgMemberIncome: 'vndPerYear',
  avgWorkerMonthlyIncome: 'vndPerMonth',
  officialMembers: 'people',
  associateMembers: 'people',
  memberHouseholds: 'households',
  workers: 'people',
  memberWorkers: 'people',
  valueChainLinks: 'links',
  ocopProducts: 'products',
  monthsOperating: 'months',
  suspendedMonths: 'months',
};

export interface Draft {
  numbers: Record<NumberKey, string>;
  productsServices: string;
  valueChainDescription: string;
  points: Record<string, string>;
}

export function toDraft(report: AnnualReport | null, entity: EntityDetail, lang: string): Draft {
  // Saved figures start formatted (1.250.000.000); the field reads them back with or without separators.
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map((key) => [key, report ? formatNumber(report[key], lang) : '']),
  ) as Record<NumberKey, string>;
  if (!report) {
    numbers.officialMembers = String(entity.officialMembers);
    numbers.associateMembers = String(entity.associateMembers);
    numbers.monthsOperating = '12';
    numbers.suspendedMonths = '0';
  }
  const points: Record<string, string> = {};
  for (const [code, value] of Object.entries(report?.ratingPoints ?? {})) points[code] = String(value);
  return {
    numbers,
    productsServices: report?.productsServices ?? '',
    valueChainDescription: report?.valueChainDescription ?? '',
    points,
  };
}

function parsePoints(text: string): number | null {
  const v = text.trim().replace(',', '.');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : NaN;
}

/** The band the points would give, mirroring the rule of TT 01/2020 (the server decides). */
export function previewRating(total: number, months: number, suspended: number): Rating {
  const set = RATING_TT01_2020;
  if (months < set.minMonthsOperating || suspended > set.maxSuspendedMonths) return 'not_rated';
  return set.bands.find((b) => total >= b.minScore)?.rating ?? 'weak';
}

/** The points typed so far, read as numbers (NaN: unreadable), their sums per TT 01/2020 group and in all. */
export function tallyPoints(points: Record<string, string>) {
  const pointValues = Object.fromEntries(
    Object.entries(points).map(([code, text]) => [code, parsePoints(text)] as const),
  );
  const groupSums = RATING_TT01_2020.groups.map((g) =>
    g.criteria.reduce((sum, c) => {
      const v = pointValues[c.code];
      return sum + (typeof v === 'number' && !Number.isNaN(v) ? v : 0);
    }, 0),
  );
  const anyPoints = Object.values(pointValues).some((v) => v !== null);
  const total = groupSums.reduce((a, b) => a + b, 0);
  return { pointValues, groupSums, anyPoints, total };
}
