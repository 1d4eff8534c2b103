import {
  vietnamDate,
  type OcopCouncilRole,
  type RubricAnswers,
  type RubricSheet,
  type SessionUser,
} from '@hoptac/core';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseTarget, type Db } from '../../../apps/server/src/db/client.ts';
import type { Actor } from '../../../apps/server/src/kernel/audit.ts';
import { findSessionUserById } from '../../../apps/server/src/modules/identity/identity.repository.ts';
import { findDossierOfProduct } from '../../../apps/server/src/modules/ocop/dossiers.repository.ts';
import { fillEvidenceLocker } from '../../../apps/server/src/modules/ocop/evidence.seed.ts';
import { createDossiersService, type DossiersService } from '../../../apps/server/src/modules/ocop/dossiers.service.ts';
import { createProductsService, type ProductsService } from '../../../apps/server/src/modules/ocop/products.service.ts';
import { floorAnswers, raiseTo, SET, SHEET } from '../../../apps/server/src/modules/ocop/rounds.fixtures.ts';
import { createRoundsService } from '../../../apps/server/src/modules/ocop/rounds.service.ts';
import { createRubricsService, type RubricsService } from '../../../apps/server/src/modules/ocop/rubrics.service.ts';
import { createScoringService } from '../../../apps/server/src/modules/ocop/scoring.service.ts';
import { createBenchAccount, type BenchAccount } from './databases.ts';
import type { CouncilAccountName, OcopFixtures } from './routes.ts';

/**
 * The OCOP evaluation bench's data, seeded in the bench process before the server starts (PGlite
 * has a single opener): an open QĐ 26/2026 round, its council of nine, and products of distinct
 * synthetic entities, each submitted with a complete self-assessment and forwarded to the
 * council. Everything goes through the OCOP module's own services, as a city admin, so every row
 * (the dossier's pinned sheet version above all) is what the server itself would have written.
 */

/** The council the requirement names: a chair, a secretary and seven members, in seat order. */
export const COUNCIL_SEATS: readonly { name: CouncilAccountName; role: OcopCouncilRole }[] = [
  { name: 'ocop-chair', role: 'chair' },
  { name: 'ocop-secretary', role: 'secretary' },
  ...Array.from({ length: 7 }, (_, i) => ({ name: `ocop-member-${i + 1}` as const, role: 'member' as const })),
];

/** Products the council scores in one scenario run. */
export const SCENARIO_PRODUCTS = 100;

const DEADLINE_DAYS = 30;

/**
 * Deterministic answer sets on one sheet, each raised from the cheapest levels meeting the 4★
 * minimums to an exact total (70–89), so every total is reachable and the star stays 4.
 */
export function answerSets(sheet: RubricSheet) {
  const floor = floorAnswers(sheet, 4);
  const byTotal = new Map<number, RubricAnswers>();
  const ofTotal = (total: number): { answers: RubricAnswers; total: number } => {
    let answers = byTotal.get(total);
    if (!answers) byTotal.set(total, (answers = raiseTo(sheet, floor, total)));
    return { answers, total };
  };
  return {
    /** The producer's self-assessment of the n-th product. */
    selfAssessment: (product: number) => ofTotal(70 + (product % 20)),
    /** Seat `seat` (0–8) on a run's `index`-th dossier: the nine totals of a dossier all differ. */
    member: (seat: number, index: number) => ofTotal(70 + 2 * seat + (index % 3)),
  };
}

export type OcopBench = {
  /** The council in seat order, with the passwords this run gave them. */
  council: BenchAccount[];
  fixtures: OcopFixtures;
  /** Per scenario run, its own dossiers: a submitted sheet is final, so no run can reuse another's. */
  runDossiers: string[][];
  /** The sheet version every dossier pinned. */
  sheet: RubricSheet;
  ms: number;
};

async function sessionOf(db: Db, account: BenchAccount): Promise<{ user: SessionUser; actor: Actor }> {
  const user = await findSessionUserById(db, account.userId);
  if (!user) throw new Error(`no user for ${account.email}`);
  return { user, actor: { userId: user.id, requestId: null, ip: null } };
}

