// Indicator computations as parameterised SQL over the register, annual reports, OCOP
// certificates and manual values. Each source gives per-unit partials (numerator, denominator)
// that @hoptac/core rolls up, and the same FROM/WHERE lists the records behind a figure.
import type { IndicatorDefinition, IndicatorPartial } from '@hoptac/core';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { ocopCertificates } from '../ocop/ocop.schema.ts';
import { outlets } from '../outlets/outlets.schema.ts';
import { annualReports, entities } from '../registry/registry.schema.ts';
import { planManualValues } from './plans.schema.ts';

/** The days a figure is read over: the period, and the day stock levels are read on (end, or today if earlier). */
export type Window = { year: number; quarter: number | null; start: string; end: string; asOf: string };

/** Breakdown level: new communes (scheme 2025-07) or former districts (scheme 2025-01). */
export type UnitLevel = 'commune' | 'district';

/** Which units' records count: null = the whole city. */
export type Area = { level: UnitLevel; codes: string[] | null };

/** `unit` null: records with no unit at this level (e.g. entities registered after the reform, by former district). */
export type UnitPartial = IndicatorPartial & { unit: string | null };

/** `unit` is the column a level's breakdown groups by (null: the source has no such unit). */
type Source = {
  from: SQL;
  where: SQL[];
  numerator: SQL;
  denominator: SQL;
  record: SQL;
  unit?: (level: UnitLevel) => SQL;
};

const entityUnit = (level: UnitLevel) => (level === 'commune' ? sql`e.commune_code` : sql`e.old_district_code`);
const unitOf = (s: Source, level: UnitLevel) => (s.unit ?? entityUnit)(level);

const textArray = (values: readonly string[]) => sql`${`{${values.map((v) => `"${v}"`).join(',')}}`}::text[]`;

/** Conditions on the entity every source joins as `e`. */
function entityConditions(def: IndicatorDefinition): SQL[] {
  const f = def.filters;
  const out: SQL[] = [];
  if (f.types) out.push(sql`e.type = any(${textArray(f.types)})`);
  if (f.statuses) out.push(sql`e.status = any(${textArray(f.statuses)})`);
  if (f.sector) out.push(sql`${f.sector} = any(e.sectors)`);
  if (f.valueChain !== undefined) out.push(sql`e.value_chain = ${f.valueChain}`);
  if (f.highTech !== undefined) out.push(sql`e.high_tech = ${f.highTech}`);
  return out;
}

const recordColumns = (id: SQL, name: SQL, date: SQL, value: SQL) =>
  sql`${id} as id, e.id as "entityId", ${name} as name, e.name as "entityName", e.type as "entityType",
      e.commune_code as "communeCode", ${date} as date, ${value} as value`;

function sourceOf(def: IndicatorDefinition, w: Window): Source | null {
  const entityWhere = entityConditions(def);
  const f = def.filters;
  switch (def.source) {
    case 'entities':
      return {
        from: sql`${entities} e`,
        where: [...entityWhere, sql`(e.registration_date is null or e.registration_date <= ${w.asOf})`],
        numerator: sql`count(*)`,
        denominator: sql`0`,
        record: recordColumns(sql`e.id`, sql`e.name`, sql`e.registration_date::text`, sql`null::float8`),
      };
    case 'entities_established':
      return {
        from: sql`${entities} e`,
        where: [...entityWhere, sql`e.registration_date between ${w.start} and ${w.end}`],
        numerator: sql`count(*)`,
        denominator: sql`0`,
        record: recordColumns(sql`e.id`, sql`e.name`, sql`e.registration_date::text`, sql`null::float8`),
      };
    case 'annual_reports': {
      // Approved reports of the period's year: the figures the city has signed off.
      const income = sql`r.avg_worker_monthly_income::float8 * 12`;
      const [numerator, denominator, value] =
        f.measure === 'worker_income_per_year'
          ? [sql`sum(${income} * r.workers)`, sql`sum(r.workers)`, income]
          : [sql`sum(r.revenue::float8)`, sql`count(*)`, sql`r.revenue::float8`];
      return {
        from: sql`${annualReports} r join ${entities} e on e.id = r.entity_id`,
        where: [...entityWhere, sql`r.year = ${w.year}`, sql`r.status = 'approved'`],
        numerator,
        denominator,
        record: recordColumns(sql`r.id`, sql`e.name`, sql`r.year::text`, value),
      };
    }
    case 'ocop_certificates':
      // Products recognised within the period by a decision that still stands.
      return {
        from: sql`${ocopCertificates} c join ${entities} e on e.id = c.entity_id`,
        where: [
          ...entityWhere,
          sql`c.revoked_at is null`,
          sql`c.star between ${f.minStar ?? 1} and ${f.maxStar ?? 5}`,
          sql`c.decision_date between ${w.start} and ${w.end}`,
        ],
        numerator: sql`count(distinct c.product_id)`,
        denominator: sql`0`,
        record: recordColumns(sql`c.id`, sql`c.product_name`, sql`c.decision_date::text`, sql`c.star::float8`),
      };
    case 'ocop_entities':
      // Entities holding a valid certificate on the day the level is read.
      return {
        from: sql`${entities} e`,
        where: [
          ...entityWhere,
          sql`exists (select 1 from ${ocopCertificates} c where c.entity_id = e.id and c.revoked_at is null
                and c.star between ${f.minStar ?? 1} and ${f.maxStar ?? 5}
                and c.decision_date <= ${w.asOf} and c.valid_until >= ${w.asOf})`,
        ],
        numerator: sql`count(*)`,
        denominator: sql`0`,
        record: recordColumns(sql`e.id`, sql`e.name`, sql`e.registration_date::text`, sql`null::float8`),
      };
    case 'outlets': {
      // Outlets are recorded in the new scheme only: they have no former district.
      const open =
        def.kind === 'stock'
          ? sql`o.opened_on <= ${w.asOf} and (o.closed_on is null or o.closed_on > ${w.asOf})`
          : sql`o.opened_on between ${w.start} and ${w.end}`;
      return {
        from: sql`${outlets} o`,
        where: [open, ...(f.outletTypes ? [sql`o.type = any(${textArray(f.outletTypes)})`] : [])],
        numerator: sql`count(*)`,
        denominator: sql`0`,
        record: sql`o.id as id, null as "entityId", o.name as name, null as "entityName", o.type as "entityType",
          o.commune_code as "communeCode", o.opened_on::text as date, null::float8 as value`,
        unit: (level) => (level === 'commune' ? sql`o.commune_code` : sql`null::text`),
      };
    }
    default:
      return null;
  }
}

