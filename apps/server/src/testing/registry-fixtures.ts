/** A plausible year of a small agricultural cooperative (VND), for tests to override field by field. */
export const SAMPLE_REPORT_FIGURES = {
  revenue: 3_200_000_000,
  revenueFromMembers: 1_900_000_000,
  profit: 210_000_000,
  totalCapital: 2_500_000_000,
  indivisibleAssets: 400_000_000,
  officialMembers: 25,
  associateMembers: 4,
  memberHouseholds: 22,
  workers: 18,
  memberWorkers: 12,
  avgMemberIncome: 62_000_000,
  avgWorkerMonthlyIncome: 7_500_000,
  valueChainLinks: 2,
  ocopProducts: 1,
  monthsOperating: 12,
  suspendedMonths: 0,
};