/** `count` active entities in a fixed order that mixes types and communes (ids are deterministic). */
async function pickEntities(db: Db, count: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from entities where status = 'active' order by md5(id::text) limit ${count}`,
  );
  if (rows.length < count) throw new Error(`the register has ${rows.length} active entities; OCOP needs ${count}`);
  return rows.map((r) => r.id);
}

type Services = { rubrics: RubricsService; dossiers: DossiersService; products: ProductsService };

/** A product of the entity, self-assessed and submitted into the open round, then forwarded: its dossier id. */
async function forwardedDossier(
  db: Db,
  { dossiers, products }: Services,
  admin: { user: SessionUser; actor: Actor },
  roundId: string,
  entityId: string,
  name: string,
  selfAssessment: RubricAnswers,
): Promise<string> {
  const { user, actor } = admin;
  const product = await products.create(user, { entityId, name, rubricId: SHEET, productSet: SET }, actor);
  await products.saveSelfAssessment(user, product.id, selfAssessment, actor);
  // Submitting needs the entity's documents in its evidence locker.
  await fillEvidenceLocker(db, entityId, vietnamDate(new Date()));
  await products.submit(user, product.id, actor);
  const dossier = await findDossierOfProduct(db, roundId, product.id);
  if (!dossier) throw new Error(`${name} entered no dossier in the bench round`);
  await dossiers.forward(user, dossier.id, null, actor);
  return dossier.id;
}

/** An open QĐ 26/2026 round taking submissions for a month, with the council seated: its id. */
async function openRound(db: Db, admin: { user: SessionUser; actor: Actor }, council: BenchAccount[]) {
  const rounds = createRoundsService({ db });
  const today = vietnamDate(new Date());
  const deadline = vietnamDate(new Date(Date.now() + DEADLINE_DAYS * 86_400_000));
  const year = Number(today.slice(0, 4));
  const { user, actor } = admin;
  const round = await rounds.create(
    user,
    { name: `Kỳ đánh giá OCOP bench ${year}`, year, processRegime: 'qd26-2026', submissionDeadline: deadline },
    actor,
  );
  await rounds.open(user, round.id, actor);
  const members = COUNCIL_SEATS.map((seat, i) => ({ userId: council[i]!.userId, role: seat.role }));
  await rounds.setCouncil(user, round.id, { disagreementThreshold: 10, members }, actor);
  return round.id;
}

/**
 * Seeds the council, the round and 2 + runs × 100 forwarded dossiers: one where ocop-member-1's
 * draft is saved over and over (the save route), one where all nine members submit here (the
 * aggregate route), and 100 per scenario run. Throws on any failure: the routes need it all.
 */
export async function seedOcopEvaluation(
  target: DatabaseTarget,
  admin: BenchAccount,
  runs: number,
): Promise<OcopBench> {
  const started = performance.now();
  const database = await openDatabase(target);
  try {
    const { db } = database;
    const council: BenchAccount[] = [];
    for (const seat of COUNCIL_SEATS)
      council.push(await createBenchAccount(db, seat.name, 'council_member', `Hội đồng OCOP bench: ${seat.name}`));
    const asAdmin = await sessionOf(db, admin);
    const roundId = await openRound(db, asAdmin, council);

    const rubrics = createRubricsService(db);
    const dossiers = createDossiersService({ db, rubrics });
    const services = { rubrics, dossiers, products: createProductsService({ db, rubrics }) };
    // A new product is self-assessed on the latest version of its sheet, which its dossier pins.
    const selfAnswers = answerSets(await rubrics.load(SHEET));
    const dossierIds: string[] = [];
    for (const [n, entityId] of (await pickEntities(db, 2 + runs * SCENARIO_PRODUCTS)).entries()) {
      const name = `Sản phẩm OCOP bench ${String(n + 1).padStart(3, '0')}`;
      const self = selfAnswers.selfAssessment(n).answers;
      dossierIds.push(await forwardedDossier(db, services, asAdmin, roundId, entityId, name, self));
    }
    const [draftDossierId, aggregateDossierId, ...scenario] = dossierIds as [string, string, ...string[]];

    const pinned = await dossiers.get(asAdmin.user, aggregateDossierId);
    const sheet = await rubrics.load(pinned.rubricId, pinned.rubricVersion);
    const answers = answerSets(sheet);
    const scoring = createScoringService({ db, rubrics, dossiers });
    for (const [seat, account] of council.entries()) {
      const { user, actor } = await sessionOf(db, account);
      await scoring.save(user, aggregateDossierId, { answers: answers.member(seat, 0).answers }, actor);
      await scoring.submit(user, aggregateDossierId, actor);
    }
    // As prepareDatabase does for the register: the planner sees these tables' real sizes.
    await db.execute(
      sql`vacuum (analyze) users, user_roles, ocop_rounds, ocop_council_members, ocop_products,
          ocop_self_assessments, ocop_dossiers, ocop_dossier_events, ocop_score_sheets`,
    );
    return {
      council,
      // Seat 2 is ocop-member-1, the save route's account.
      fixtures: { draftDossierId, aggregateDossierId, draftAnswers: answers.member(2, 0).answers },
      runDossiers: Array.from({ length: runs }, (_, r) =>
        scenario.slice(r * SCENARIO_PRODUCTS, (r + 1) * SCENARIO_PRODUCTS),
      ),
      sheet,
      ms: performance.now() - started,
    };
  } finally {
    await database.close();
  }
}
