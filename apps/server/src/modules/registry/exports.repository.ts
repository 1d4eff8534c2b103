import type { EntityListQuery } from '@hoptac/core';
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { adminUnits } from '../places/places.schema.ts';
import { registerConditions } from './entities.repository.ts';
import { annualReports, entities } from './registry.schema.ts';

const commune = alias(adminUnits, 'commune');
const oldDistrict = alias(adminUnits, 'old_district');

/** The register's filters without paging (the export takes every matching row). */
export type EntityExportFilter = Omit<EntityListQuery, 'page' | 'pageSize' | 'sort'>;

/** Communes the caller may export from; null means every commune (city admin). */
export type ExportScope = { communes: string[] | null };

function inScope(scope: ExportScope): SQL | undefined {
  if (scope.communes === null) return undefined;
  return scope.communes.length > 0 ? inArray(entities.communeCode, scope.communes) : sql`false`;
}

function entityConditions(q: EntityExportFilter, scope: ExportScope, folded: string | null): SQL | undefined {
  return registerConditions(
    q,
    scope.communes === null ? { kind: 'all' } : { kind: 'communes', codes: scope.communes },
    folded,
  );
}

export type EntityExportRow = typeof entities.$inferSelect & { communeName: string; oldDistrictName: string | null };

/** The next page of matching entities after `afterId`, by id (keyset: every page costs the same). */
export async function entityExportPage(
  db: DbOrTx,
  q: EntityExportFilter,
  scope: ExportScope,
  folded: string | null,
  afterId: string | null,
  limit: number,
): Promise<EntityExportRow[]> {
  const rows = await db
    .select({ e: entities, communeName: commune.fullName, oldDistrictName: oldDistrict.fullName })
    .from(entities)
    .innerJoin(commune, and(eq(commune.scheme, entities.communeScheme), eq(commune.code, entities.communeCode)))
    .leftJoin(
      oldDistrict,
      and(eq(oldDistrict.scheme, entities.oldCommuneScheme), eq(oldDistrict.code, entities.oldDistrictCode)),
    )
    .where(and(entityConditions(q, scope, folded), afterId ? gt(entities.id, afterId) : undefined))
    .orderBy(asc(entities.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.e, communeName: r.communeName, oldDistrictName: r.oldDistrictName }));
}

export type ReportExportRow = typeof annualReports.$inferSelect & {
  entityCode: string | null;
  entityName: string;
  entityType: string;
  communeCode: string;
  communeName: string;
};

/** The next page of one year's reports of entities in scope, by report id. */
export async function reportExportPage(
  db: DbOrTx,
  year: number,
  scope: ExportScope,
  afterId: string | null,
  limit: number,
): Promise<ReportExportRow[]> {
  const rows = await db
    .select({
      r: annualReports,
      entityCode: entities.code,
      entityName: entities.name,
      entityType: entities.type,
      communeCode: entities.communeCode,
      communeName: commune.fullName,
    })
    .from(annualReports)
    .innerJoin(entities, eq(entities.id, annualReports.entityId))
    .innerJoin(commune, and(eq(commune.scheme, entities.communeScheme), eq(commune.code, entities.communeCode)))
    .where(and(eq(annualReports.year, year), inScope(scope), afterId ? gt(annualReports.id, afterId) : undefined))
    .orderBy(asc(annualReports.id))
    .limit(limit);
  return rows.map(({ r, ...rest }) => ({ ...r, ...rest }));
}
