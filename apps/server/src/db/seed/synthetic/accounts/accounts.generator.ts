import { CURRENT_SCHEME, foldVietnamese, type Role } from '@hoptac/core';
import { and, asc, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../../client.ts';
import { userCommunes, userRoles, users } from '../../../../modules/identity/identity.schema.ts';
import { userSearchKey } from '../../../../modules/identity/identity.repository.ts';
import { hashPassword } from '../../../../modules/identity/password.ts';
import { adminUnits } from '../../../../modules/places/places.schema.ts';
import { BATCH_ROWS, chunks } from '../batches.ts';
import type { GeneratorContext, GeneratorResult, SyntheticGenerator } from '../generator.ts';
import type { Rng } from '../rng.ts';
import { drawPersonName } from '../names.ts';

export const SYNTHETIC_DOMAIN = 'synthetic.hoptac.vn';
/** Every synthetic account shares this password (hashed once: argon2id costs ~50 ms a hash). */
export const SYNTHETIC_PASSWORD = 'hoptac-synthetic';

/**
 * Role mix after the officers who cover the communes. Most accounts are people in registered
 * entities and buyers; a few entity members also run an OCOP outlet.
 */
const ROLE_MIX: readonly (readonly [Role[], number])[] = [
  [['entity_member'], 50],
  [['buyer'], 30],
  [['commune_officer'], 6],
  [['outlet_operator'], 5],
  [['entity_member', 'outlet_operator'], 3],
  [['council_member'], 2],
];

export type PlannedAccount = {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** Commune codes of the current scheme (officers only). */
  communes: string[];
  locale: 'vi' | 'en';
  active: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
};

// Fixed dates, not "now": the same seed must give the same rows on any day.
const FIRST_SIGNUP = Date.UTC(2023, 0, 9);
const DATA_AS_OF = Date.UTC(2025, 10, 1);
const DAY = 86_400_000;

/**
 * The first `count` accounts of one endless, seeded stream. The stream never looks at `count`,
 * so a smaller scale is a prefix of a larger one: seeding hanoi then national only adds the rest.
 * The first `communeCodes.length` accounts are officers, one per commune, so every commune is covered.
 */
export function planAccounts(rng: Rng, count: number, communeCodes: readonly string[]): PlannedAccount[] {
  const sorted = [...communeCodes].sort();
  let deck: string[] = [];
  // Officers take communes from a shuffled deck, a new shuffle each round: evenly spread, never clumped.
  const nextCommune = () => {
    if (deck.length === 0) deck = rng.shuffle(sorted);
    return deck.pop()!;
  };
  const perName = new Map<string, number>();
  const out: PlannedAccount[] = [];
  for (let i = 0; i < count; i++) {
    const roles: Role[] = i < sorted.length ? ['commune_officer'] : [...rng.weighted(ROLE_MIX)];
    const communes: string[] = [];
    if (roles.includes('commune_officer') && sorted.length > 0) {
      const first = nextCommune();
      communes.push(first);
      // Some officers also look after the neighbouring commune (codes run roughly along the map).
      if (sorted.length > 1 && rng.chance(0.35)) {
        const at = sorted.indexOf(first);
        communes.push(sorted[at + 1 < sorted.length ? at + 1 : at - 1]!);
      }
    }
    const name = drawPersonName(rng);
    const local = foldVietnamese(name.full)
      .replace(/[^a-z0-9 ]/g, '')
      .split(' ')
      .join('.');
    const n = (perName.get(local) ?? 0) + 1;
    perName.set(local, n);
    // Officers joined first (they onboard their communes); everyone else signs up over ~3 years.
    const span = DATA_AS_OF - FIRST_SIGNUP;
    const createdAt = new Date(
      FIRST_SIGNUP + Math.floor((roles.includes('commune_officer') ? rng.next() * 0.3 : rng.next()) * span),
    );
    const sinceSignup = DATA_AS_OF - createdAt.getTime();
    const lastLoginAt = rng.chance(0.72)
      ? new Date(DATA_AS_OF - Math.floor(rng.next() * Math.min(sinceSignup, 180 * DAY)))
      : null;
    out.push({
      id: rng.uuid(),
      email: `${local}.${n}@${SYNTHETIC_DOMAIN}`,
      displayName: name.full,
      roles,
      communes,
      locale: rng.chance(0.03) ? 'en' : 'vi',
      active: rng.chance(0.98),
      createdAt,
      lastLoginAt,
    });
  }
  return out;
}

async function currentCommuneCodes(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ code: adminUnits.code })
    .from(adminUnits)
    .where(and(eq(adminUnits.scheme, CURRENT_SCHEME), eq(adminUnits.level, 'commune')))
    .orderBy(asc(adminUnits.code));
  return rows.map((r) => r.code);
}

