// Demo catalogue: well-known Hanoi craft-village and farm products as certified OCOP products of
// invented producers. Names of places and products are real; producers, figures and decisions are
// made up for the demo (the stories say what the place is known for, nothing about real firms).

export type DemoProducer = {
  key: string;
  type: 'cooperative' | 'cooperative_group' | 'enterprise' | 'household_business';
  name: string;
  sector: 'agriculture' | 'non_agriculture';
  communeCode: string;
  oldCommuneCode: string;
  oldDistrictCode: string;
  lat: number;
  lng: number;
  website: string | null;
  description: string;
};

export type DemoProduct = {
  producer: string;
  name: string;
  rubricId: string;
  productSet: string;
  star: 3 | 4 | 5;
  total: number;
  /** Decision date; certificates run 36 months from it. */
  decidedOn: string;
  revoked?: string;
  priceVnd: number;
  priceUnit: string;
  packaging: string;
  story: string;
  shopLinks: { label: string; url: string }[];
};

export const DEMO_PRODUCERS: DemoProducer[] = [
  {
    key: 'phu-dien',
    type: 'cooperative',
    name: 'HTX Nông nghiệp Phú Diễn',
    sector: 'agriculture',
    communeCode: '00619',
    oldCommuneCode: '00619',
    oldDistrictCode: '021',
    lat: 21.0485,
    lng: 105.7611,
    website: null,
    description:
      'Hợp tác xã của các hộ trồng bưởi Diễn trên đất bãi ven sông Nhuệ, giữ giống bưởi cổ của làng Phú Diễn.',
  },
  {
    key: 'bat-trang',
    type: 'cooperative',
    name: 'HTX Gốm sứ Bát Tràng',
    sector: 'non_agriculture',
    communeCode: '00577',
    oldCommuneCode: '00583',
    oldDistrictCode: '018',
    lat: 20.9756,
    lng: 105.9128,
    website: 'https://gom-battrang.example.vn',
    description:
      'Hợp tác xã của các lò gốm làng Bát Tràng bên sông Hồng, làm gốm men lam, men rạn và men lục theo lối cổ.',
  },
  {
    key: 'van-phuc',
    type: 'cooperative',
    name: 'HTX Dệt lụa Vạn Phúc',
    sector: 'non_agriculture',
    communeCode: '09556',
    oldCommuneCode: '09544',
    oldDistrictCode: '268',
    lat: 20.9805,
    lng: 105.7748,
    website: 'https://lua-vanphuc.example.vn',
    description: 'Các khung dệt của làng lụa Vạn Phúc bên sông Nhuệ, dệt lụa tơ tằm, lụa vân và the.',
  },
  {
    key: 'ba-vi',
    type: 'cooperative',
    name: 'HTX Chè an toàn Ba Vì',
    sector: 'agriculture',
    communeCode: '09700',
    oldCommuneCode: '09703',
    oldDistrictCode: '271',
    lat: 21.0829,
    lng: 105.3787,
    website: null,
    description: 'Đồi chè dưới chân núi Ba Vì, hái tay một tôm hai lá, sao bằng chảo gang.',
  },
  {
    key: 'dan-phuong',
    type: 'cooperative_group',
    name: 'Tổ hợp tác Nem Phùng Đan Phượng',
    sector: 'agriculture',
    communeCode: '09784',
    oldCommuneCode: '09823',
    oldDistrictCode: '273',
    lat: 21.0883,
    lng: 105.6683,
    website: null,
    description: 'Các hộ làm nem Phùng theo cách truyền thống: thịt thăn, bì lợn và thính gạo rang.',
  },
  {
    key: 'duong-lam',
    type: 'enterprise',
    name: 'Công ty TNHH Tương Đường Lâm',
    sector: 'agriculture',
    communeCode: '09574',
    oldCommuneCode: '09592',
    oldDistrictCode: '269',
    lat: 21.1554,
    lng: 105.4745,
    website: 'https://tuong-duonglam.example.vn',
    description: 'Ủ tương nếp trong chum sành ở làng cổ Đường Lâm, từ đậu tương và gạo nếp của vùng.',
  },
  {
    key: 'dong-anh',
    type: 'cooperative',
    name: 'HTX Mật ong hoa nhãn Đông Anh',
    sector: 'agriculture',
    communeCode: '00454',
    oldCommuneCode: '00454',
    oldDistrictCode: '017',
    lat: 21.1367,
    lng: 105.8483,
    website: null,
    description: 'Các hộ nuôi ong lấy mật theo mùa hoa nhãn ở bãi sông Đuống và sông Hồng.',
  },
];

