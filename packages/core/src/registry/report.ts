/** The figures of one annual report (money in VND, whole numbers). */
export type ReportFigures = {
  revenue: number;
  revenueFromMembers: number;
  profit: number;
  totalCapital: number;
  indivisibleAssets: number;
  officialMembers: number;
  associateMembers: number;
  memberHouseholds: number;
  workers: number;
  memberWorkers: number;
  /** Average income per member per year. */
  avgMemberIncome: number;
  /** Average income per worker per month. */
  avgWorkerMonthlyIncome: number;
  valueChainLinks: number;
  ocopProducts: number;
};

export type ReportIssue = { field: keyof ReportFigures; code: string; params?: Record<string, number> };

/** Monthly worker income outside this band (VND) is possible but worth a second look. */
export const WORKER_MONTHLY_INCOME_PLAUSIBLE = { min: 2_000_000, max: 100_000_000 } as const;
/** A year-on-year change by this factor either way is flagged. */
export const YEAR_ON_YEAR_OUTLIER_FACTOR = 10;

/** Hard errors: a report with any cannot be submitted. */
export function findReportErrors(f: ReportFigures): ReportIssue[] {
  const errors: ReportIssue[] = [];
  if (f.revenueFromMembers > f.revenue) errors.push({ field: 'revenueFromMembers', code: 'exceeds_revenue' });
  if (f.memberWorkers > f.workers) errors.push({ field: 'memberWorkers', code: 'exceeds_workers' });
  if (f.indivisibleAssets > f.totalCapital) errors.push({ field: 'indivisibleAssets', code: 'exceeds_total_capital' });
  if (f.profit > f.revenue) errors.push({ field: 'profit', code: 'exceeds_revenue' });
  return errors;
}

/** Warnings: plausible mistakes (×10 typos, odd incomes) shown to the person entering and to the reviewer. */
export function findReportWarnings(f: ReportFigures, previous: ReportFigures | null): ReportIssue[] {
  const warnings: ReportIssue[] = [];
  const band = WORKER_MONTHLY_INCOME_PLAUSIBLE;
  if (f.workers > 0 && (f.avgWorkerMonthlyIncome < band.min || f.avgWorkerMonthlyIncome > band.max)) {
    warnings.push({
      field: 'avgWorkerMonthlyIncome',
      code: 'outside_plausible_range',
      params: { min: band.min, max: band.max },
    });
  }
  if (f.officialMembers + f.associateMembers > 0 && f.avgMemberIncome === 0) {
    warnings.push({ field: 'avgMemberIncome', code: 'zero_with_members' });
  }
  if (previous) {
    const fields: (keyof ReportFigures)[] = [
      'revenue',
      'totalCapital',
      'officialMembers',
      'workers',
      'avgWorkerMonthlyIncome',
    ];
    for (const field of fields) {
      const now = f[field];
      const before = previous[field];
      if (now > 0 && before > 0) {
        const ratio = now / before;
        if (ratio >= YEAR_ON_YEAR_OUTLIER_FACTOR || ratio <= 1 / YEAR_ON_YEAR_OUTLIER_FACTOR) {
          warnings.push({
            field,
            code: 'year_on_year_outlier',
            params: { previous: before, ratio: Math.round(ratio * 100) / 100 },
          });
        }
      }
    }
  }
  return warnings;
}
