// Vietnamese words the synthetic register is made of: what Hanoi's communes are known for, how
// cooperatives, groups, companies and household businesses are named, why a status changed.
// Placing a speciality in a commune follows common knowledge of Hanoi's craft villages and farm
// areas (Bát Tràng pottery, Vạn Phúc silk, Phú Vinh rattan…); it is plausible colour, not a survey.

export type SyntheticSector = 'agriculture' | 'non_agriculture';

export type Speciality = {
  /** Stored in entities.specialisations and used after "Tổ hợp tác": lower case. */
  label: string;
  /** Used in names after "HTX", "Công ty TNHH"…: capitalised noun phrase. */
  product: string;
  sector: SyntheticSector;
  /** Current (2025-07) commune names where it is typical; empty = a generic activity. */
  communes: readonly string[];
  /** What is produced and sold, for "Sản xuất và tiêu thụ {goods}"; absent for services (transport, markets…). */
  goods?: string;
  /** A service rather than goods: no "Sản xuất và tiêu thụ …" names. */
  service?: boolean;
  /** Rough share of such entities that apply high technology (greenhouses, traceability…). */
  highTech?: number;
};

export const SPECIALITIES: readonly Speciality[] = [
  // Agriculture, local.
  {
    label: 'bưởi Diễn',
    product: 'Bưởi Diễn',
    sector: 'agriculture',
    communes: [
      'Phú Diễn',
      'Xuân Phương',
      'Phúc Thọ',
      'Phúc Lộc',
      'Hát Môn',
      'Chương Mỹ',
      'Trần Phú',
      'Quảng Bị',
      'Xuân Mai',
      'Cổ Đô',
    ],
  },
  { label: 'hoa đào Nhật Tân', product: 'Hoa đào Nhật Tân', sector: 'agriculture', communes: ['Tây Hồ', 'Phú Thượng'] },
  {
    label: 'hoa, cây cảnh',
    product: 'Hoa cây cảnh',
    goods: 'hoa, cây cảnh',
    sector: 'agriculture',
    communes: ['Tây Tựu', 'Thượng Cát', 'Mê Linh', 'Tiến Thắng', 'Quang Minh', 'Đan Phượng', 'Liên Minh', 'Phú Thượng'],
    highTech: 0.2,
  },
  {
    label: 'hoa hồng',
    product: 'Hoa hồng',
    sector: 'agriculture',
    communes: ['Mê Linh', 'Tiến Thắng', 'Yên Lãng'],
    highTech: 0.2,
  },
  {
    label: 'gạo nếp cái hoa vàng',
    product: 'Nếp cái hoa vàng',
    sector: 'agriculture',
    communes: ['Đông Anh', 'Thư Lâm', 'Phúc Thịnh', 'Thiên Lộc', 'Vĩnh Thanh'],
  },
  {
    label: 'rau an toàn',
    product: 'Rau an toàn',
    sector: 'agriculture',
    communes: [
      'Đông Anh',
      'Thư Lâm',
      'Vĩnh Thanh',
      'Gia Lâm',
      'Thuận An',
      'Phù Đổng',
      'Thanh Trì',
      'Đại Thanh',
      'Ngọc Hồi',
      'Quang Minh',
      'Đan Phượng',
      'Liên Minh',
      'Chương Dương',
      'Lĩnh Nam',
      'Yên Sở',
      'An Khánh',
    ],
    highTech: 0.15,
  },
  {
    label: 'chè',
    product: 'Chè',
    sector: 'agriculture',
    communes: [
      'Ba Vì',
      'Yên Bài',
      'Suối Hai',
      'Sóc Sơn',
      'Kim Anh',
      'Đa Phúc',
      'Nội Bài',
      'Hòa Lạc',
      'Hạ Bằng',
      'Phú Cát',
    ],
  },
  {
    label: 'sữa bò',
    product: 'Bò sữa',
    goods: 'sữa bò',
    sector: 'agriculture',
    communes: ['Ba Vì', 'Yên Bài', 'Vật Lại', 'Quảng Oai', 'Cổ Đô', 'Suối Hai'],
    highTech: 0.15,
  },
  {
    label: 'mật ong',
    product: 'Mật ong',
    sector: 'agriculture',
    communes: ['Ba Vì', 'Yên Bài', 'Suối Hai', 'Sóc Sơn', 'Kim Anh', 'Hương Sơn', 'Phúc Sơn', 'Hòa Lạc'],
  },
  {
    label: 'nấm',
    product: 'Nấm',
    sector: 'agriculture',
    communes: ['Mê Linh', 'Yên Lãng', 'Phú Xuyên', 'Phượng Dực', 'Đại Xuyên', 'Thanh Oai', 'Bình Minh', 'Ứng Thiên'],
    highTech: 0.2,
  },
  {
    label: 'cá, thủy sản',
    product: 'Nuôi trồng thủy sản',
    goods: 'cá',
    sector: 'agriculture',
    communes: [
      'Ứng Hòa',
      'Ứng Thiên',
      'Vân Đình',
      'Hòa Xá',
      'Phú Xuyên',
      'Chuyên Mỹ',
      'Đại Xuyên',
      'Mỹ Đức',
      'Hồng Sơn',
      'Phúc Sơn',
      'Yên Sở',
      'Bất Bạt',
      'Dân Hòa',
      'Thượng Phúc',
    ],
  },
  {
    label: 'miến dong',
    product: 'Miến dong',
    sector: 'agriculture',
    communes: ['Quảng Oai', 'Vật Lại', 'Minh Châu', 'Bình Minh'],
  },
  {
    label: 'chuối tiêu hồng',
    product: 'Chuối',
    sector: 'agriculture',
    communes: ['Minh Châu', 'Đan Phượng', 'Hát Môn', 'Phúc Lộc'],
  },
  { label: 'cam Canh', product: 'Cam Canh', sector: 'agriculture', communes: ['Xuân Phương', 'Tây Mỗ', 'Đại Mỗ'] },
  {
    label: 'gà đồi',
    product: 'Gà đồi',
    sector: 'agriculture',
    communes: ['Sóc Sơn', 'Kim Anh', 'Ba Vì', 'Yên Bài', 'Hòa Lạc'],
  },
  { label: 'gà Mía', product: 'Gà Mía', sector: 'agriculture', communes: ['Sơn Tây', 'Tùng Thiện', 'Đoài Phương'] },
  {
    label: 'sen Tây Hồ',
    product: 'Trà sen',
    goods: 'trà sen',
    sector: 'agriculture',
    communes: ['Tây Hồ', 'Phú Thượng', 'Hồng Hà'],
  },
  {
    label: 'dưa lưới nhà màng',
    product: 'Dưa lưới',
    sector: 'agriculture',
    communes: ['Gia Lâm', 'Đông Anh', 'Mê Linh', 'Thanh Trì'],
    highTech: 0.6,
  },
  { label: 'ổi', product: 'Ổi', sector: 'agriculture', communes: ['Gia Lâm', 'Thuận An', 'Trung Giã'] },
  // Agriculture, anywhere rural.
  {
    label: 'lúa chất lượng cao',
    product: 'Lúa chất lượng cao',
    goods: 'lúa gạo',
    sector: 'agriculture',
    communes: [],
    highTech: 0.05,
  },
  {
    label: 'chăn nuôi lợn',
    product: 'Chăn nuôi',
    goods: 'thịt lợn sạch',
    sector: 'agriculture',
    communes: [],
    highTech: 0.08,
  },
  { label: 'cây ăn quả', product: 'Cây ăn quả', sector: 'agriculture', communes: [] },
  { label: 'rau an toàn', product: 'Rau an toàn', sector: 'agriculture', communes: [], highTech: 0.1 },
  { label: 'nấm', product: 'Nấm', sector: 'agriculture', communes: [], highTech: 0.15 },
  { label: 'cá, thủy sản', product: 'Nuôi trồng thủy sản', goods: 'cá', sector: 'agriculture', communes: [] },
  // Crafts and food processing, local.
  { label: 'gốm sứ Bát Tràng', product: 'Gốm sứ Bát Tràng', sector: 'non_agriculture', communes: ['Bát Tràng'] },
  { label: 'lụa Vạn Phúc', product: 'Lụa Vạn Phúc', sector: 'non_agriculture', communes: ['Hà Đông'] },
  {
    label: 'mây tre đan Phú Vinh',
    product: 'Mây tre đan Phú Vinh',
    sector: 'non_agriculture',
    communes: ['Phú Nghĩa'],
  },
  { label: 'khảm trai Chuyên Mỹ', product: 'Khảm trai', sector: 'non_agriculture', communes: ['Chuyên Mỹ'] },
  {
    label: 'thêu ren Quất Động',
    product: 'Thêu ren',
    sector: 'non_agriculture',
    communes: ['Thường Tín', 'Hồng Vân', 'Thượng Phúc'],
  },
  { label: 'sơn mài Hạ Thái', product: 'Sơn mài', sector: 'non_agriculture', communes: ['Thường Tín'] },
  { label: 'đồ thờ Sơn Đồng', product: 'Tượng gỗ Sơn Đồng', sector: 'non_agriculture', communes: ['Sơn Đồng'] },
  { label: 'quạt Chàng Sơn', product: 'Quạt giấy', sector: 'non_agriculture', communes: ['Tây Phương', 'Thạch Thất'] },
  { label: 'nón lá Chuông', product: 'Nón lá', sector: 'non_agriculture', communes: ['Thanh Oai', 'Dân Hòa'] },
  { label: 'giò chả Ước Lễ', product: 'Giò chả', sector: 'non_agriculture', communes: ['Tam Hưng', 'Thanh Oai'] },
  { label: 'bánh chưng Tranh Khúc', product: 'Bánh chưng', sector: 'non_agriculture', communes: ['Thanh Trì'] },
  { label: 'tương Cự Đà', product: 'Tương', sector: 'non_agriculture', communes: ['Bình Minh'] },
  { label: 'chè lam Thạch Xá', product: 'Chè lam', sector: 'non_agriculture', communes: ['Tây Phương', 'Thạch Thất'] },
  { label: 'cốm làng Vòng', product: 'Cốm', sector: 'non_agriculture', communes: ['Cầu Giấy', 'Nghĩa Đô'] },
  { label: 'bún Phú Đô', product: 'Bún', sector: 'non_agriculture', communes: ['Từ Liêm'] },
  { label: 'dệt kim La Phù', product: 'Dệt kim', sector: 'non_agriculture', communes: ['Hoài Đức', 'Dương Hòa'] },
  { label: 'giày da Phú Yên', product: 'Giày da', sector: 'non_agriculture', communes: ['Phú Xuyên'] },
  { label: 'rượu mơ Hương Sơn', product: 'Rượu mơ', sector: 'non_agriculture', communes: ['Hương Sơn'] },
  {
    label: 'đồ gỗ mỹ nghệ',
    product: 'Đồ gỗ mỹ nghệ',
    sector: 'non_agriculture',
    communes: ['Đông Anh', 'Thạch Thất', 'Tây Phương', 'Hạ Bằng', 'Sơn Đồng'],
  },
  // Non-agricultural, anywhere.
  { label: 'chế biến nông sản', product: 'Chế biến nông sản', sector: 'non_agriculture', communes: [], highTech: 0.1 },
  { label: 'vận tải', product: 'Vận tải', sector: 'non_agriculture', communes: [], service: true },
  { label: 'vệ sinh môi trường', product: 'Môi trường', sector: 'non_agriculture', communes: [], service: true },
  { label: 'điện năng', product: 'Dịch vụ điện năng', sector: 'non_agriculture', communes: [], service: true },
  {
    label: 'thương mại, dịch vụ',
    product: 'Thương mại dịch vụ',
    sector: 'non_agriculture',
    communes: [],
    service: true,
  },
  { label: 'xây dựng', product: 'Xây dựng', sector: 'non_agriculture', communes: [], service: true },
  { label: 'may mặc', product: 'May mặc', goods: 'hàng may mặc', sector: 'non_agriculture', communes: [] },
  { label: 'quản lý chợ', product: 'Dịch vụ chợ', sector: 'non_agriculture', communes: [], service: true },
];

