import {
  type EntityStatus,
  type EntityType,
  type ImportKind,
  type Rating,
  type ReportStatus,
  type ScaleClass,
  type Sector,
} from '@hoptac/core';

// The registry's spreadsheet vocabulary: Vietnamese labels of its enumerations, sheet and file names.
export type { ImportKind };

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  cooperative_group: 'Tổ hợp tác',
  cooperative: 'Hợp tác xã',
  cooperative_union: 'Liên hiệp hợp tác xã',
  enterprise: 'Doanh nghiệp',
  household_business: 'Hộ kinh doanh',
};
export const ENTITY_STATUS_LABELS: Record<EntityStatus, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng hoạt động',
  reorganising: 'Đang tổ chức lại',
  dissolved: 'Đã giải thể',
  bankrupt: 'Phá sản',
  certificate_revoked: 'Bị thu hồi giấy chứng nhận',
};
export const SECTOR_LABELS: Record<Sector, string> = {
  agriculture: 'Nông nghiệp',
  non_agriculture: 'Phi nông nghiệp',
  credit: 'Tín dụng',
};
export const RATING_LABELS: Record<Rating, string> = {
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  weak: 'Yếu',
  not_rated: 'Không xếp loại',
};
export const SCALE_LABELS: Record<ScaleClass, string> = {
  micro: 'Siêu nhỏ',
  small: 'Nhỏ',
  medium: 'Vừa',
  large: 'Lớn',
};
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Nháp',
  submitted: 'Đã nộp',
  accepted: 'Xã đã tiếp nhận',
  approved: 'Thành phố đã duyệt',
  returned: 'Trả lại để sửa',
};
export const SHEET_NAMES: Record<ImportKind, string> = { entities: 'Chủ thể', 'annual-reports': 'Báo cáo năm' };
export const FILE_NAMES: Record<ImportKind, string> = {
  entities: 'mau-nhap-chu-the.xlsx',
  'annual-reports': 'mau-nhap-bao-cao-nam.xlsx',
};
