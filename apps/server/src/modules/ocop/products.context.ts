import type { SessionUser } from '@hoptac/core';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import { productScopeOf, scopeCovers } from './products.access.ts';
import { findProduct, type ProductRow } from './products.repository.ts';

/** A product the caller's scope covers: 404 when it does not exist, 403 when out of scope. */
export async function loadProductInScope(db: DbOrTx, user: SessionUser, id: string): Promise<ProductRow> {
  const row = await findProduct(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such product');
  const entity = { id: row.product.entityId, communeCode: row.entityCommuneCode };
  if (!scopeCovers(productScopeOf(user), entity)) throw new AppError('FORBIDDEN', 'Not your product');
  return row;
}