/** People's credit funds are cooperatives of the credit sector: one activity, one name pattern. */
export const CREDIT_SPECIALITY: Speciality = {
  label: 'tín dụng nhân dân',
  product: 'Tín dụng',
  sector: 'non_agriculture',
  communes: [],
  service: true,
};

/**
 * Name patterns of agricultural cooperatives: {place} is a commune or old commune, {product} a
 * speciality's name form, {productLower} the same with a lower-case first letter, {goods} what it
 * sells (patterns with {goods} are skipped for services).
 */
export const AGRI_COOP_PATTERNS: readonly (readonly [string, number])[] = [
  ['HTX Nông nghiệp {place}', 30],
  ['HTX Dịch vụ nông nghiệp {place}', 25],
  ['HTX Dịch vụ nông nghiệp tổng hợp {place}', 8],
  ['HTX Sản xuất và tiêu thụ {goods} {place}', 10],
  ['HTX {product} {place}', 15],
  ['HTX Nông nghiệp sạch {place}', 4],
  ['HTX Nông sản {place}', 4],
];

export const HIGH_TECH_COOP_PATTERN = 'HTX Nông nghiệp công nghệ cao {place}';

export const NON_AGRI_COOP_PATTERNS: readonly (readonly [string, number])[] = [
  ['HTX {product} {place}', 50],
  ['HTX Dịch vụ tổng hợp {place}', 15],
  ['HTX Sản xuất và kinh doanh {goods} {place}', 12],
  ['HTX Tiểu thủ công nghiệp {place}', 8],
];

