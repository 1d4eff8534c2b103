import type { Rating } from './vocabulary.ts';

/**
 * Annual rating of a cooperative (TT 01/2020/TT-BKHĐT, in force 01/04/2020): 15 criteria, 100 points,
 * Tốt ≥ 80, Khá 65–<80, Trung bình 50–<65, Yếu < 50; not rated when operating under 12 months
 * in the year or suspended for more than 3 months. The split of criteria 10–15 (40 points together)
 * is not confirmed in the domain notes, so their individual maxima are null and only the group
 * total is enforced. Criteria are data: a later circular is a new set, not new code.
 */
export type RatingCriterion = { code: string; title: string; titleEn: string; maxPoints: number | null };
export type RatingGroup = {
  code: string;
  title: string;
  titleEn: string;
  maxPoints: number;
  criteria: RatingCriterion[];
};
export type RatingCriteriaSet = {
  id: string;
  source: string;
  groups: RatingGroup[];
  /** Lowest total of each band, highest band first. */
  bands: { rating: Exclude<Rating, 'not_rated'>; minScore: number }[];
  minMonthsOperating: number;
  maxSuspendedMonths: number;
};

export const RATING_TT01_2020: RatingCriteriaSet = {
  id: 'tt01-2020',
  source: 'Thông tư 01/2020/TT-BKHĐT',
  groups: [
    {
      code: 'I',
      title: 'Tài chính',
      titleEn: 'Finance',
      maxPoints: 30,
      criteria: [
        { code: '1', title: 'Vốn hoạt động', titleEn: 'Capital', maxPoints: 7 },
        { code: '2', title: 'Tài sản', titleEn: 'Assets', maxPoints: 6 },
        { code: '3', title: 'Kết quả sản xuất, kinh doanh', titleEn: 'Business results', maxPoints: 11 },
        { code: '4', title: 'Trích lập quỹ', titleEn: 'Fund allocations', maxPoints: 6 },
      ],
    },
    {
      code: 'II',
      title: 'Quản trị',
      titleEn: 'Governance',
      maxPoints: 30,
      criteria: [
        { code: '5', title: 'Chấp hành pháp luật', titleEn: 'Legal compliance', maxPoints: 8 },
        { code: '6', title: 'Tranh chấp, khiếu nại', titleEn: 'Disputes and complaints', maxPoints: 6 },
        { code: '7', title: 'Trình độ cán bộ quản lý', titleEn: "Managers' qualification", maxPoints: 6 },
        {
          code: '8',
          title: 'Chính sách với thành viên, người lao động',
          titleEn: 'Member and worker policies',
          maxPoints: 6,
        },
        {
          code: '9',
          title: 'Công nghệ, thương hiệu, chuỗi giá trị',
          titleEn: 'Technology, branding, value chain',
          maxPoints: 4,
        },
      ],
    },
    {
      code: 'III-IV',
      title: 'Thành viên và cộng đồng',
      titleEn: 'Members and community',
      maxPoints: 40,
      criteria: [
        { code: '10', title: 'Mức độ tham gia của thành viên', titleEn: 'Member participation', maxPoints: null },
        { code: '11', title: 'Lợi ích của thành viên', titleEn: 'Member benefits', maxPoints: null },
        {
          code: '12',
          title: 'Sản phẩm, dịch vụ cho thành viên',
          titleEn: 'Products and services to members',
          maxPoints: null,
        },
        { code: '13', title: 'Thông tin, đào tạo', titleEn: 'Information and training', maxPoints: null },
        { code: '14', title: 'Tác động tích cực tới cộng đồng', titleEn: 'Positive community impact', maxPoints: null },
        { code: '15', title: 'Khen thưởng trong năm', titleEn: 'Awards in the year', maxPoints: null },
      ],
    },
  ],
  bands: [
    { rating: 'good', minScore: 80 },
    { rating: 'fair', minScore: 65 },
    { rating: 'average', minScore: 50 },
    { rating: 'weak', minScore: 0 },
  ],
  minMonthsOperating: 12,
  maxSuspendedMonths: 3,
};

export type RatingIssue = {
  criterion: string;
  code: 'unknown_criterion' | 'negative' | 'over_criterion_max' | 'over_group_max';
  max?: number;
};

export type RatingResult = { rating: Rating; total: number | null; issues: RatingIssue[] };

/** Checks the points against the set's maxima; no rating is given while any issue remains. */
export function checkRatingPoints(set: RatingCriteriaSet, points: Record<string, number>): RatingIssue[] {
  const issues: RatingIssue[] = [];
  const known = new Map(set.groups.flatMap((g) => g.criteria.map((c) => [c.code, c] as const)));
  for (const [code, value] of Object.entries(points)) {
    const c = known.get(code);
    if (!c) issues.push({ criterion: code, code: 'unknown_criterion' });
    else if (value < 0) issues.push({ criterion: code, code: 'negative' });
    else if (c.maxPoints !== null && value > c.maxPoints)
      issues.push({ criterion: code, code: 'over_criterion_max', max: c.maxPoints });
  }
  for (const g of set.groups) {
    const sum = g.criteria.reduce((s, c) => s + (points[c.code] ?? 0), 0);
    if (sum > g.maxPoints) issues.push({ criterion: g.code, code: 'over_group_max', max: g.maxPoints });
  }
  return issues;
}

/** The rating band for a year's points, or not rated when the cooperative cannot be rated that year. */
export function rateCooperative(
  set: RatingCriteriaSet,
  points: Record<string, number> | null,
  year: { monthsOperating: number; suspendedMonths: number },
): RatingResult {
  if (year.monthsOperating < set.minMonthsOperating || year.suspendedMonths > set.maxSuspendedMonths || !points) {
    return { rating: 'not_rated', total: null, issues: [] };
  }
  const issues = checkRatingPoints(set, points);
  if (issues.length > 0) return { rating: 'not_rated', total: null, issues };
  const total = Object.values(points).reduce((s, v) => s + v, 0);
  const band = set.bands.find((b) => total >= b.minScore);
  return { rating: band?.rating ?? 'weak', total, issues };
}
