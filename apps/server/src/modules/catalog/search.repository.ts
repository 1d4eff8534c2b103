import type { CatalogSearchQuery } from '@hoptac/core';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { escapeLike, likeContains } from '../../kernel/pagination.ts';

// The public search: certified products (latest certificate not revoked), matched on the folded
// search key (product name + producer name, kept by triggers of migration 0011) with the trigram
// GIN index: every word contained, or the whole query close enough by word similarity (typos).

export type SearchTerms = { folded: string; tokens: string[] };

/** Filters the facets count by; group and subgroup arrive as the sheets (rubric ids) they cover. */
export type SearchFilters = Partial<Omit<CatalogSearchQuery, 'group' | 'subgroup' | 'q' | 'page' | 'pageSize'>> & {
  groupRubrics?: string[];
  subgroupRubrics?: string[];
  /** One producer's products (its page); not a facet. */
  entityId?: string;
  /** One product (its own page's card). */
  productId?: string;
};

export type CardRow = {
  id: string;
  name: string;
  star: number;
  rubric_id: string;
  product_set: string;
  price_vnd: number | string | null;
  price_unit: string | null;
  entity_id: string;
  entity_name: string;
  entity_type: string;
  commune_scheme: string;
  commune_code: string;
  old_district_code: string | null;
  number: string;
  valid_until: string;
  validity: 'valid' | 'expired';
};

export type FacetRow = {
  g: number;
  star: number | null;
  rubric_id: string | null;
  commune_code: string | null;
  old_district_code: string | null;
  validity: string | null;
  entity_type: string | null;
  c_all: number;
  c_stars: number;
  c_group: number;
  c_subgroup: number;
  c_commune: number;
  c_district: number;
  c_validity: number;
  c_type: number;
};

/** The text condition: every word in the key, or the whole query similar to a stretch of it. */
function textMatch(t: SearchTerms): SQL {
  const words = sql.join(
    t.tokens.map((w) => sql`p.search_folded like ${likeContains(w)}`),
    sql` and `,
  );
  return sql`((${words}) or ${t.folded} <% p.search_folded)`;
}

/** Exact name, then name prefix, then every word in the name, then in the producer's name. */
function tier(t: SearchTerms): SQL {
  const inName = sql.join(
    t.tokens.map((w) => sql`p.name_folded like ${likeContains(w)}`),
    sql` and `,
  );
  return sql`case when p.name_folded = ${t.folded} then 4
    when p.name_folded like ${`${escapeLike(t.folded)}%`} then 3
    when ${inName} then 2 else 1 end`;
}

const any = (values: string[]) =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** Each filter as a boolean column, so one pass counts every facet with the other filters applied. */
function filterFlags(f: SearchFilters, today: string): Record<string, SQL> {
  const flag = (on: boolean, cond: () => SQL) => (on ? cond() : sql`true`);
  return {
    f_stars: flag(f.stars !== undefined, () => sql`lc.star = ${f.stars}`),
    f_group: flag(f.groupRubrics !== undefined, () =>
      f.groupRubrics!.length ? sql`p.rubric_id in ${any(f.groupRubrics!)}` : sql`false`,
    ),
    f_subgroup: flag(f.subgroupRubrics !== undefined, () =>
      f.subgroupRubrics!.length ? sql`p.rubric_id in ${any(f.subgroupRubrics!)}` : sql`false`,
    ),
    f_commune: flag(f.commune !== undefined, () => sql`e.commune_code = ${f.commune}`),
    f_district: flag(f.formerDistrict !== undefined, () => sql`e.old_district_code = ${f.formerDistrict}`),
    f_validity: flag(f.valid !== undefined, () =>
      f.valid === 'valid' ? sql`lc.valid_until >= ${today}` : sql`lc.valid_until < ${today}`,
    ),
    f_type: flag(f.entityType !== undefined, () => sql`e.type = ${f.entityType}`),
  };
}

/** The matched products with their latest certificate and every filter's flag. */
function matched(t: SearchTerms | null, f: SearchFilters, today: string): SQL {
  const flags = filterFlags(f, today);
  const flagColumns = sql.join(
    Object.entries(flags).map(([name, cond]) => sql`(${cond}) as ${sql.raw(name)}`),
    sql`, `,
  );
  return sql`select p.id, p.name, p.rubric_id, p.product_set, p.price_vnd, p.price_unit,
      e.id as entity_id, e.name as entity_name, e.type as entity_type, e.commune_scheme, e.commune_code,
      e.old_district_code, lc.number, lc.star, lc.valid_until::text as valid_until,
      case when lc.valid_until >= ${today} then 'valid' else 'expired' end as validity,
      ${t ? tier(t) : sql`0`} as tier,
      ${t ? sql`word_similarity(${t.folded}, p.search_folded)` : sql`0`} as sim,
      ${flagColumns}
    from ocop_products p
    join lateral (select c.number, c.star, c.valid_until, c.revoked_at from ocop_certificates c
      where c.product_id = p.id order by c.issued_on desc, c.number desc limit 1) lc on lc.revoked_at is null
    join entities e on e.id = p.entity_id
    where ${t ? textMatch(t) : sql`true`} 
      and ${f.entityId ? sql`p.entity_id = ${f.entityId}` : sql`true`}
      and ${f.productId ? sql`p.id = ${f.productId}` : sql`true`}`;
}