async function existingSyntheticEmails(db: DbOrTx): Promise<Set<string>> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(like(users.email, `%@${SYNTHETIC_DOMAIN}`));
  return new Set(rows.map((r) => r.email.toLowerCase()));
}

async function insertAccounts(db: DbOrTx, accounts: readonly PlannedAccount[], passwordHash: string) {
  for (const batch of chunks(accounts, BATCH_ROWS)) {
    await db.insert(users).values(
      batch.map((a) => ({
        id: a.id,
        email: a.email,
        displayName: a.displayName,
        passwordHash,
        locale: a.locale,
        active: a.active,
        createdAt: a.createdAt,
        updatedAt: a.createdAt,
        lastLoginAt: a.lastLoginAt,
        // The account search reads this key; the repository keeps it for users created through the API.
        searchFolded: userSearchKey(a.email, a.displayName),
      })),
    );
  }
  const roleRows = accounts.flatMap((a) => a.roles.map((role) => ({ userId: a.id, role })));
  for (const batch of chunks(roleRows, BATCH_ROWS)) await db.insert(userRoles).values(batch);
  const communeRows = accounts.flatMap((a) =>
    a.communes.map((code) => ({ userId: a.id, scheme: CURRENT_SCHEME, code })),
  );
  for (const batch of chunks(communeRows, BATCH_ROWS)) await db.insert(userCommunes).values(batch);
  return { roles: roleRows.length, communes: communeRows.length };
}

function countRoles(accounts: readonly PlannedAccount[]): string {
  const counts = new Map<Role, number>();
  for (const a of accounts) for (const r of a.roles) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => y[1] - x[1])
    .map(([r, n]) => `${r} ${n.toLocaleString('en')}`)
    .join(', ');
}

/** Accounts of every role but city_admin, with officers scoped to the current scheme's communes. */
export const accountsGenerator: SyntheticGenerator = {
  name: 'accounts',
  async run({ db, rng, scale }: GeneratorContext): Promise<GeneratorResult> {
    const communeCodes = await currentCommuneCodes(db);
    if (communeCodes.length === 0)
      throw new Error(`No communes of scheme ${CURRENT_SCHEME} in admin_units: bootstrap the database first`);
    const plan = planAccounts(rng, scale.accounts, communeCodes);
    const existing = await existingSyntheticEmails(db);
    const missing = plan.filter((a) => !existing.has(a.email));
    const present = plan.length - missing.length;
    if (missing.length === 0) return { created: 0, existing: present };

    const passwordHash = await hashPassword(SYNTHETIC_PASSWORD);
    const inserted = await insertAccounts(db, missing, passwordHash);
    const covered = new Set(plan.flatMap((a) => a.communes)).size;
    return {
      created: missing.length,
      existing: present,
      detail:
        `${countRoles(missing)}; ${inserted.communes.toLocaleString('en')} officer scopes covering ` +
        `${covered}/${communeCodes.length} communes; password "${SYNTHETIC_PASSWORD}"`,
    };
  },
};
