import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { plans } from './plans.schema.ts';
import { insertPlan, insertTargets } from './plans.repository.ts';

type SeedTarget = { indicatorId: string; value: number; baseline: number | null };
type SeedPlan = {
  plan: Omit<typeof plans.$inferInsert, 'id'>;
  year: number;
  targets: SeedTarget[];
};

/**
 * The demo plans, with the figures as published (Hanoi news, 14/02/2021 for Plan 35; the OCOP
 * coordination office for the yearly OCOP plan). Baselines are the end-of-2020 figures the same
 * article gives: "more than 3,000" entities (3,048 = 3,200 − 152), VND 2.75 bn revenue, VND 50 m income.
 */
export const DEMO_PLANS: SeedPlan[] = [
  {
    plan: {
      number: '35/KH-UBND',
      title: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã Thành phố Hà Nội năm 2021',
      issuingBody: 'UBND Thành phố Hà Nội',
      issuedOn: '2021-02-01',
      periodStart: '2021-01-01',
      periodEnd: '2021-12-31',
      status: 'closed',
      description:
        'Thành lập mới 152 tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã, nâng tổng số lên 3.200; doanh thu bình quân của hợp tác xã 2,9 tỷ đồng/năm; thu nhập bình quân của người lao động 54 triệu đồng (số liệu như đã công bố).',
      publicProgress: true,
    },
    year: 2021,
    targets: [
      { indicatorId: 'coop_entities_new', value: 152, baseline: null },
      { indicatorId: 'coop_entities_total', value: 3200, baseline: 3048 },
      { indicatorId: 'coop_avg_revenue', value: 2_900_000_000, baseline: 2_750_000_000 },
      { indicatorId: 'coop_avg_worker_income', value: 54_000_000, baseline: 50_000_000 },
    ],
  },
  {
    plan: {
      number: 'KH-OCOP-2026',
      title: 'Kế hoạch thực hiện Chương trình OCOP Thành phố Hà Nội năm 2026',
      issuingBody: 'UBND Thành phố Hà Nội',
      issuedOn: '2026-01-15',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      status: 'active',
      description:
        'Đánh giá, phân hạng ít nhất 400 sản phẩm OCOP đạt 3 sao trở lên; mở mới 30–40 điểm trưng bày, giới thiệu và bán sản phẩm OCOP.',
      publicProgress: true,
    },
    year: 2026,
    targets: [
      { indicatorId: 'ocop_products_3star_plus', value: 400, baseline: null },
      { indicatorId: 'coops_with_ocop', value: 100, baseline: null },
      { indicatorId: 'showrooms_opened', value: 30, baseline: null },
    ],
  },
];

/** Demo mode, empty plan table only: the two demo plans and their city targets. Returns whether it seeded. */
export async function seedDemoPlans(db: Db): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(plans);
  if ((existing?.n ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    for (const { plan, year, targets } of DEMO_PLANS) {
      const planId = await insertPlan(tx, plan);
      await insertTargets(
        tx,
        // One millisecond apart: the plan page lists targets in the order they were set.
        targets.map((t, i) => ({
          createdAt: new Date(Date.now() + i),
          planId,
          indicatorId: t.indicatorId,
          indicatorVersion: 1,
          scopeLevel: 'city',
          year,
          value: t.value,
          baseline: t.baseline,
          direction: 'at_least',
        })),
      );
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'plans.plan.create',
        entityType: 'plan',
        entityId: planId,
        after: { ...plan, targets, demo: true },
      });
    }
  });
  return true;
}