const shop = (label: string, slug: string) => ({ label, url: `https://shop.example.vn/${slug}` });

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    producer: 'phu-dien',
    name: 'Bưởi Diễn Phú Diễn',
    rubricId: 'qd26-2026-rau-cu-qua-hat-tuoi',
    productSet: 'Rau, củ, quả, hạt tươi',
    star: 4,
    total: 78,
    decidedOn: '2025-06-12',
    priceVnd: 80_000,
    priceUnit: 'quả',
    packaging: 'Quả 1–1,5 kg, tem truy xuất; hộp quà 2 quả',
    story:
      'Bưởi Diễn có vỏ mỏng, tép vàng, vị ngọt thanh, để được lâu sau Tết. Giống bưởi được trồng trên đất Phú Diễn từ hơn một trăm năm.',
    shopLinks: [shop('Gian hàng trên sàn thương mại điện tử', 'buoi-dien-phu-dien')],
  },
  {
    producer: 'bat-trang',
    name: 'Bình gốm men lam Bát Tràng',
    rubricId: 'qd26-2026-thu-cong-my-nghe',
    productSet: 'Thủ công mỹ nghệ',
    star: 5,
    total: 92,
    decidedOn: '2025-09-20',
    priceVnd: 1_200_000,
    priceUnit: 'chiếc',
    packaging: 'Hộp giấy cứng lót xốp, kèm giấy chứng nhận nguồn gốc',
    story: 'Bình vẽ tay men lam trên xương gốm trắng, nung ở 1.250 °C. Mỗi chiếc mang dấu lò và chữ ký người vẽ.',
    shopLinks: [shop('Cửa hàng trực tuyến', 'gom-bat-trang'), shop('Gian hàng Shopee', 'gom-bat-trang-shopee')],
  },
  {
    producer: 'bat-trang',
    name: 'Bộ ấm chén gốm men rạn Bát Tràng',
    rubricId: 'qd26-2026-thu-cong-my-nghe',
    productSet: 'Thủ công mỹ nghệ',
    star: 4,
    total: 81,
    decidedOn: '2024-08-05',
    priceVnd: 650_000,
    priceUnit: 'bộ',
    packaging: 'Hộp gỗ, 1 ấm và 6 chén',
    story: 'Men rạn cổ phủ tro trấu, mỗi bộ một vân rạn riêng.',
    shopLinks: [shop('Cửa hàng trực tuyến', 'am-chen-bat-trang')],
  },
  {
    producer: 'van-phuc',
    name: 'Khăn lụa tơ tằm Vạn Phúc',
    rubricId: 'qd26-2026-vai-may-mac',
    productSet: 'Vải, may mặc',
    star: 4,
    total: 84,
    decidedOn: '2025-06-12',
    priceVnd: 450_000,
    priceUnit: 'chiếc',
    packaging: 'Hộp giấy dó, khăn 180 × 55 cm',
    story: 'Lụa tơ tằm dệt trên khung của làng Vạn Phúc, nhuộm màu tự nhiên, mềm và mát.',
    shopLinks: [shop('Cửa hàng trực tuyến', 'lua-van-phuc')],
  },
  {
    producer: 'van-phuc',
    name: 'Lụa vân Vạn Phúc',
    rubricId: 'qd26-2026-vai-may-mac',
    productSet: 'Vải, may mặc',
    star: 3,
    total: 68,
    decidedOn: '2024-08-05',
    priceVnd: 350_000,
    priceUnit: 'mét',
    packaging: 'Cuộn vải khổ 90 cm, cắt theo mét',
    story: 'Lụa vân hoa chìm dệt theo mẫu cổ của làng.',
    shopLinks: [],
  },
  {
    producer: 'ba-vi',
    name: 'Chè xanh Ba Vì',
    rubricId: 'qd26-2026-che-tuoi-che-che-bien',
    productSet: 'Chè tươi, chè chế biến',
    star: 3,
    total: 66,
    decidedOn: '2023-03-15',
    priceVnd: 250_000,
    priceUnit: 'gói 500 g',
    packaging: 'Túi hút chân không 500 g',
    story: 'Chè búp hái tay trên đồi Ba Vì, sao chảo gang, nước xanh, vị chát dịu, hậu ngọt.',
    shopLinks: [],
  },
  {
    producer: 'dan-phuong',
    name: 'Nem Phùng',
    rubricId: 'qd26-2026-che-bien-tu-thit-thuy-san-trung-sua-mat-ong',
    productSet: 'Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác',
    star: 3,
    total: 70,
    decidedOn: '2025-06-12',
    priceVnd: 120_000,
    priceUnit: 'hộp 10 chiếc',
    packaging: 'Hộp 10 chiếc gói lá chuối, bảo quản mát',
    story: 'Nem trộn thính gạo rang, ăn kèm lá sung, lá đinh lăng và nước chấm sánh.',
    shopLinks: [],
  },
  {
    producer: 'duong-lam',
    name: 'Tương nếp Đường Lâm',
    rubricId: 'qd26-2026-tuong-nuoc-mam-gia-vi-dang-long',
    productSet: 'Tương, nước mắm, gia vị dạng lỏng khác',
    star: 4,
    total: 76,
    decidedOn: '2024-08-05',
    priceVnd: 60_000,
    priceUnit: 'chai 500 ml',
    packaging: 'Chai thủy tinh 500 ml',
    story: 'Tương ủ trong chum sành ít nhất ba tháng dưới nắng làng cổ.',
    shopLinks: [shop('Cửa hàng trực tuyến', 'tuong-duong-lam')],
  },
  {
    producer: 'dong-anh',
    name: 'Mật ong hoa nhãn Đông Anh',
    rubricId: 'qd26-2026-mat-ong-mat-khac-nong-san-thuc-pham-khac',
    productSet: 'Mật ong, mật khác và nông sản thực phẩm khác',
    star: 3,
    total: 65,
    decidedOn: '2025-06-12',
    revoked: '2026-02-10',
    priceVnd: 180_000,
    priceUnit: 'chai 500 ml',
    packaging: 'Chai thủy tinh 500 ml',
    story: 'Mật ong thu vào mùa hoa nhãn tháng Ba, tháng Tư.',
    shopLinks: [],
  },
];
