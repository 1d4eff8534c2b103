import { foldVietnamese, type Scheme, type UnitDetail, type UnitListQuery } from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import * as repo from './places.repository.ts';

export function createPlacesService(db: Db) {
  return {
    /** Lists units of one edition; the search text is folded so accents and case do not matter. */
    listUnits(query: UnitListQuery) {
      const folded = query.q ? foldVietnamese(query.q) : '';
      return repo.listUnits(db, query, folded || null);
    },

    /** One unit by scheme and code. */
    async getUnit(scheme: Scheme, code: string) {
      const unit = await repo.findUnit(db, scheme, code);
      if (!unit) throw new AppError('NOT_FOUND', `No unit ${code} in scheme ${scheme}`);
      return unit;
    },

    /** A unit with its child count and the reform mapping seen from it. */
    async getUnitDetail(scheme: Scheme, code: string): Promise<UnitDetail> {
      const unit = await this.getUnit(scheme, code);
      const [childCount, successors, predecessors] = await Promise.all([
        repo.countChildren(db, scheme, code),
        repo.findLinkedUnits(db, 'successors', scheme, code),
        repo.findLinkedUnits(db, 'predecessors', scheme, code),
      ]);
      return { ...unit, childCount, successors, predecessors };
    },

    /** The editions of the administrative map with their unit counts. */
    listSchemes() {
      return repo.listSchemes(db);
    },
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
