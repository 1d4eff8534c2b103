import type { SessionUser } from '@hoptac/core';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import * as repo from './dossiers.repository.ts';
import { dossierCapacity, type DossierCapacity } from './rounds.access.ts';

export type DossierContext = { row: repo.DossierRow; cap: DossierCapacity };

/** A dossier and what the caller is to it: 404 when it does not exist, 403 (or CONFLICT_OF_INTEREST) when hidden. */
export async function loadDossier(db: DbOrTx, user: SessionUser, id: string): Promise<DossierContext> {
  const row = await repo.findDossier(db, id, user.id);
  if (!row) throw new AppError('NOT_FOUND', 'No such dossier');
  const cap = dossierCapacity(user, {
    entityId: row.dossier.entityId,
    communeCode: row.entity.communeCode,
    status: row.dossier.status,
    roundStatus: row.round.status,
    seat: row.seat,
    declaredConflict: row.declaredConflict,
  });
  return { row, cap };
}
