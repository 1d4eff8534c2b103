import type { Db } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import * as repo from './verify.repository.ts';

/**
 * Startup: a short code for every certified product without one (certified before codes
 * existed, or loaded by a seed). Issuing a certificate sets it otherwise. Returns how many.
 */
export async function assignMissingVerifyCodes(db: Db): Promise<number> {
  const ids = await repo.productsMissingVerifyCode(db);
  for (const id of ids)
    await db.transaction(async (tx) => {
      await repo.ensureVerifyCode(tx, id);
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'ocop.product.verify_code',
        entityType: 'ocop_product',
        entityId: id,
      });
    });
  return ids.length;
}
