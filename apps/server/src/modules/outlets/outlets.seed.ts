import { vietnamDate, type OutletType } from '@hoptac/core';
import { and, asc, count, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { users } from '../identity/identity.schema.ts';
import { ocopCertificates } from '../ocop/ocop.schema.ts';
import { outletProducts, outlets } from './outlets.schema.ts';

/** The demo outlet operator keeps the outlets marked `demoOperator`. */
const DEMO_OPERATOR_EMAIL = 'outlet@demo.hoptac.vn';

type DemoOutlet = {
  name: string;
  type: OutletType;
  address: string;
  communeCode: string;
  lat: number | null;
  lng: number | null;
  openedOn: string;
  closedOn?: string;
  url?: string;
  demoOperator?: boolean;
};

// Synthetic outlets at plausible places in Hà Nội (communes of the 2025-07 scheme); contacts use
// example.vn addresses so no real business is named.
const DEMO_OUTLETS: DemoOutlet[] = [
  {
    name: 'Trung tâm giới thiệu sản phẩm OCOP Hoàn Kiếm',
    type: 'ocop_showroom',
    address: 'Số 12 phố Tràng Tiền',
    communeCode: '00070',
    lat: 21.0249,
    lng: 105.8553,
    openedOn: '2023-04-15',
  },
  {
    name: 'Điểm giới thiệu sản phẩm OCOP Ba Đình',
    type: 'ocop_showroom',
    address: 'Số 5 phố Nguyễn Thái Học',
    communeCode: '00004',
    lat: 21.0338,
    lng: 105.8405,
    openedOn: '2024-09-02',
  },
  {
    name: 'Cửa hàng gốm làng nghề Bát Tràng',
    type: 'craft_village_shop',
    address: 'Chợ gốm Bát Tràng, thôn Giang Cao',
    communeCode: '00577',
    lat: 20.9756,
    lng: 105.9127,
    openedOn: '2022-03-10',
  },
  {
    name: 'Điểm bán sản phẩm OCOP Đông Anh',
    type: 'point_of_sale',
    address: 'Số 68 đường Cao Lỗ',
    communeCode: '00454',
    lat: 21.1397,
    lng: 105.8486,
    openedOn: '2025-10-20',
    demoOperator: true,
  },
  {
    name: 'Quầy OCOP siêu thị Cầu Giấy',
    type: 'supermarket_counter',
    address: 'Tầng 1, số 222 đường Trần Duy Hưng',
    communeCode: '00166',
    lat: 21.0089,
    lng: 105.7993,
    openedOn: '2024-01-08',
  },
  {
    name: 'Showroom OCOP Tây Hồ',
    type: 'ocop_showroom',
    address: 'Số 31 đường Lạc Long Quân',
    communeCode: '00103',
    lat: 21.0663,
    lng: 105.8136,
    openedOn: '2026-03-18',
    demoOperator: true,
  },
  {
    name: 'Điểm bán lụa và sản phẩm OCOP Hà Đông',
    type: 'point_of_sale',
    address: 'Số 9 phố Vạn Phúc',
    communeCode: '09556',
    lat: 20.9797,
    lng: 105.7749,
    openedOn: '2025-05-05',
  },
  {
    name: 'Điểm bán sản phẩm OCOP Sơn Tây',
    type: 'point_of_sale',
    address: 'Số 2 phố Phó Đức Chính',
    communeCode: '09574',
    lat: 21.1412,
    lng: 105.5063,
    openedOn: '2026-06-01',
  },
  {
    name: 'Quầy OCOP siêu thị Long Biên',
    type: 'supermarket_counter',
    address: 'Số 7 đường Nguyễn Văn Linh',
    communeCode: '00145',
    lat: 21.0453,
    lng: 105.8895,
    openedOn: '2025-08-12',
  },
  {
    name: 'Gian hàng OCOP Hà Nội trực tuyến',
    type: 'online_shop',
    address: 'Bán hàng trực tuyến, giao toàn thành phố',
    communeCode: '00070',
    lat: null,
    lng: null,
    openedOn: '2024-06-01',
    url: 'https://ocop-hanoi.example.vn',
  },
  {
    name: 'Điểm bán sản phẩm OCOP Thường Tín',
    type: 'point_of_sale',
    address: 'Số 40 đường Nguyễn Trãi',
    communeCode: '10183',
    lat: 20.8712,
    lng: 105.8623,
    openedOn: '2023-02-01',
    closedOn: '2025-12-31',
  },
];

/**
 * Demo mode only, on an empty outlet table: the outlets above, each stocking some of the products
 * certified at the time (the demo catalogue seeds them first), two of them kept by the demo
 * outlet operator. Returns how many outlets it seeded.
 */
export async function seedDemoOutlets(db: Db, now = new Date()): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(outlets);
  if ((existing?.n ?? 0) > 0) return 0;
  const [operator] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_OPERATOR_EMAIL));
  const today = vietnamDate(now);
  const certified = await db
    .selectDistinct({ productId: ocopCertificates.productId, issuedOn: ocopCertificates.issuedOn })
    .from(ocopCertificates)
    .where(and(isNull(ocopCertificates.revokedAt), gte(ocopCertificates.validUntil, today)))
    .orderBy(asc(ocopCertificates.issuedOn), asc(ocopCertificates.productId));
  await db.transaction(async (tx) => {
    for (const [i, o] of DEMO_OUTLETS.entries()) {
      const { demoOperator, ...fields } = o;
      const [row] = await tx
        .insert(outlets)
        .values({
          ...fields,
          operatorId: demoOperator ? (operator?.id ?? null) : null,
          openingHours: o.type === 'online_shop' ? null : 'Thứ Hai – Chủ nhật, 8:00–21:00',
          contact: `lienhe${i + 1}@ocop-hanoi.example.vn`,
          url: o.url ?? null,
        })
        .returning({ id: outlets.id });
      // Every outlet carries a different slice of the certified products (about a third of them).
      const stocked = certified.filter((_, k) => (k + i) % 3 === 0).slice(0, 25);
      const since = (issuedOn: string) => (issuedOn > o.openedOn ? issuedOn : o.openedOn);
      if (stocked.length > 0)
        await tx
          .insert(outletProducts)
          .values(stocked.map((p) => ({ outletId: row!.id, productId: p.productId, since: since(p.issuedOn) })))
          .onConflictDoNothing();
    }
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'outlet.seed',
      entityType: 'outlet',
      after: { outlets: DEMO_OUTLETS.length, certifiedProducts: certified.length, demo: true },
    });
  });
  return DEMO_OUTLETS.length;
}