export const CREDIT_FUND_PATTERN = 'Quỹ tín dụng nhân dân {place}';

export const UNION_PATTERNS: readonly (readonly [string, number])[] = [
  ['Liên hiệp HTX Nông nghiệp {area}', 30],
  ['Liên hiệp HTX Dịch vụ nông nghiệp {area}', 25],
  ['Liên hiệp HTX {product} {area}', 25],
  ['Liên hiệp HTX Thương mại và Dịch vụ {area}', 10],
];

export const GROUP_PATTERNS: readonly (readonly [string, number])[] = [
  ['Tổ hợp tác {productLower} {place}', 40],
  ['Tổ hợp tác sản xuất {goods} {place}', 25],
  ['Tổ hợp tác dịch vụ nông nghiệp {place}', 12],
  ['Tổ hợp tác nông nghiệp {place}', 8],
];

export const ENTERPRISE_PATTERNS: readonly (readonly [string, number])[] = [
  ['Công ty TNHH {product} {brand}', 35],
  ['Công ty Cổ phần {product} {brand}', 20],
  ['Công ty TNHH Thương mại và Dịch vụ {brand}', 12],
  ['Công ty TNHH Nông sản sạch {brand}', 10],
  ['Công ty Cổ phần Thực phẩm {brand}', 10],
  ['Công ty TNHH {product} {place}', 13],
];