const ALL = sql`f_stars and f_group and f_subgroup and f_commune and f_district and f_validity and f_type`;

/** One page of matches, best first: tier, similarity, stars, then name. */
export async function searchPage(
  db: DbOrTx,
  t: SearchTerms | null,
  f: SearchFilters,
  today: string,
  page: { limit: number; offset: number },
): Promise<CardRow[]> {
  return queryRows<CardRow>(
    db,
    sql`with m as (${matched(t, f, today)})
      select * from m where ${ALL}
      order by tier desc, sim desc, star desc, name, id
      limit ${page.limit} offset ${page.offset}`,
  );
}

/** How many products match (a producer's page). */
export async function countMatches(db: DbOrTx, t: SearchTerms | null, f: SearchFilters, today: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with m as (${matched(t, f, today)}) select count(*)::int as n from m where ${ALL}`,
  );
  return row?.n ?? 0;
}

/**
 * The total and every facet in one pass: a grouping set per facet dimension, and per row a count
 * with all filters except the facet's own (so a chosen commune still shows the others' counts).
 */
export async function searchFacets(
  db: DbOrTx,
  t: SearchTerms | null,
  f: SearchFilters,
  today: string,
): Promise<FacetRow[]> {
  const except = (name: string) =>
    sql.raw(
      ['f_stars', 'f_group', 'f_subgroup', 'f_commune', 'f_district', 'f_validity', 'f_type']
        .filter((x) => x !== name)
        .join(' and '),
    );
  return queryRows<FacetRow>(
    db,
    sql`with m as (${matched(t, f, today)})
      select grouping(star, rubric_id, commune_code, old_district_code, validity, entity_type)::int as g,
        star, rubric_id, commune_code, old_district_code, validity, entity_type,
        (count(*) filter (where ${ALL}))::int as c_all,
        (count(*) filter (where ${except('f_stars')}))::int as c_stars,
        (count(*) filter (where ${except('f_group')}))::int as c_group,
        (count(*) filter (where ${except('f_subgroup')}))::int as c_subgroup,
        (count(*) filter (where ${except('f_commune')}))::int as c_commune,
        (count(*) filter (where ${except('f_district')}))::int as c_district,
        (count(*) filter (where ${except('f_validity')}))::int as c_validity,
        (count(*) filter (where ${except('f_type')}))::int as c_type
      from m
      group by grouping sets ((star), (rubric_id), (commune_code), (old_district_code), (validity), (entity_type))`,
  );
}

/**
 * Product and producer names closest to a query that found nothing, by word similarity above a
 * looser threshold than the search's (set for this transaction only, so the index still serves it).
 */
export async function closestNames(db: DbOrTx, folded: string, limit: number): Promise<string[]> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true)`);
    return queryRows<{ name: string }>(
      tx,
      sql`select p.name, e.name as producer, word_similarity(${folded}, p.search_folded) as sim
        from ocop_products p join entities e on e.id = p.entity_id
        where ${folded} <% p.search_folded
          and exists (select 1 from ocop_certificates c where c.product_id = p.id and c.revoked_at is null)
        order by sim desc, p.name limit ${limit}`,
    );
  });
  return [...new Set(rows.map((r) => r.name))];
}

/** Autocomplete: products, then producers, whose folded names contain the text or start with it. */
export async function suggestNames(db: DbOrTx, t: SearchTerms, limit: number) {
  const words = (col: SQL) =>
    sql.join(
      t.tokens.map((w) => sql`${col} like ${likeContains(w)}`),
      sql` and `,
    );
  const certified = sql`exists (select 1 from ocop_certificates c where c.product_id = p.id and c.revoked_at is null)`;
  return queryRows<{ kind: 'product' | 'producer'; id: string; name: string }>(
    db,
    sql`(select 'product' as kind, p.id, p.name, (p.name_folded like ${`${escapeLike(t.folded)}%`}) as prefix
        from ocop_products p where ${words(sql`p.name_folded`)} and ${certified}
        order by prefix desc, p.name limit ${limit})
      union all
      (select distinct on (e.name, e.id) 'producer' as kind, e.id, e.name, false as prefix
        from entities e join ocop_products p on p.entity_id = e.id
        where ${words(sql`e.name_folded`)} and ${certified}
        order by e.name, e.id limit ${Math.ceil(limit / 2)})`,
  );
}