function areaCondition(s: Source, area: Area): SQL[] {
  if (!area.codes) return [];
  return [sql`${unitOf(s, area.level)} = any(${textArray(area.codes)})`];
}

const whereOf = (conds: SQL[]) => (conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``);

/** Per-unit partials of a computed indicator in the area; units with no records are absent, unplaced records come as unit null. */
export async function computedPartials(
  db: DbOrTx,
  def: IndicatorDefinition,
  w: Window,
  area: Area,
): Promise<UnitPartial[]> {
  const s = sourceOf(def, w);
  if (!s) return [];
  const unit = unitOf(s, area.level);
  const rows = await queryRows<{ unit: string | null; numerator: string | number; denominator: string | number }>(
    db,
    sql`select ${unit} as unit, ${s.numerator} as numerator, ${s.denominator} as denominator
        from ${s.from} ${whereOf([...s.where, ...areaCondition(s, area)])}
        group by ${unit}`,
  );
  return rows.map((r) => ({
    unit: r.unit,
    numerator: Number(r.numerator ?? 0),
    denominator: Number(r.denominator ?? 0),
  }));
}

/**
 * Approved manual values of the period, per unit of the level; `city` is the city-wide entry
 * (when one was approved it stands for the city, whatever the units add up to).
 */
export async function manualPartials(
  db: DbOrTx,
  def: IndicatorDefinition,
  w: Window,
  level: UnitLevel,
): Promise<{ units: UnitPartial[]; city: number | null }> {
  const rows = await queryRows<{ level: string; unit: string | null; value: number }>(
    db,
    sql`select scope_level as level, scope_code as unit, sum(value) as value from ${planManualValues}
        where indicator_id = ${def.id} and indicator_version = ${def.version} and year = ${w.year}
          and quarter is not distinct from ${w.quarter} and approved_at is not null
          and scope_level in ('city', ${level})
        group by scope_level, scope_code`,
  );
  const city = rows.find((r) => r.level === 'city');
  return {
    units: rows
      .filter((r) => r.level === level)
      .map((r) => ({ unit: r.unit!, numerator: Number(r.value), denominator: 0 })),
    city: city ? Number(city.value) : null,
  };
}

export type RecordRow = {
  id: string;
  entityId: string | null;
  name: string;
  entityName: string | null;
  entityType: string;
  communeCode: string;
  date: string | null;
  value: number | null;
};

/** One page of the records behind a computed figure, by name; with the total. */
export async function recordsPage(
  db: DbOrTx,
  def: IndicatorDefinition,
  w: Window,
  area: Area,
  limit: number,
  offset: number,
): Promise<{ items: RecordRow[]; total: number }> {
  const s = sourceOf(def, w);
  if (!s) return { items: [], total: 0 };
  const where = whereOf([...s.where, ...areaCondition(s, area)]);
  const [items, totals] = await Promise.all([
    queryRows<RecordRow>(
      db,
      sql`select ${s.record} from ${s.from} ${where} order by name, id limit ${limit} offset ${offset}`,
    ),
    queryRows<{ n: string | number }>(db, sql`select count(*) as n from ${s.from} ${where}`),
  ]);
  return {
    items: items.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) })),
    total: Number(totals[0]?.n ?? 0),
  };
}
