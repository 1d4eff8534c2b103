import { CURRENT_SCHEME } from '@hoptac/core';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../client.ts';
import { adminUnitLinks, adminUnits } from '../../../../modules/places/places.schema.ts';
import { createRng } from '../rng.ts';

/** The scheme before the July 2025 reform: old communes and their districts. */
export const OLD_SCHEME = '2025-01';

/**
 * Hanoi's bounding box (degrees). The loaded administrative data has no centroids or boundaries,
 * so an entity's location is a deterministic pseudo-random point per commune inside this box,
 * scattered by a couple of kilometres: good enough for a map that clusters by commune, not a
 * claim about where the commune is.
 */
export const HANOI_BOX = { minLat: 20.56, maxLat: 21.39, minLng: 105.28, maxLng: 106.02 } as const;

/** Old districts (2025-01 codes) that were urban districts of the inner city. */
const INNER_DISTRICTS = new Set(['001', '002', '003', '004', '005', '006', '007', '008', '009']);

export type OldCommune = {
  code: string;
  name: string;
  fullName: string;
  districtCode: string;
  districtName: string;
  districtFullName: string;
  /** full: the whole old commune went to this new one; partial: it was split. */
  kind: string;
};

export type SyntheticCommune = {
  code: string;
  name: string;
  fullName: string;
  /** rural: a xã; periurban: a phường formed from outer districts (Hà Đông, Từ Liêm, Sơn Tây…); inner: old inner city. */
  kind: 'rural' | 'periurban' | 'inner';
  /** Old communes (scheme 2025-01) that became this commune, wholly or partly, by code. */
  predecessors: OldCommune[];
  /** Deterministic anchor point (see HANOI_BOX). */
  lat: number;
  lng: number;
};

/** The anchor point of a commune: a fixed function of its code, kept off the box's edges. */
export function communeAnchor(code: string): { lat: number; lng: number } {
  const rng = createRng(`commune-anchor/${code}`);
  const margin = 0.05;
  return {
    lat: HANOI_BOX.minLat + margin + rng.next() * (HANOI_BOX.maxLat - HANOI_BOX.minLat - 2 * margin),
    lng: HANOI_BOX.minLng + margin + rng.next() * (HANOI_BOX.maxLng - HANOI_BOX.minLng - 2 * margin),
  };
}

/**
 * The current scheme's communes with their predecessors, read from admin_units and
 * admin_unit_links, in code order (the generator's draws depend on this order).
 */
export async function loadSyntheticCommunes(db: DbOrTx): Promise<SyntheticCommune[]> {
  const units = await db
    .select({ code: adminUnits.code, name: adminUnits.name, fullName: adminUnits.fullName, type: adminUnits.type })
    .from(adminUnits)
    .where(and(eq(adminUnits.scheme, CURRENT_SCHEME), eq(adminUnits.level, 'commune')))
    .orderBy(asc(adminUnits.code));
  const oldCommune = alias(adminUnits, 'old_commune');
  const oldDistrict = alias(adminUnits, 'old_district');
  const links = await db
    .select({
      toCode: adminUnitLinks.toCode,
      kind: adminUnitLinks.kind,
      code: oldCommune.code,
      name: oldCommune.name,
      fullName: oldCommune.fullName,
      districtCode: oldDistrict.code,
      districtName: oldDistrict.name,
      districtFullName: oldDistrict.fullName,
    })
    .from(adminUnitLinks)
    .innerJoin(
      oldCommune,
      and(eq(oldCommune.scheme, adminUnitLinks.fromScheme), eq(oldCommune.code, adminUnitLinks.fromCode)),
    )
    .innerJoin(oldDistrict, and(eq(oldDistrict.scheme, oldCommune.scheme), eq(oldDistrict.code, oldCommune.parentCode)))
    .where(
      and(
        eq(adminUnitLinks.fromScheme, OLD_SCHEME),
        eq(adminUnitLinks.toScheme, CURRENT_SCHEME),
        eq(oldCommune.level, 'commune'),
      ),
    )
    .orderBy(asc(adminUnitLinks.toCode), asc(adminUnitLinks.fromCode));
  const byCommune = new Map<string, OldCommune[]>();
  for (const l of links) {
    const list = byCommune.get(l.toCode) ?? [];
    list.push({
      code: l.code,
      name: l.name,
      fullName: l.fullName,
      districtCode: l.districtCode,
      districtName: l.districtName,
      districtFullName: l.districtFullName,
      kind: l.kind,
    });
    byCommune.set(l.toCode, list);
  }
  return units.map((u) => {
    const predecessors = byCommune.get(u.code) ?? [];
    const inner = predecessors.length > 0 && predecessors.every((p) => INNER_DISTRICTS.has(p.districtCode));
    const kind = u.type === 'phuong' ? (inner ? 'inner' : 'periurban') : 'rural';
    return { code: u.code, name: u.name, fullName: u.fullName, kind, predecessors, ...communeAnchor(u.code) };
  });
}
