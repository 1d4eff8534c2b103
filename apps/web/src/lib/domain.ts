/**
 * Constants of the shared contracts, restated here so the browser bundle does not pull in
 * zod through @hoptac/core's index. Each one is typed as `typeof` the core constant (a
 * type-only import), so any change in packages/core breaks `tsc` until this file follows.
 */
import type {
  CAPITAL_CAP as CoreCapitalCap,
  COOPERATIVE_TYPES as CoreCooperativeTypes,
  CURRENT_SCHEME as CoreCurrentScheme,
  ENTITY_STATUSES as CoreEntityStatuses,
  ENTITY_TYPES as CoreEntityTypes,
  IMPORT_KINDS as CoreImportKinds,
  EntityStatus,
  MEMBER_KINDS as CoreMemberKinds,
  MEMBERSHIPS as CoreMemberships,
  MINIMUM_OFFICIAL_MEMBERS as CoreMinimumOfficialMembers,
  PASSWORD_MIN_LENGTH as CorePasswordMinLength,
  RATING_TT01_2020 as CoreRatingTt01,
  RATINGS as CoreRatings,
  REPORT_ACTIONS as CoreReportActions,
  REPORT_STATUSES as CoreReportStatuses,
  ROLES as CoreRoles,
  SCALE_CLASSES as CoreScaleClasses,
  SCHEMES as CoreSchemes,
  SECTORS as CoreSectors,
  UNIT_LEVELS as CoreUnitLevels,
} from '@hoptac/core';

export const ROLES: typeof CoreRoles = [
  'city_admin',
  'commune_officer',
  'council_member',
  'entity_member',
  'buyer',
  'outlet_operator',
];

export const SCHEMES: typeof CoreSchemes = ['2025-01', '2025-07'];

export const CURRENT_SCHEME: typeof CoreCurrentScheme = '2025-07';

export const UNIT_LEVELS: typeof CoreUnitLevels = ['province', 'district', 'commune'];

export const PASSWORD_MIN_LENGTH: typeof CorePasswordMinLength = 10;

// ---------- Registry (mirrors packages/core/src/registry) ----------

export const ENTITY_TYPES: typeof CoreEntityTypes = [
  'cooperative_group',
  'cooperative',
  'cooperative_union',
  'enterprise',
  'household_business',
];

/** Types governed by the Law on Cooperatives: they file annual reports and are rated. */
export const COOPERATIVE_TYPES: typeof CoreCooperativeTypes = ['cooperative_group', 'cooperative', 'cooperative_union'];

export const ENTITY_STATUSES: typeof CoreEntityStatuses = [
  'active',
  'suspended',
  'reorganising',
  'dissolved',
  'bankrupt',
  'certificate_revoked',
];

export const SECTORS: typeof CoreSectors = ['agriculture', 'non_agriculture', 'credit'];

export const MEMBER_KINDS: typeof CoreMemberKinds = ['individual', 'household', 'legal_entity'];

export const MEMBERSHIPS: typeof CoreMemberships = ['official', 'associate'];

export const RATINGS: typeof CoreRatings = ['good', 'fair', 'average', 'weak', 'not_rated'];

export const SCALE_CLASSES: typeof CoreScaleClasses = ['micro', 'small', 'medium', 'large'];

export const REPORT_STATUSES: typeof CoreReportStatuses = ['draft', 'submitted', 'accepted', 'approved', 'returned'];

export const REPORT_ACTIONS: typeof CoreReportActions = ['submit', 'accept', 'approve', 'return', 'unlock'];

/** One member's cap as a share of charter capital (Law on Cooperatives 17/2023/QH15). */
export const CAPITAL_CAP: typeof CoreCapitalCap = { cooperative: 0.3, cooperative_union: 0.4 };

export const MINIMUM_OFFICIAL_MEMBERS: typeof CoreMinimumOfficialMembers = {
  cooperative_group: 2,
  cooperative: 5,
  cooperative_union: 3,
};

/**
 * The status changes the registry accepts (packages/core/src/registry/status.ts): dissolution,
 * bankruptcy and revocation are final. The server has the last word (409 INVALID_STATUS_CHANGE).
 */
export const NEXT_STATUSES: Record<EntityStatus, readonly EntityStatus[]> = {
  active: ['suspended', 'reorganising', 'dissolved', 'bankrupt', 'certificate_revoked'],
  suspended: ['active', 'reorganising', 'dissolved', 'bankrupt', 'certificate_revoked'],
  reorganising: ['active', 'suspended', 'dissolved', 'bankrupt', 'certificate_revoked'],
  dissolved: [],
  bankrupt: [],
  certificate_revoked: [],
};

/** Rating criteria of TT 01/2020/TT-BKHĐT: groups, criteria and bands (titles come from the locale files). */
export const RATING_TT01_2020: typeof CoreRatingTt01 = {
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

/** What an XLSX import loads. */
export const IMPORT_KINDS: typeof CoreImportKinds = ['entities', 'annual-reports'];