export const HOUSEHOLD_PATTERNS: readonly (readonly [string, number])[] = [
  ['Hộ kinh doanh {owner}', 60],
  ['Hộ kinh doanh {product} {brand}', 30],
  ['Hộ kinh doanh {product} {place}', 10],
];

/** Two-word trade names in the style Vietnamese companies use. */
export const BRANDS: readonly string[] = [
  'An Phát',
  'Bảo Minh',
  'Đại Việt',
  'Đông Đô',
  'Hà Thành',
  'Hoàng Gia',
  'Hồng Hà',
  'Hưng Thịnh',
  'Lạc Hồng',
  'Minh Long',
  'Minh Phát',
  'Phú An',
  'Phúc Hưng',
  'Phương Đông',
  'Sông Hồng',
  'Tân Tiến',
  'Thăng Long',
  'Thành Đạt',
  'Thiên Phú',
  'Tràng An',
  'Trường Thịnh',
  'Việt Xanh',
  'Xanh Việt',
  'Kim Ngân',
  'Ngọc Lan',
  'Hòa Bình',
  'Thịnh Vượng',
  'Phú Gia',
  'Đức Thành',
  'Nam Việt',
  'Ba Vì Xanh',
  'Đồng Xanh',
  'Mùa Vàng',
  'Hương Quê',
  'Sen Việt',
  'Làng Nghề',
  'Vạn Xuân',
  'Tây Đô',
  'Quốc Tế',
  'Sao Việt',
];

/** Value-chain partners that are not in the register (retail chains, exporters, kitchens). */
export const CHAIN_PARTNER_KINDS: readonly string[] = [
  'Chuỗi cửa hàng thực phẩm sạch {brand}',
  'Công ty CP Xuất nhập khẩu Nông sản {brand}',
  'Công ty TNHH Phân phối {brand}',
  'Hệ thống siêu thị {brand}',
  'Công ty CP Suất ăn công nghiệp {brand}',
  'Trung tâm Xúc tiến thương mại nông nghiệp Hà Nội',
];

