import { createPlanBodySchema, findIndicator, targetBodySchema, vietnamDate } from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseTarget } from '../../../apps/server/src/db/client.ts';
import { findSessionUserById } from '../../../apps/server/src/modules/identity/identity.repository.ts';
import { createPlansService } from '../../../apps/server/src/modules/plans/plans.service.ts';
import type { BenchAccount } from './databases.ts';
import type { PlanFixtures } from './routes.ts';

/**
 * The plans dashboard's bench data (issue 7): one active plan of the current year with the 15
 * city targets the issue names, created through the plans service as a city admin (validation,
 * audit and all), over the synthetic register and the bench catalogue. Every indicator read from
 * the records is here: the register's stocks and flows, the annual reports' averages, the OCOP
 * certificates and the outlets; only manually entered indicators are left out.
 */

/** The commune the drill-down route reads: Xã Đông Anh, as the register routes use. */
export const DRILL_DOWN_COMMUNE = '00454';

const TARGETS: readonly { indicatorId: string; value: number }[] = [
  { indicatorId: 'coop_entities_total', value: 3_200 },
  { indicatorId: 'coop_entities_active', value: 3_000 },
  { indicatorId: 'cooperatives_total', value: 1_500 },
  { indicatorId: 'coop_entities_new', value: 152 },
  { indicatorId: 'coop_avg_revenue', value: 2_900_000_000 },
  { indicatorId: 'coop_avg_worker_income', value: 54_000_000 },
  { indicatorId: 'agri_coops_active', value: 1_000 },
  { indicatorId: 'agri_coops_suspended', value: 20 },
  { indicatorId: 'coops_value_chain', value: 300 },
  { indicatorId: 'coops_high_tech', value: 100 },
  { indicatorId: 'ocop_products_3star', value: 300 },
  { indicatorId: 'ocop_products_3star_plus', value: 400 },
  { indicatorId: 'coops_with_ocop', value: 100 },
  { indicatorId: 'showrooms_open', value: 150 },
  { indicatorId: 'showrooms_opened', value: 35 },
];

/** How many targets the dashboard routes check for. */
export const PLAN_TARGETS = TARGETS.length;

export async function seedBenchPlan(target: DatabaseTarget, admin: BenchAccount): Promise<PlanFixtures> {
  const database = await openDatabase(target);
  try {
    const { db } = database;
    const user = await findSessionUserById(db, admin.userId);
    if (!user) throw new Error(`no user for ${admin.email}`);
    const actor = { userId: user.id, requestId: null, ip: null };
    const plans = createPlansService({ db });
    const year = Number(vietnamDate(new Date()).slice(0, 4));
    const plan = await plans.create(
      user,
      createPlanBodySchema.parse({
        number: `BENCH-${year}`,
        title: `Kế hoạch bench kinh tế tập thể và OCOP năm ${year}`,
        issuingBody: 'UBND Thành phố Hà Nội',
        issuedOn: `${year}-01-15`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        status: 'active',
      }),
      actor,
    );
    for (const t of TARGETS) {
      const indicator = findIndicator({ id: t.indicatorId, version: 1 });
      if (!indicator) throw new Error(`no indicator ${t.indicatorId} v1`);
      await plans.addTarget(
        user,
        plan.id,
        targetBodySchema.parse({
          indicatorId: indicator.id,
          indicatorVersion: indicator.version,
          year,
          value: t.value,
        }),
        actor,
      );
    }
    await db.execute(sql`vacuum (analyze) plans, plan_targets`);
    return { planId: plan.id };
  } finally {
    await database.close();
  }
}
