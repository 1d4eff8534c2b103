/** Vietnamese wording of the registry's rule codes (the services' own messages are English). */
const RULE_MESSAGES: Record<string, string> = {
  invalid_format:
    'Mã số sai định dạng với loại hình (HTX, liên hiệp HTX, doanh nghiệp: mã số thuế 10 số; tổ hợp tác, hộ kinh doanh: 6–20 chữ, số)',
  required: 'Loại hình này bắt buộc có mã số đăng ký (mã số thuế)',
  unknown_commune: 'Không có xã/phường mang mã này trong danh mục sau 1/7/2025',
  unknown_old_commune: 'Không có xã mang mã này trong danh mục trước 1/7/2025',
  not_a_predecessor: 'Xã cũ này không phải là tiền thân của xã/phường mới đã ghi',
  incomplete_location: 'Ghi cả vĩ độ và kinh độ, hoặc bỏ trống cả hai',
  outside_scope: 'Xã/phường này ngoài phạm vi quản lý của bạn',
  exceeds_revenue: 'Không được lớn hơn doanh thu',
  exceeds_workers: 'Không được lớn hơn tổng số lao động',
  exceeds_total_capital: 'Không được lớn hơn tổng nguồn vốn',
  unknown_criterion: 'Không có tiêu chí này',
  negative: 'Điểm không được âm',
  over_criterion_max: 'Vượt điểm tối đa của tiêu chí',
  over_group_max: 'Tổng điểm của nhóm tiêu chí vượt mức tối đa',
  future_year: 'Năm báo cáo chưa bắt đầu',
  before_registration: 'Năm báo cáo trước năm chủ thể đăng ký',
};

/** A rule issue in Vietnamese; a limit the service named ("max 7") is kept. */
export function ruleMessage(code: string, fallback: string): string {
  const base = RULE_MESSAGES[code];
  if (!base) return fallback;
  const limit = /max (\d+)/.exec(fallback) ?? /registered in (\d{4})/.exec(fallback);
  return limit ? `${base} (${limit[1]})` : base;
}