/** Village names used in addresses ("Thôn Đoài, Xã Thư Lâm"). */
export const VILLAGES: readonly string[] = [
  'Thôn Đông',
  'Thôn Đoài',
  'Thôn Nam',
  'Thôn Bắc',
  'Thôn Thượng',
  'Thôn Trung',
  'Thôn Hạ',
  'Thôn Chợ',
  'Thôn Đình',
  'Thôn Mới',
  'Thôn 1',
  'Thôn 2',
  'Thôn 3',
  'Thôn 4',
  'Xóm Mới',
  'Xóm Chùa',
];

export const STREET_KINDS: readonly string[] = ['Phố', 'Đường', 'Ngõ'];

export const AGRI_SERVICES: readonly string[] = [
  'Dịch vụ thủy lợi',
  'Dịch vụ làm đất',
  'Bảo vệ thực vật',
  'Cung ứng giống, phân bón, vật tư nông nghiệp',
  'Tiêu thụ sản phẩm cho thành viên',
  'Dịch vụ điện sinh hoạt',
  'Tín dụng nội bộ',
  'Chuyển giao khoa học kỹ thuật',
  'Sơ chế, đóng gói nông sản',
];

export const NON_AGRI_SERVICES: readonly string[] = [
  'Sản xuất và bán sản phẩm của thành viên',
  'Cung ứng nguyên liệu cho thành viên',
  'Đào tạo, truyền nghề',
  'Giới thiệu, quảng bá sản phẩm',
  'Bán hàng trực tuyến',
  'Tư vấn thiết kế mẫu mã',
];

/** Why the first row of a timeline exists, per entity type. */
export const REGISTRATION_REASON: Record<string, string> = {
  cooperative: 'Đăng ký thành lập hợp tác xã',
  cooperative_union: 'Đăng ký thành lập liên hiệp hợp tác xã',
  cooperative_group: 'Đăng ký hoạt động tổ hợp tác',
  enterprise: 'Đăng ký thành lập doanh nghiệp',
  household_business: 'Đăng ký hộ kinh doanh',
};

/** Cooperatives registered in 1997–1999 were mostly old-style cooperatives converted under the 1996 law. */
export const CONVERSION_REASON = 'Chuyển đổi và đăng ký lại theo Luật Hợp tác xã năm 1996';

export const STATUS_REASONS: Record<'suspended' | 'reorganising' | 'dissolved', readonly string[]> = {
  suspended: [
    'Tạm ngừng kinh doanh do thiếu vốn lưu động',
    'Tạm ngừng hoạt động để củng cố tổ chức, bầu lại Hội đồng quản trị',
    'Tạm ngừng do đất sản xuất bị thu hồi thực hiện dự án',
    'Tạm ngừng do thiếu lao động và thị trường tiêu thụ',
    'Tạm ngừng kinh doanh 12 tháng theo nghị quyết Đại hội thành viên',
  ],
  reorganising: [
    'Hợp nhất với hợp tác xã cùng địa bàn sau sắp xếp đơn vị hành chính',
    'Chuyển đổi tổ chức, hoạt động theo Luật Hợp tác xã số 17/2023/QH15',
    'Tách thành hai hợp tác xã theo địa bàn xã mới',
    'Sáp nhập vào hợp tác xã dịch vụ nông nghiệp của xã',
  ],
  dissolved: [
    'Giải thể tự nguyện theo nghị quyết Đại hội thành viên',
    'Giải thể do không còn hoạt động sản xuất, kinh doanh',
    'Giải thể bắt buộc do ngừng hoạt động quá 12 tháng liên tục',
    'Giải thể do không đủ số lượng thành viên tối thiểu',
  ],
};

/** Issuers of registrations by era (district offices until the July 2025 reform). */
export const ISSUERS = {
  districtCoopOffice: 'Phòng Tài chính - Kế hoạch {district}',
  communeCommittee: 'UBND {commune}',
  cityEnterpriseBefore2025: 'Sở Kế hoạch và Đầu tư Thành phố Hà Nội',
  cityEnterpriseSince2025: 'Sở Tài chính Thành phố Hà Nội',
  districtHousehold: 'Phòng Tài chính - Kế hoạch {district}',
} as const;
