/**
 * Registry vocabulary. Legal background: Law on Cooperatives 17/2023/QH15 (tổ hợp tác, hợp tác xã,
 * liên hiệp hợp tác xã), and the four kinds of OCOP owner (enterprise, cooperative, cooperative
 * group, household business) used by the OCOP programme (QĐ 919/QĐ-TTg, QĐ 26/2026/QĐ-TTg).
 */
export const ENTITY_TYPES = [
  'cooperative_group',
  'cooperative',
  'cooperative_union',
  'enterprise',
  'household_business',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Types governed by the Law on Cooperatives: they file annual reports and are rated. */
export const COOPERATIVE_TYPES: readonly EntityType[] = ['cooperative_group', 'cooperative', 'cooperative_union'];

/**
 * Lifecycle statuses mirroring the registration authority's records (TT 09/2024/TT-BKHĐT forms):
 * operating, temporarily suspended (tạm ngừng), reorganising (chia, tách, hợp nhất, sáp nhập,
 * chuyển đổi), dissolved (giải thể), bankrupt (phá sản), registration certificate revoked.
 */
export const ENTITY_STATUSES = [
  'active',
  'suspended',
  'reorganising',
  'dissolved',
  'bankrupt',
  'certificate_revoked',
] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

export const SECTORS = ['agriculture', 'non_agriculture', 'credit'] as const;
export type Sector = (typeof SECTORS)[number];

export const MEMBER_KINDS = ['individual', 'household', 'legal_entity'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

export const MEMBERSHIPS = ['official', 'associate'] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

/** Annual rating bands of TT 01/2020/TT-BKHĐT: Tốt, Khá, Trung bình, Yếu, or not rated. */
export const RATINGS = ['good', 'fair', 'average', 'weak', 'not_rated'] as const;
export type Rating = (typeof RATINGS)[number];

export const SCALE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type ScaleClass = (typeof SCALE_CLASSES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
