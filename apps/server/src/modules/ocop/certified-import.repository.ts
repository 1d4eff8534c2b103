import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

/** An entity a certified-products row may belong to: what its certificate copies. */
export type MatchedEntity = { id: string; name: string; communeScheme: string; communeCode: string };

/** The commune scheme names are matched in: the one in force since 1 July 2025. */
const CURRENT_SCHEME = '2025-07';

const entityColumns = sql`e.id, e.name, e.commune_scheme as "communeScheme", e.commune_code as "communeCode"`;

function group<K>(rows: (MatchedEntity & { key: K })[]): Map<K, MatchedEntity[]> {
  const out = new Map<K, MatchedEntity[]>();
  for (const { key, ...entity } of rows) {
    const list = out.get(key);
    if (list) list.push(entity);
    else out.set(key, [entity]);
  }
  return out;
}

/** Entities by registration code (already normalised), in one query; a code may belong to several types. */
export async function entitiesByCode(db: DbOrTx, codes: readonly string[]): Promise<Map<string, MatchedEntity[]>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<MatchedEntity & { key: string }>(
    db,
    sql`select e.code as key, ${entityColumns} from entities e where e.code = any(${sql.param([...new Set(codes)])}::text[])`,
  );
  return group(rows);
}

export const nameKey = (nameFolded: string, communeCode: string) => `${communeCode}|${nameFolded}`;

/** Entities by folded name within a commune (current scheme), in one query; keyed by `nameKey`. */
export async function entitiesByNameAndCommune(
  db: DbOrTx,
  keys: readonly { nameFolded: string; communeCode: string }[],
): Promise<Map<string, MatchedEntity[]>> {
  if (keys.length === 0) return new Map();
  const unique = [...new Map(keys.map((k) => [nameKey(k.nameFolded, k.communeCode), k])).values()];
  const rows = await queryRows<MatchedEntity & { key: string }>(
    db,
    sql`select k.commune || '|' || k.name as key, ${entityColumns}
        from unnest(${sql.param(unique.map((k) => k.nameFolded))}::text[],
                    ${sql.param(unique.map((k) => k.communeCode))}::text[]) as k(name, commune)
        join entities e on e.name_folded = k.name and e.commune_code = k.commune
        where e.commune_scheme = ${CURRENT_SCHEME}`,
  );
  return group(rows);
}

/** Which of these certificate numbers are already taken. */
export async function existingCertificateNumbers(db: DbOrTx, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await queryRows<{ number: string }>(
    db,
    sql`select number from ocop_certificates where number = any(${sql.param([...new Set(numbers)])}::text[])`,
  );
  return new Set(rows.map((r) => r.number));
}

/** A PostgreSQL unique violation, as the driver or drizzle's wrapper reports it. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
