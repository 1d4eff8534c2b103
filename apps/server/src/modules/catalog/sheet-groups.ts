import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';

/** The product group and subgroup of each scoring sheet, which a product's sheet gives it. */
export type SheetGroups = {
  of(rubricId: string): { group: string; subgroup: string };
  rubricsOfGroup(group: string): string[];
  rubricsOfSubgroup(subgroup: string): string[];
};

/**
 * Groups of the scoring sheets, read once per server: sheets are reference data synced at
 * startup, and a new version keeps its sheet's group. The subgroup is the sheet's own
 * ("Thủ công mỹ nghệ gia dụng, trang trí"), or its title without "Bộ sản phẩm:" when it has none.
 */
export function createSheetGroups(db: Db) {
  let loading: Promise<SheetGroups> | null = null;

  async function load(): Promise<SheetGroups> {
    const rows = await queryRows<{ id: string; grp: string; sub: string | null; title: string }>(
      db,
      sql`select distinct on (id) id, product_group as grp, sheet->>'productSubgroup' as sub, title
        from ocop_rubrics order by id, version desc`,
    );
    const byId = new Map(
      rows.map((r) => [r.id, { group: r.grp, subgroup: r.sub ?? r.title.replace(/^Bộ sản phẩm:\s*/u, '') }]),
    );
    const ids = (pick: (g: { group: string; subgroup: string }) => string, value: string) =>
      [...byId].filter(([, g]) => pick(g) === value).map(([id]) => id);
    return {
      of: (id) => byId.get(id) ?? { group: '', subgroup: '' },
      rubricsOfGroup: (group) => ids((g) => g.group, group),
      rubricsOfSubgroup: (subgroup) => ids((g) => g.subgroup, subgroup),
    };
  }

  return {
    load(): Promise<SheetGroups> {
      loading ??= load().catch((err: unknown) => {
        loading = null;
        throw err;
      });
      return loading;
    },
  };
}
