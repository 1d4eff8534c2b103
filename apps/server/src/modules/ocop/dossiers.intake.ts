import { vietnamDate } from '@hoptac/core';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import * as dossiers from './dossiers.repository.ts';
import { lockOpenRoundForDecision } from './rounds.repository.ts';

export type Intake = {
  productId: string;
  entityId: string;
  /** The self-assessment's sheet version: the dossier is scored on it. */
  rubricId: string;
  rubricVersion: number;
  /** The sheet's decision: the product enters the open round scoring on that decision's sheets. */
  decisionCode: string;
  selfTotal: number | null;
  selfStar: number | null;
  actorId: string;
  at: Date;
};

/**
 * Makes a submitted product a dossier (status received) in the open round of its sheet's
 * decision, inside the submitting transaction. The round row is locked for share, so a round
 * closing at the same moment either sees the dossier or refuses it. A product returned earlier in
 * the same round re-enters with its dossier; a product the round already evaluated waits for the
 * next round. NO_OPEN_ROUND when no round of that decision is open or its deadline has passed.
 */
export async function enterOpenRound(tx: Tx, p: Intake): Promise<{ dossierId: string; roundId: string }> {
  // The product row, locked: of two submissions at once, the second finds it no longer a draft.
  const product = await dossiers.lockProduct(tx, p.productId);
  if (product?.status !== 'draft')
    throw new AppError('ACTION_NOT_ALLOWED', 'Only a draft product can be submitted', { status: product?.status });
  const round = await lockOpenRoundForDecision(tx, p.decisionCode);
  if (!round || vietnamDate(p.at) > round.submissionDeadline)
    throw new AppError('NO_OPEN_ROUND', 'No evaluation round is taking submissions', {
      decision: p.decisionCode,
      ...(round ? { roundId: round.id, deadline: round.submissionDeadline } : {}),
    });
  const pinned = {
    rubricId: p.rubricId,
    rubricVersion: p.rubricVersion,
    selfTotal: p.selfTotal,
    selfStar: p.selfStar,
    receivedAt: p.at,
  };
  const existing = await dossiers.findDossierOfProduct(tx, round.id, p.productId);
  let dossierId: string;
  if (existing) {
    if (existing.status !== 'returned')
      throw new AppError(
        'ACTION_NOT_ALLOWED',
        'This round has already taken the product; submit it in the next round',
        {
          dossierId: existing.id,
          status: existing.status,
        },
      );
    dossierId = existing.id;
    await dossiers.updateDossier(tx, dossierId, { ...pinned, status: 'received' }, p.at);
  } else {
    dossierId = await dossiers.insertDossier(tx, {
      ...pinned,
      roundId: round.id,
      productId: p.productId,
      entityId: p.entityId,
      status: 'received',
      updatedAt: p.at,
    });
  }
  await dossiers.insertEvent(tx, { dossierId, action: 'received', comment: null, actorId: p.actorId, at: p.at });
  return { dossierId, roundId: round.id };
}
