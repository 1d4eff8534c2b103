import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { users } from '../../modules/identity/identity.schema.ts';
import { annualReports, entities } from '../../modules/registry/registry.schema.ts';
import { registerGenerator } from './synthetic/register/register.generator.ts';
import type { SyntheticGenerator } from './synthetic/generator.ts';
import { seedSynthetic } from './synthetic/registry.ts';
import { SCALES } from './synthetic/scales.ts';

/** The demo account that acts for a cooperative, and where that cooperative is (Xã Đông Anh). */
export const DEMO_COOP_EMAIL = 'coop@demo.hoptac.vn';
export const DEMO_COOP_COMMUNE = '00454';
/** The person behind the demo account becomes the cooperative's legal representative. */
const DEMO_COOP_REPRESENTATIVE = 'Vũ Đức Thắng';
/** The year the demo cooperative still has to file: every earlier year is approved. */
export const DEMO_OPEN_YEAR = 2025;

export type DemoRegisterResult = {
  entities: number;
  ms: number;
  /** The cooperative the demo coop account now acts for, when that account exists. */
  demoCooperative: { id: string; name: string } | null;
};

/**
 * Links the demo cooperative account to the first (by name) active agricultural cooperative of
 * Xã Đông Anh registered before 2021, whose 2021–2024 reports are all approved, and removes its
 * 2025 report so the demo can file it. Does nothing when the account is absent or already linked.
 */
async function linkDemoCooperative(db: DbOrTx): Promise<{ id: string; name: string } | null> {
  const [account] = await db
    .select({ id: users.id, entityId: users.entityId })
    .from(users)
    .where(eq(users.email, DEMO_COOP_EMAIL));
  if (!account || account.entityId) return null;
  const approvedBefore = sql<number>`(
    select count(*) from ${annualReports} r
    where r.entity_id = ${entities.id} and r.year between 2021 and ${DEMO_OPEN_YEAR - 1} and r.status = 'approved'
  )`;
  const [coop] = await db
    .select({ id: entities.id, name: entities.name })
    .from(entities)
    .where(
      and(
        eq(entities.communeCode, DEMO_COOP_COMMUNE),
        eq(entities.type, 'cooperative'),
        eq(entities.status, 'active'),
        sql`'agriculture' = any(${entities.sectors})`,
        sql`${entities.registrationDate} < '2021-01-01'`,
        sql`${approvedBefore} = ${DEMO_OPEN_YEAR - 2021}`,
      ),
    )
    .orderBy(asc(entities.nameFolded), asc(entities.id))
    .limit(1);
  if (!coop)
    throw new Error(
      `Demo register: no active agricultural cooperative with approved reports 2021–${DEMO_OPEN_YEAR - 1} in commune ${DEMO_COOP_COMMUNE}`,
    );

  await db
    .delete(annualReports)
    .where(and(eq(annualReports.entityId, coop.id), eq(annualReports.year, DEMO_OPEN_YEAR)));
  // Its classification now comes from the latest approved year, which is the one before.
  const [latest] = await db
    .select({ rating: annualReports.rating, scaleClass: annualReports.scaleClass })
    .from(annualReports)
    .where(and(eq(annualReports.entityId, coop.id), eq(annualReports.year, DEMO_OPEN_YEAR - 1)));
  await db
    .update(entities)
    .set({
      legalRepresentative: DEMO_COOP_REPRESENTATIVE,
      rating: latest?.rating ?? null,
      ratingYear: DEMO_OPEN_YEAR - 1,
      scaleClass: latest?.scaleClass ?? null,
    })
    .where(eq(entities.id, coop.id));
  await db.update(users).set({ entityId: coop.id }).where(eq(users.id, account.id));
  await recordAudit(db, SYSTEM_ACTOR, {
    action: 'user.entity_linked',
    entityType: 'user',
    entityId: account.id,
    after: { entityId: coop.id, demo: true },
  });
  return coop;
}

/**
 * Demo data for the register: on an empty register, the hanoi-scale synthetic register (same
 * generator and seed as the bench), then the demo cooperative link, in one transaction. Later
 * starts find entities and leave everything as users changed it.
 */
export async function seedDemoRegister(db: Db): Promise<DemoRegisterResult | null> {
  const [row] = await db.select({ n: count() }).from(entities);
  if ((row?.n ?? 0) > 0) return null;
  let demoCooperative: DemoRegisterResult['demoCooperative'] = null;
  const link: SyntheticGenerator = {
    name: 'demo-cooperative',
    async run({ db: tx }) {
      demoCooperative = await linkDemoCooperative(tx);
      return { created: demoCooperative ? 1 : 0, existing: 0 };
    },
  };
  const report = await seedSynthetic(db, SCALES.hanoi, [registerGenerator, link]);
  // Statistics and a visibility map for the new rows (PGlite has no autovacuum to do it later).
  await db.execute(sql`vacuum (analyze) entities, entity_status_history, entity_members, annual_reports`);
  const created = report.results.find((r) => r.name === registerGenerator.name)?.created ?? 0;
  return { entities: created, ms: report.ms, demoCooperative };
}
