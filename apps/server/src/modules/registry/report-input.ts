import {
  checkRatingPoints,
  classifyScale,
  COOPERATIVE_TYPES,
  findReportErrors,
  findReportWarnings,
  rateCooperative,
  RATING_TT01_2020,
  SCALE_THRESHOLDS_ND113_2024,
  SECTORS,
  type EntityType,
  type ReportFigures,
  type ReportInput,
  type Sector,
} from '@hoptac/core';
import type { annualReports } from './registry.schema.ts';

/** The facts about an entity that a report's rules depend on. */
export type ReportEntityFacts = { id: string; type: string; registrationDate: string | null; sectors: string[] };

/** A problem with one input field; `path` is relative to the report input (e.g. ['ratingPoints', '16']). */
export type ReportInputIssue = { path: string[]; code: string; message: string };

/** The columns a report's figures and computed classification fill (no identity, status or workflow). */
export type ReportContent = Omit<
  typeof annualReports.$inferInsert,
  | 'id'
  | 'entityId'
  | 'year'
  | 'status'
  | 'returnReason'
  | 'submittedAt'
  | 'submittedBy'
  | 'acceptedAt'
  | 'acceptedBy'
  | 'approvedAt'
  | 'approvedBy'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * The figures of a report input or a stored report row. Spelled out rather than built from a key
 * list: it runs for every row of an import, and a literal costs half as much.
 */
export function figuresOf(s: ReportFigures): ReportFigures {
  return {
    revenue: s.revenue,
    revenueFromMembers: s.revenueFromMembers,
    profit: s.profit,
    totalCapital: s.totalCapital,
    indivisibleAssets: s.indivisibleAssets,
    officialMembers: s.officialMembers,
    associateMembers: s.associateMembers,
    memberHouseholds: s.memberHouseholds,
    workers: s.workers,
    memberWorkers: s.memberWorkers,
    avgMemberIncome: s.avgMemberIncome,
    avgWorkerMonthlyIncome: s.avgWorkerMonthlyIncome,
    valueChainLinks: s.valueChainLinks,
    ocopProducts: s.ocopProducts,
  };
}

const ERROR_MESSAGES: Record<string, string> = {
  exceeds_revenue: 'Cannot exceed the revenue',
  exceeds_workers: 'Cannot exceed the number of workers',
  exceeds_total_capital: 'Cannot exceed the total capital',
};

/** Hard errors of a report's figures (a report with any cannot be saved or submitted). */
export function findFigureIssues(figures: ReportFigures): ReportInputIssue[] {
  return findReportErrors(figures).map((e) => ({
    path: [e.field],
    code: e.code,
    message: ERROR_MESSAGES[e.code] ?? 'Invalid value',
  }));
}

/** Year of "today" in Vietnam (UTC+7): the reporting calendar is Hà Nội's, not the server's. */
export function vietnamYear(now: Date): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** Why a report cannot exist for this year (future, or before the entity was registered), or null. */
export function checkReportYear(entity: ReportEntityFacts, year: number, now: Date): ReportInputIssue | null {
  if (year > vietnamYear(now)) return { path: ['year'], code: 'future_year', message: 'The year has not started yet' };
  const registered = entity.registrationDate ? Number(entity.registrationDate.slice(0, 4)) : null;
  if (registered !== null && year < registered) {
    return { path: ['year'], code: 'before_registration', message: `The entity was registered in ${registered}` };
  }
  return null;
}

function isCooperative(type: string): boolean {
  return COOPERATIVE_TYPES.includes(type as EntityType);
}

function firstSector(entity: ReportEntityFacts): Sector | null {
  const s = entity.sectors[0];
  return s && (SECTORS as readonly string[]).includes(s) ? (s as Sector) : null;
}

/**
 * Checks one year's input and computes what is stored with it: warnings against the previous
 * year, the TT 01/2020 rating and the NĐ 113/2024 scale class. Only types governed by the Law on
 * Cooperatives are rated and classified; enterprises and household businesses get nulls (their
 * size classes come from other rules). Shared by the API and the XLSX import.
 */
export function prepareReport(
  entity: ReportEntityFacts,
  input: ReportInput,
  previous: ReportFigures | null,
): { content: ReportContent | null; issues: ReportInputIssue[] } {
  const figures = figuresOf(input);
  const issues = findFigureIssues(figures);
  const cooperative = isCooperative(entity.type);
  const points = cooperative ? (input.ratingPoints ?? null) : null;
  const rated = cooperative
    ? rateCooperative(RATING_TT01_2020, points, {
        monthsOperating: input.monthsOperating,
        suspendedMonths: input.suspendedMonths,
      })
    : null;
  // Rating a year checks its points (a total or issues come back); a year that cannot be rated
  // has them checked here. Not both: the check runs for every row of an import.
  const rateChecked = rated !== null && (rated.total !== null || rated.issues.length > 0);
  const pointIssues = !points ? [] : rateChecked ? rated.issues : checkRatingPoints(RATING_TT01_2020, points);
  for (const i of pointIssues) {
    const limit = i.max === undefined ? '' : ` (max ${i.max})`;
    issues.push({ path: ['ratingPoints', i.criterion], code: i.code, message: `Rating points: ${i.code}${limit}` });
  }
  if (issues.length > 0) return { content: null, issues };
  const sector = firstSector(entity);
  const scaleClass = cooperative && sector ? classifyScale(SCALE_THRESHOLDS_ND113_2024, sector, figures) : null;
  // Onto the figures rather than `{ ...figures, … }`: in V8 an object made by a spread and then
  // given more keys costs ~10 times as much to build, and the import builds one per row.
  const content: ReportContent = Object.assign(figures, {
    productsServices: input.productsServices ?? null,
    valueChainDescription: input.valueChainDescription ?? null,
    monthsOperating: input.monthsOperating,
    suspendedMonths: input.suspendedMonths,
    ratingPoints: points,
    rating: rated?.rating ?? null,
    ratingTotal: rated?.total ?? null,
    scaleClass,
    warnings: findReportWarnings(figures, previous),
  });
  return { content, issues: [] };
}
