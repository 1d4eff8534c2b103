import {
  classifyScale,
  COOPERATIVE_TYPES,
  findReportWarnings,
  rateCooperative,
  RATING_TT01_2020,
  SCALE_THRESHOLDS_ND113_2024,
  type Rating,
  type ReportFigures,
  type ReportIssue,
  type ReportStatus,
  type ScaleClass,
  type Sector,
} from '@hoptac/core';
import type { Rng } from '../rng.ts';
import { REPORT_YEARS } from '../scales.ts';
import { between, clamp, DAY_MS, gaussian, officeTime, roundTo, utcDay } from './draws.ts';
import type { PlannedEntity } from './plan-entities.ts';

export type PlannedReport = ReportFigures & {
  id: string;
  entityId: string;
  year: number;
  status: ReportStatus;
  productsServices: string | null;
  valueChainDescription: string | null;
  monthsOperating: number;
  suspendedMonths: number;
  ratingPoints: Record<string, number> | null;
  rating: Rating | null;
  ratingTotal: number | null;
  scaleClass: ScaleClass | null;
  warnings: ReportIssue[];
  submittedAt: Date | null;
  acceptedAt: Date | null;
  approvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** What the register row takes from the reports: members of the latest year, class of the latest approved one. */
export type EntityFromReports = {
  officialMembers: number;
  associateMembers: number;
  rating: Rating | null;
  ratingYear: number | null;
  scaleClass: ScaleClass | null;
};

/** The last year's reports are still in the workflow: the city has approved under half. */
const LAST_YEAR_STATUS: readonly (readonly [ReportStatus | 'none', number])[] = [
  ['approved', 40],
  ['accepted', 20],
  ['submitted', 20],
  ['draft', 10],
  ['none', 10],
];

/**
 * Points per criterion used to draw synthetic self-assessments. Criteria 1–9 have their maxima in
 * RATING_TT01_2020; the split of criteria 10–15 is not confirmed (the core checks only their group
 * total of 40), so this split is the generator's own assumption, used for nothing else.
 */
const SYNTHETIC_MAX_10_15: Record<string, number> = { '10': 8, '11': 8, '12': 8, '13': 6, '14': 6, '15': 4 };
/** Some criteria are easy (no disputes, legal compliance), awards are rare. */
const CRITERION_BIAS: Record<string, number> = { '5': 0.1, '6': 0.18, '15': -0.3 };

const CRITERIA = RATING_TT01_2020.groups.flatMap((g) =>
  g.criteria.map((c) => ({ code: c.code, max: c.maxPoints ?? SYNTHETIC_MAX_10_15[c.code] ?? 0 })),
);

function drawPoints(rng: Rng, quality: number): Record<string, number> {
  const points: Record<string, number> = {};
  for (const c of CRITERIA) {
    const level = clamp(quality + (CRITERION_BIAS[c.code] ?? 0) + 0.12 * gaussian(rng), 0, 1);
    points[c.code] = Math.round(c.max * level);
  }
  return points;
}

type Profile = {
  revenueMedian: number;
  revenueK: number;
  membersShare: [number, number];
  householdsShare: [number, number];
  workers: (size: number, official: number, rng: Rng) => number;
  memberIncome: [number, number];
};

const PROFILES: Record<'agriculture' | 'non_agriculture' | 'credit' | 'union' | 'group', Profile> = {
  agriculture: {
    revenueMedian: 1.35e9,
    revenueK: 0.85,
    membersShare: [0.35, 0.85],
    householdsShare: [0.85, 1],
    workers: (size, _o, rng) => clamp(Math.round(6 * Math.exp(0.6 * size + 0.3 * gaussian(rng))), 2, 200),
    memberIncome: [28e6, 75e6],
  },
  non_agriculture: {
    revenueMedian: 1.6e9,
    revenueK: 0.85,
    membersShare: [0.2, 0.6],
    householdsShare: [0.4, 0.8],
    workers: (size, _o, rng) => clamp(Math.round(15 * Math.exp(0.6 * size + 0.3 * gaussian(rng))), 3, 400),
    memberIncome: [35e6, 90e6],
  },
  credit: {
    revenueMedian: 8e9,
    revenueK: 0.5,
    membersShare: [0.8, 0.95],
    householdsShare: [0.85, 0.95],
    workers: (_s, _o, rng) => rng.int(8, 30),
    memberIncome: [30e6, 60e6],
  },
  union: {
    revenueMedian: 9e9,
    revenueK: 0.7,
    membersShare: [0.3, 0.7],
    householdsShare: [0, 0],
    workers: (_s, _o, rng) => rng.int(5, 40),
    memberIncome: [0, 0],
  },
  group: {
    revenueMedian: 2.5e8,
    revenueK: 0.6,
    membersShare: [0.5, 0.9],
    householdsShare: [0.6, 1],
    workers: (_s, official, rng) => Math.max(2, Math.round(official * between(rng, 0.6, 1))),
    memberIncome: [20e6, 55e6],
  },
};

function profileOf(e: PlannedEntity): Profile {
  if (e.type === 'cooperative_union') return PROFILES.union;
  if (e.type === 'cooperative_group') return PROFILES.group;
  return PROFILES[e.sectors[0] as 'agriculture' | 'non_agriculture' | 'credit'];
}

/** Years the entity files for: registered by then, not yet dissolved, and not after it was suspended. */
function reportYears(e: PlannedEntity): number[] {
  const registered = Number(e.registrationDate.slice(0, 4));
  const changed = Number(e.statusSince.slice(0, 4));
  return REPORT_YEARS.filter((y) => {
    if (y < registered) return false;
    if (e.status === 'dissolved') return y < changed;
    if (e.status === 'suspended') return y <= changed;
    return true;
  });
}

const million = (n: number) => roundTo(n, 1e6);

/**
 * Annual reports 2021–2025 of the cooperative-type entities, in plan order. Figures follow one
 * entity-level path: revenue (cooperatives average ≈ 2.5–3 bn VND a year), capital and members
 * grow a few per cent a year with noise; a partial first year is pro-rated and not rated.
 * Years up to 2024 are approved; 2025 is a mix of workflow states (LAST_YEAR_STATUS).
 */
export function planReports(
  rng: Rng,
  entities: readonly PlannedEntity[],
): { reports: PlannedReport[]; byEntity: Map<string, EntityFromReports> } {
  const reports: PlannedReport[] = [];
  const byEntity = new Map<string, EntityFromReports>();
  const lastYear = REPORT_YEARS[REPORT_YEARS.length - 1]!;
  for (const e of entities) {
    if (!COOPERATIVE_TYPES.includes(e.type)) continue;
    const years = reportYears(e);
    if (years.length === 0) continue;
    const p = profileOf(e);
    const sector = e.sectors[0] as Sector;
    // Entity-level path, drawn once.
    let revenueRate = p.revenueMedian * Math.exp(p.revenueK * e.size + 0.55 * gaussian(rng));
    let capital =
      e.charterCapital > 0 ? e.charterCapital * between(rng, 1.1, 2.4) : revenueRate * between(rng, 0.3, 0.8);
    const indivisibleShare = between(rng, 0.08, 0.35);
    const membersShare = between(rng, ...p.membersShare);
    const householdsShare = between(rng, ...p.householdsShare);
    let official = Math.max(1, Math.round(e.officialMembers * between(rng, 0.85, 1)));
    let associate = Math.round(e.associateMembers * between(rng, 0.8, 1));
    let workers = p.workers(e.size, e.officialMembers, rng);
    const memberWorkerShare = between(rng, 0.4, 0.9);
    let memberIncome = between(rng, ...p.memberIncome);
    let workerIncome = between(rng, 3.9e6, 7.2e6);
    const chainLinks = e.valueChain ? rng.int(1, 4) : 0;
    const ocopCount = rng.weighted([
      [0, 70],
      [1, 18],
      [2, 8],
      [3, 4],
    ] as const);
    const ocopSince = rng.int(2019, 2025);
    const labels = e.specialities.map((s) => s.label).join(', ');
    const registered = Date.parse(e.registrationDate);
    const changed = Date.parse(e.statusSince);
    let previous: ReportFigures | null = null;
    let latestApproved: PlannedReport | null = null;
    let last: PlannedReport | null = null;

    for (const [i, year] of years.entries()) {
      if (i > 0) {
        revenueRate *= 1 + clamp(0.07 + 0.09 * gaussian(rng), -0.25, 0.4);
        capital *= 1 + between(rng, 0.02, 0.08);
        official = Math.max(1, Math.round(official * (1 + between(rng, -0.01, 0.04))));
        associate = Math.round(associate * (1 + between(rng, -0.05, 0.1)));
        workers = Math.max(1, Math.round(workers * (1 + between(rng, -0.08, 0.12))));
        memberIncome *= 1 + between(rng, 0.03, 0.08);
        workerIncome *= 1 + between(rng, 0.04, 0.07);
      }
      const firstYear = year === new Date(registered).getUTCFullYear();
      const monthsOperating = firstYear ? 12 - new Date(registered).getUTCMonth() - 1 : 12;
      const suspendedMonths =
        e.status === 'suspended' && year === new Date(changed).getUTCFullYear()
          ? Math.max(1, 12 - new Date(changed).getUTCMonth() - 1)
          : 0;
      const share = Math.max(0, monthsOperating - suspendedMonths) / 12;
      const revenue = million(revenueRate * share);
      const margin = clamp(0.045 + 0.035 * gaussian(rng), -0.06, 0.18);
      const totalCapital = million(capital);
      const memberWorkers = Math.round(workers * memberWorkerShare);
      const figures: ReportFigures = {
        revenue,
        revenueFromMembers: million(revenue * membersShare),
        profit: million(revenue * margin),
        totalCapital,
        indivisibleAssets: million(totalCapital * indivisibleShare),
        officialMembers: official,
        associateMembers: associate,
        memberHouseholds: Math.round(official * householdsShare),
        workers,
        memberWorkers,
        avgMemberIncome: roundTo(memberIncome, 1e5),
        avgWorkerMonthlyIncome: roundTo(workerIncome, 1e4),
        valueChainLinks: chainLinks,
        ocopProducts: year >= ocopSince ? ocopCount : 0,
      };
      // Only a full year can be self-assessed; a suspended year is assessed but not rated (TT 01/2020).
      const ratingPoints =
        monthsOperating >= 12
          ? drawPoints(rng, clamp(e.quality + 0.012 * (year - 2021) + 0.03 * gaussian(rng), 0, 1))
          : null;
      const rated = rateCooperative(RATING_TT01_2020, ratingPoints, { monthsOperating, suspendedMonths });

      const status = year < lastYear ? 'approved' : rng.weighted(LAST_YEAR_STATUS);
      if (status === 'none') continue;
      // Filed in the first quarter of the next year (due 31 March; about one in ten is late).
      const submitted = status === 'draft' ? null : officeTime(rng, utcDay(year + 1, 1, 5) + rng.int(0, 95) * DAY_MS);
      const accepted =
        submitted && (status === 'accepted' || status === 'approved')
          ? new Date(submitted.getTime() + rng.int(2, 20) * DAY_MS)
          : null;
      const approved =
        accepted && status === 'approved' ? new Date(accepted.getTime() + rng.int(3, 30) * DAY_MS) : null;
      const createdAt = submitted
        ? new Date(submitted.getTime() - rng.int(1, 20) * DAY_MS)
        : officeTime(rng, utcDay(year + 1, 1, 10) + rng.int(0, 60) * DAY_MS);
      const report: PlannedReport = {
        ...figures,
        id: rng.uuid(),
        entityId: e.id,
        year,
        status,
        productsServices: [labels, e.services].filter(Boolean).join('; '),
        valueChainDescription:
          e.valueChain && e.valueChainPartner
            ? `Liên kết sản xuất, tiêu thụ ${labels} với ${e.valueChainPartner}`
            : null,
        monthsOperating,
        suspendedMonths,
        ratingPoints,
        rating: rated.rating,
        ratingTotal: rated.total,
        scaleClass: classifyScale(SCALE_THRESHOLDS_ND113_2024, sector, figures),
        warnings: findReportWarnings(figures, previous),
        submittedAt: submitted,
        acceptedAt: accepted,
        approvedAt: approved,
        createdAt,
        updatedAt: approved ?? accepted ?? submitted ?? createdAt,
      };
      reports.push(report);
      previous = figures;
      last = report;
      if (status === 'approved') latestApproved = report;
    }
    if (last) {
      byEntity.set(e.id, {
        officialMembers: last.officialMembers,
        associateMembers: last.associateMembers,
        rating: latestApproved?.rating ?? null,
        ratingYear: latestApproved?.year ?? null,
        scaleClass: latestApproved?.scaleClass ?? null,
      });
    }
  }
  return { reports, byEntity };
}
