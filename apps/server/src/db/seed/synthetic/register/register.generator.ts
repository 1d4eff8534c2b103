import { CURRENT_SCHEME, type EntityType } from '@hoptac/core';
import { inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../client.ts';
import {
  annualReports,
  entities,
  entityMembers,
  entityStatusHistory,
} from '../../../../modules/registry/registry.schema.ts';
import { chunks } from '../batches.ts';
import type { GeneratorContext, GeneratorResult, SyntheticGenerator } from '../generator.ts';
import type { Rng } from '../rng.ts';
import { loadSyntheticCommunes, OLD_SCHEME, type SyntheticCommune } from './places.ts';
import { planEntities, type PlannedEntity } from './plan-entities.ts';
import { planMembers, type PlannedMember } from './plan-members.ts';
import { planReports, type EntityFromReports, type PlannedReport } from './plan-reports.ts';

export type RegisterPlan = {
  entities: PlannedEntity[];
  members: PlannedMember[];
  reports: PlannedReport[];
  /** Members, rating and scale class the register row takes from its reports. */
  fromReports: Map<string, EntityFromReports>;
};

/**
 * The whole synthetic register for `count` entities. Entities, members and reports draw from
 * separate forks, so changing how reports are drawn never changes an entity.
 */
export function planRegister(rng: Rng, count: number, communes: readonly SyntheticCommune[]): RegisterPlan {
  const planned = planEntities(rng.fork('entities'), count, communes);
  const members = planMembers(rng.fork('members'), planned);
  const { reports, byEntity } = planReports(rng.fork('reports'), planned);
  return { entities: planned, members, reports, fromReports: byEntity };
}

/** 09:00 in Hanoi on a date: when a registration or status change is recorded. */
const recordedOn = (date: string) => new Date(`${date}T09:00:00+07:00`);

function entityRow(e: PlannedEntity, r: EntityFromReports | undefined): typeof entities.$inferInsert {
  const old = e.keepsOldCommune ? e.predecessor : null;
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    nameEn: null,
    nameFolded: e.nameFolded,
    code: e.code,
    registrationDate: e.registrationDate,
    registrationIssuer: e.registrationIssuer,
    address: e.address,
    communeScheme: CURRENT_SCHEME,
    communeCode: e.commune.code,
    oldCommuneScheme: old ? OLD_SCHEME : null,
    oldCommuneCode: old?.code ?? null,
    oldDistrictCode: old?.districtCode ?? null,
    lat: e.lat,
    lng: e.lng,
    legalRepresentative: e.legalRepresentative,
    sectors: e.sectors,
    specialisations: e.specialities.map((s) => s.label),
    charterCapital: e.charterCapital,
    officialMembers: r?.officialMembers ?? e.officialMembers,
    associateMembers: r?.associateMembers ?? e.associateMembers,
    services: e.services,
    highTech: e.highTech,
    valueChain: e.valueChain,
    valueChainPartner: e.valueChainPartner,
    specialised: e.specialised,
    description: e.description,
    status: e.status,
    statusSince: e.statusSince,
    rating: r?.rating ?? null,
    ratingYear: r?.ratingYear ?? null,
    scaleClass: r?.scaleClass ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

/** The timeline: the registration, then the current status when it is not "active". */
function historyRows(rng: Rng, planned: readonly PlannedEntity[]): (typeof entityStatusHistory.$inferInsert)[] {
  const rows: (typeof entityStatusHistory.$inferInsert)[] = [];
  for (const e of planned) {
    rows.push({
      id: rng.uuid(),
      entityId: e.id,
      status: 'active',
      effectiveDate: e.registrationDate,
      reason: e.registrationReason,
      recordedBy: null,
      recordedAt: recordedOn(e.registrationDate),
    });
    if (e.status !== 'active') {
      rows.push({
        id: rng.uuid(),
        entityId: e.id,
        status: e.status,
        effectiveDate: e.statusSince,
        reason: e.statusReason ?? '',
        recordedBy: null,
        recordedAt: recordedOn(e.statusSince),
      });
    }
  }
  return rows;
}

async function existingIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(ids, 5_000)) {
    const rows = await db.select({ id: entities.id }).from(entities).where(inArray(entities.id, part));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

async function takenCodes(db: DbOrTx): Promise<Set<string>> {
  const rows = await db
    .select({ type: entities.type, code: entities.code })
    .from(entities)
    .where(isNotNull(entities.code));
  return new Set(rows.map((r) => `${r.type}|${r.code}`));
}

async function insertAll<T extends Record<string, unknown>>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
) {
  for (const batch of chunks(rows)) await insert(batch);
}

const pct = (n: number, of: number) => `${of === 0 ? 0 : Math.round((n / of) * 100)} %`;
const int = (n: number) => n.toLocaleString('en');

const TYPE_LABEL: Record<EntityType, string> = {
  cooperative: 'cooperatives',
  cooperative_union: 'unions',
  cooperative_group: 'groups',
  enterprise: 'enterprises',
  household_business: 'household businesses',
};

function describeInserted(
  planned: readonly PlannedEntity[],
  members: number,
  reports: readonly PlannedReport[],
  communes: number,
) {
  const count = <K extends string | number>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const types = [...count(planned.map((e) => e.type))].map(([t, n]) => `${int(n)} ${TYPE_LABEL[t]}`).join(', ');
  const statuses = [...count(planned.map((e) => e.status))]
    .map(([s, n]) => `${s} ${pct(n, planned.length)}`)
    .join(', ');
  const agri = planned.filter((e) => e.type === 'cooperative' && e.sectors[0] === 'agriculture').length;
  const coops = planned.filter((e) => e.type === 'cooperative').length;
  const years = [...count(reports.map((r) => r.year))].sort((a, b) => a[0] - b[0]);
  const covered = new Set(planned.map((e) => e.commune.code)).size;
  return (
    `${types} (${pct(agri, coops)} of cooperatives agricultural); ${statuses}; ` +
    `${pct(planned.filter((e) => e.keepsOldCommune).length, planned.length)} with an old commune; ` +
    `${int(members)} members; ${int(reports.length)} annual reports (${years.map(([y, n]) => `${y}: ${int(n)}`).join(', ')}); ` +
    `${covered}/${communes} communes`
  );
}

/**
 * A deterministic synthetic register over Hanoi's communes: entities with their status history,
 * members and annual reports 2021–2025. Idempotent: entities already present (same id) are skipped
 * with everything that belongs to them, and so is a planned entity whose code someone else took.
 */
export const registerGenerator: SyntheticGenerator = {
  name: 'register',
  async run({ db, rng, scale }: GeneratorContext): Promise<GeneratorResult> {
    const communes = await loadSyntheticCommunes(db);
    if (communes.length === 0)
      throw new Error(`No communes of scheme ${CURRENT_SCHEME} in admin_units: bootstrap the database first`);
    const plan = planRegister(rng, scale.entities, communes);
    const history = historyRows(rng.fork('history'), plan.entities);

    const present = await existingIds(
      db,
      plan.entities.map((e) => e.id),
    );
    const codes = await takenCodes(db);
    const missing = plan.entities.filter((e) => !present.has(e.id));
    const clashing = missing.filter((e) => codes.has(`${e.type}|${e.code}`));
    const toInsert = missing.filter((e) => !codes.has(`${e.type}|${e.code}`));
    if (toInsert.length === 0)
      return {
        created: 0,
        existing: present.size,
        detail: clashing.length > 0 ? `${clashing.length} skipped: code taken` : undefined,
      };

    const ids = new Set(toInsert.map((e) => e.id));
    const members = plan.members.filter((m) => ids.has(m.entityId));
    const reports = plan.reports.filter((r) => ids.has(r.entityId));
    await insertAll(
      toInsert.map((e) => entityRow(e, plan.fromReports.get(e.id))),
      (batch) => db.insert(entities).values(batch),
    );
    await insertAll(
      history.filter((h) => ids.has(h.entityId)),
      (batch) => db.insert(entityStatusHistory).values(batch),
    );
    await insertAll(members, (batch) => db.insert(entityMembers).values(batch));
    await insertAll(reports, (batch) => db.insert(annualReports).values(batch));

    const skipped = clashing.length > 0 ? `; ${clashing.length} skipped (code already taken)` : '';
    return {
      created: toInsert.length,
      existing: present.size,
      detail: describeInserted(toInsert, members.length, reports, communes.length) + skipped,
    };
  },
};
