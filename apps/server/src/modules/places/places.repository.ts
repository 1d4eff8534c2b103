import type { SchemeInfo, Unit, UnitLink, UnitListQuery } from '@hoptac/core';
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { escapeLike, likeContains, toLimitOffset } from '../../kernel/pagination.ts';
import { adminSchemes, adminUnitLinks, adminUnits } from './places.schema.ts';

const parent = alias(adminUnits, 'parent');

const unitColumns = {
  scheme: adminUnits.scheme,
  code: adminUnits.code,
  level: adminUnits.level,
  type: adminUnits.type,
  name: adminUnits.name,
  fullName: adminUnits.fullName,
  nameEn: adminUnits.nameEn,
  parentCode: parent.code,
  parentFullName: parent.fullName,
};

type UnitRow = {
  scheme: string;
  code: string;
  level: string;
  type: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  parentCode: string | null;
  parentFullName: string | null;
};

// Columns are written only from the shipped data file, whose values the contract enumerates.
function toUnit(r: UnitRow): Unit {
  return {
    scheme: r.scheme as Unit['scheme'],
    code: r.code,
    level: r.level as Unit['level'],
    type: r.type as Unit['type'],
    name: r.name,
    fullName: r.fullName,
    nameEn: r.nameEn,
    parent: r.parentCode
      ? { scheme: r.scheme as Unit['scheme'], code: r.parentCode, fullName: r.parentFullName ?? '' }
      : null,
  };
}

function selectUnits(db: DbOrTx) {
  return db
    .select(unitColumns)
    .from(adminUnits)
    .leftJoin(parent, and(eq(parent.scheme, adminUnits.scheme), eq(parent.code, adminUnits.parentCode)));
}

const levelOrder = sql`case ${adminUnits.level} when 'province' then 0 when 'district' then 1 else 2 end`;

/** A page of units; `folded` is the already-folded search text. */
export async function listUnits(db: DbOrTx, q: UnitListQuery, folded: string | null) {
  const conds: SQL[] = [eq(adminUnits.scheme, q.scheme)];
  if (q.level) conds.push(eq(adminUnits.level, q.level));
  if (q.parent) conds.push(eq(adminUnits.parentCode, q.parent));
  // Digits search the official code ("00004"), anything else the folded name.
  if (folded && /^\d+$/.test(folded)) conds.push(sql`${adminUnits.code} like ${`${escapeLike(folded)}%`}`);
  else if (folded) conds.push(sql`${adminUnits.nameFolded} like ${likeContains(folded)}`);
  const where = and(...conds);
  // Exact and prefix matches on the bare name first, then everything else by name.
  const order: SQL[] = [levelOrder, asc(adminUnits.code)];
  if (folded) {
    // Folded full names read "<type word> <name>": ending with the text means the bare name matches exactly.
    const e = escapeLike(folded);
    order.unshift(
      sql`case when ${adminUnits.nameFolded} like ${`% ${e}`} then 0 when ${adminUnits.nameFolded} like ${`% ${e}%`} then 1 else 2 end`,
    );
  }
  const { limit, offset } = toLimitOffset(q);
  const [rows, totals] = await Promise.all([
    selectUnits(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(adminUnits).where(where),
  ]);
  return { items: rows.map(toUnit), total: totals[0]?.n ?? 0 };
}

/** One unit by its primary key (scheme, code). */
export async function findUnit(db: DbOrTx, scheme: string, code: string): Promise<Unit | null> {
  const [row] = await selectUnits(db).where(and(eq(adminUnits.scheme, scheme), eq(adminUnits.code, code)));
  return row ? toUnit(row) : null;
}

export async function countChildren(db: DbOrTx, scheme: string, code: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(adminUnits)
    .where(and(eq(adminUnits.scheme, scheme), eq(adminUnits.parentCode, code)));
  return row?.n ?? 0;
}

/**
 * The reform mapping seen from one unit: for an old unit the units its area went
 * to (successors), for a new unit the old units it was formed from (predecessors).
 */
export async function findLinkedUnits(
  db: DbOrTx,
  direction: 'successors' | 'predecessors',
  scheme: string,
  code: string,
): Promise<UnitLink[]> {
  const l = adminUnitLinks;
  const [self, other] =
    direction === 'successors'
      ? [
          and(eq(l.fromScheme, scheme), eq(l.fromCode, code)),
          and(eq(adminUnits.scheme, l.toScheme), eq(adminUnits.code, l.toCode)),
        ]
      : [
          and(eq(l.toScheme, scheme), eq(l.toCode, code)),
          and(eq(adminUnits.scheme, l.fromScheme), eq(adminUnits.code, l.fromCode)),
        ];
  const rows = await db
    .select({ ...unitColumns, kind: adminUnitLinks.kind })
    .from(adminUnits)
    .innerJoin(adminUnitLinks, other)
    .leftJoin(parent, and(eq(parent.scheme, adminUnits.scheme), eq(parent.code, adminUnits.parentCode)))
    .where(self)
    .orderBy(asc(adminUnits.parentCode), asc(adminUnits.code));
  return rows.map((r) => ({ unit: toUnit(r), kind: r.kind as UnitLink['kind'] }));
}

export async function findExistingCommunes(db: DbOrTx, scheme: string, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: adminUnits.code })
    .from(adminUnits)
    .where(and(eq(adminUnits.scheme, scheme), eq(adminUnits.level, 'commune'), inArray(adminUnits.code, codes)));
  return new Set(rows.map((r) => r.code));
}

export async function listSchemes(db: DbOrTx): Promise<SchemeInfo[]> {
  const rows = await db
    .select({
      code: adminSchemes.code,
      name: adminSchemes.name,
      nameEn: adminSchemes.nameEn,
      effectiveFrom: adminSchemes.effectiveFrom,
      effectiveTo: adminSchemes.effectiveTo,
      unitCount: sql<number>`(select count(*)::int from admin_units u where u.scheme = ${adminSchemes.code})`,
    })
    .from(adminSchemes)
    .orderBy(asc(adminSchemes.effectiveFrom));
  return rows.map((r) => ({ ...r, code: r.code as SchemeInfo['code'], unitCount: Number(r.unitCount) }));
}

/** True when the old unit's area went (wholly or partly) to the new unit. */
export async function isLinked(
  db: DbOrTx,
  from: { scheme: string; code: string },
  to: { scheme: string; code: string },
) {
  const [row] = await db
    .select({ n: count() })
    .from(adminUnitLinks)
    .where(
      and(
        eq(adminUnitLinks.fromScheme, from.scheme),
        eq(adminUnitLinks.fromCode, from.code),
        eq(adminUnitLinks.toScheme, to.scheme),
        eq(adminUnitLinks.toCode, to.code),
      ),
    );
  return (row?.n ?? 0) > 0;
}
