import type { EntityListQuery } from '@hoptac/core';
import type { DbOrTx } from '../../db/client.ts';
import * as repo from './entities.repository.ts';
import type { ListScope } from './registry.access.ts';

type Counted = { total: number; revision: number };

/**
 * Totals of the register's filtered lists, each kept for the register revision it was counted at.
 *
 * A page of 50 stops early in the name index, but its total has to visit every match: with a broad
 * search over the national register that is thousands of rows, tens of times the page's own cost.
 * Paging through one result set, or many officials opening the same view, asks for the same total
 * again; any write to `entities` raises the revision (a trigger, whichever process wrote), and a
 * total from an older revision is never served.
 */
export function createRegisterTotals(capacity = 500) {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recently used.
  const cache = new Map<string, Counted>();

  function remember(key: string, counted: Counted) {
    cache.delete(key);
    cache.set(key, counted);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
  }

  return {
    /**
     * The total for these filters at `revision` (the revision the page was read at), counting only
     * when no total for that revision is known. A count read at a later revision than the page is
     * still returned: it is the newer truth, and the next page read will ask for it again.
     */
    async total(db: DbOrTx, query: EntityListQuery, scope: ListScope, folded: string | null, revision: number) {
      // Paging and order do not change the total; the raw search text is represented by its folded form.
      const key = JSON.stringify([
        scope,
        folded,
        { ...query, page: undefined, pageSize: undefined, sort: undefined, q: undefined },
      ]);
      const known = cache.get(key);
      if (known && known.revision === revision) {
        remember(key, known);
        return known.total;
      }
      const counted = await repo.countEntities(db, query, scope, folded);
      remember(key, counted);
      return counted.total;
    },
  };
}
