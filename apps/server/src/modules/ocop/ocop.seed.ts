import { vietnamDate } from '@hoptac/core';
import { count, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { users } from '../identity/identity.schema.ts';
import { ocopRounds } from './ocop.schema.ts';
import { insertRound, saveCouncil } from './rounds.repository.ts';

/** The demo council: the three demo council accounts (identity.seed.ts). */
export const DEMO_COUNCIL = [
  { email: 'council1@demo.hoptac.vn', role: 'chair' },
  { email: 'council2@demo.hoptac.vn', role: 'secretary' },
  { email: 'council3@demo.hoptac.vn', role: 'member' },
] as const;

const DEMO_ROUND_DAYS = 183;

/**
 * Demo mode only: on an empty round table, one open QĐ 26/2026 round of the current year taking
 * submissions for six months, with the demo council accounts as chair, secretary and member.
 * Later starts find a round and leave everything as users changed it. Returns whether it seeded.
 */
export async function seedDemoOcopRound(db: Db, now = new Date()): Promise<boolean> {
  const [rounds] = await db.select({ n: count() }).from(ocopRounds);
  if ((rounds?.n ?? 0) > 0) return false;
  const accounts = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_COUNCIL.map((m) => m.email),
      ),
    );
  if (accounts.length !== DEMO_COUNCIL.length) return false;
  const idOf = new Map(accounts.map((a) => [a.email.toLowerCase(), a.id]));
  const year = Number(vietnamDate(now).slice(0, 4));
  const deadline = vietnamDate(new Date(now.getTime() + DEMO_ROUND_DAYS * 86_400_000));
  await db.transaction(async (tx) => {
    const roundId = await insertRound(tx, {
      name: `Kỳ đánh giá, phân hạng sản phẩm OCOP Thành phố Hà Nội năm ${year}`,
      year,
      processRegime: 'qd26-2026',
      rubricDecision: 'qd26-2026',
      status: 'open',
      submissionDeadline: deadline,
      openedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const members = DEMO_COUNCIL.map((m) => ({ userId: idOf.get(m.email)!, role: m.role }));
    await saveCouncil(tx, roundId, 10, members, idOf.get(DEMO_COUNCIL[0].email)!, now);
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'ocop.round.create',
      entityType: 'ocop_round',
      entityId: roundId,
      after: { year, status: 'open', submissionDeadline: deadline, council: members, demo: true },
    });
  });
  return true;
}
