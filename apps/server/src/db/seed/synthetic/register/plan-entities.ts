import { foldVietnamese, type EntityType, type Sector } from '@hoptac/core';
import { drawPersonName } from '../names.ts';
import type { Rng } from '../rng.ts';
import { clamp, DAY_MS, dayBetween, fill, gaussian, isoDate, roundTo, utcDay } from './draws.ts';
import { addressIn, describe, drawName, drawSpeciality, issuerFor, servicesFor } from './entity-text.ts';
import {
  categoryOf,
  COMMUNE_WEIGHTS,
  REFORM,
  HIGH_TECH,
  SECTOR_MIX,
  STATUS_MIX,
  TYPE_ROUND,
  VALUE_CHAIN,
  YEAR_WEIGHTS,
  type Category,
  type DrawnStatus,
} from './entity-mix.ts';
import { HANOI_BOX, type OldCommune, type SyntheticCommune } from './places.ts';
import {
  BRANDS,
  CHAIN_PARTNER_KINDS,
  CONVERSION_REASON,
  CREDIT_SPECIALITY,
  REGISTRATION_REASON,
  STATUS_REASONS,
  type Speciality,
  type SyntheticSector,
} from './vocabulary.ts';

/** The register describes the state on this day; nothing is dated later (except 2025's reports, filed in 2026). */
export const DATA_AS_OF = utcDay(2025, 11, 1);

export type PlannedEntity = {
  index: number;
  id: string;
  type: EntityType;
  name: string;
  nameFolded: string;
  code: string;
  registrationDate: string;
  registrationIssuer: string;
  registrationReason: string;
  address: string;
  commune: SyntheticCommune;
  /** The old commune the entity is named after or sat in; stored only when `keepsOldCommune`. */
  predecessor: OldCommune | null;
  keepsOldCommune: boolean;
  lat: number;
  lng: number;
  legalRepresentative: string;
  sectors: Sector[];
  specialities: Speciality[];
  charterCapital: number;
  officialMembers: number;
  associateMembers: number;
  services: string | null;
  highTech: boolean;
  valueChain: boolean;
  valueChainPartner: string | null;
  specialised: boolean;
  description: string | null;
  status: DrawnStatus;
  /** Date of the last status change (registration for active entities). */
  statusSince: string;
  statusReason: string | null;
  /** Size on a standard-normal scale: members, capital and revenue grow with it together. */
  size: number;
  /** Management quality in [0, 1]: drives the yearly rating points. */
  quality: number;
  createdAt: Date;
  updatedAt: Date;
};

/** Per-plan state: names taken, counters for local registration numbers, names to link to. */
type PlanState = {
  names: Set<string>;
  groupsPerCommune: Map<string, number>;
  households: number;
  enterpriseNames: string[];
  cooperativeNames: string[];
  communeWeights: Map<Category, (readonly [SyntheticCommune, number])[]>;
};

function newState(communes: readonly SyntheticCommune[]): PlanState {
  const communeWeights = new Map<Category, (readonly [SyntheticCommune, number])[]>();
  for (const category of Object.keys(COMMUNE_WEIGHTS) as Category[]) {
    communeWeights.set(
      category,
      communes.map((c) => [c, COMMUNE_WEIGHTS[category][c.kind]] as const),
    );
  }
  return {
    names: new Set(),
    groupsPerCommune: new Map(),
    households: 0,
    enterpriseNames: [],
    cooperativeNames: [],
    communeWeights,
  };
}

/**
 * A 10-digit enterprise/tax code: Hanoi's prefix "010" and 7 digits that are a bijection of the
 * plan index (multiplying by a number coprime with 10^7), so codes never repeat yet do not count up.
 * Real codes end in a check digit; these only have the right format.
 */
export function taxCodeFor(index: number): string {
  const n = (index * 4_567_891 + 1_234_567) % 10_000_000;
  return `010${String(n).padStart(7, '0')}`;
}

/** Household registration number: province 01, a letter for the old district, "8", a running number. */
function householdNumber(state: PlanState, districtCode: string | undefined): string {
  state.households += 1;
  const letter = String.fromCharCode(65 + (Number(districtCode ?? '0') % 26));
  return `01${letter}8${String(state.households).padStart(6, '0')}`;
}

/** Cooperative group number: "THT-", the commune code and a running number per commune. */
function groupNumber(state: PlanState, communeCode: string): string {
  const n = (state.groupsPerCommune.get(communeCode) ?? 0) + 1;
  state.groupsPerCommune.set(communeCode, n);
  return `THT-${communeCode}-${String(n).padStart(4, '0')}`;
}

function registrationDay(rng: Rng, category: Category): number {
  const year = rng.weighted(YEAR_WEIGHTS[category]);
  const last = year === 2025 ? DATA_AS_OF - 14 * DAY_MS : utcDay(year, 12, 31);
  return dayBetween(rng, utcDay(year, 1, 1), last);
}

function drawStatus(rng: Rng, registered: number): { status: DrawnStatus; since: number; reason: string | null } {
  if (registered >= utcDay(2024, 1, 1)) return { status: 'active', since: registered, reason: null };
  const status = rng.weighted(STATUS_MIX);
  if (status === 'active') return { status, since: registered, reason: null };
  const earliest = { suspended: utcDay(2021, 1, 1), reorganising: utcDay(2024, 6, 1), dissolved: utcDay(2017, 1, 1) }[
    status
  ];
  const from = Math.max(registered + 365 * DAY_MS, earliest);
  const to = DATA_AS_OF - 15 * DAY_MS;
  if (from > to) return { status: 'active', since: registered, reason: null };
  return { status, since: dayBetween(rng, from, to), reason: rng.pick(STATUS_REASONS[status]) };
}

type Money = { official: number; associate: number; charter: number };

/** Members and charter capital by category, all growing with `size`. */
function drawMembersAndCapital(rng: Rng, category: Category, size: number): Money {
  const noise = () => gaussian(rng);
  const scaled = (median: number, k: number, min: number, max: number, step: number) =>
    clamp(roundTo(median * Math.exp(k * size + 0.35 * noise()), step), min, max);
  let official = 0;
  let charter = 0;
  switch (category) {
    case 'agriCoop':
      official = scaled(110, 0.9, 7, 3_000, 1);
      charter = scaled(700e6, 0.8, 50e6, 30e9, 10e6);
      break;
    case 'nonAgriCoop':
      official = scaled(18, 0.7, 7, 400, 1);
      charter = scaled(1.2e9, 0.8, 100e6, 30e9, 10e6);
      break;
    case 'credit':
      official = scaled(1_200, 0.5, 300, 6_000, 1);
      charter = scaled(6e9, 0.5, 1e9, 40e9, 100e6);
      break;
    case 'union':
      official = scaled(6, 0.4, 3, 20, 1);
      charter = scaled(4e9, 0.6, 1e9, 50e9, 100e6);
      break;
    case 'agriGroup':
    case 'nonAgriGroup':
      official = scaled(8, 0.5, 2, 40, 1);
      charter = rng.chance(0.5) ? 0 : scaled(150e6, 0.6, 10e6, 2e9, 5e6);
      break;
    case 'enterprise':
      charter = scaled(3e9, 0.9, 500e6, 200e9, 100e6);
      break;
    case 'household':
      charter = scaled(300e6, 0.7, 30e6, 5e9, 10e6);
      break;
  }
  const cooperativeLike = category === 'agriCoop' || category === 'nonAgriCoop' || category === 'credit';
  const associate =
    cooperativeLike && rng.chance(0.3)
      ? Math.max(1, Math.round(official * rng.next() * 0.25))
      : category === 'union' && rng.chance(0.2)
        ? rng.int(1, 3)
        : 0;
  return { official, associate, charter };
}

/** One entity of the plan; draws only from `rng`, in a fixed order. */
function planOne(rng: Rng, state: PlanState, index: number, type: EntityType): PlannedEntity {
  const id = rng.uuid();
  const sector = rng.weighted(SECTOR_MIX[type]);
  const category = categoryOf(type, sector);
  const commune = rng.weighted(state.communeWeights.get(category)!);
  const predecessor =
    commune.predecessors.length > 0
      ? rng.weighted(commune.predecessors.map((p) => [p, p.kind === 'full' ? 2 : 1] as const))
      : null;
  const registered = registrationDay(rng, category);
  const keepsOldCommune = predecessor !== null && registered < REFORM && rng.chance(0.42);

  const nameSector: SyntheticSector = sector === 'credit' ? 'non_agriculture' : sector;
  const goodsOnly = category === 'household';
  const primary = category === 'credit' ? CREDIT_SPECIALITY : drawSpeciality(rng, nameSector, commune, 0.7, goodsOnly);
  const specialities = [primary];
  if (category !== 'credit' && rng.chance(0.3)) {
    const second = drawSpeciality(rng, nameSector, commune, 0.5, goodsOnly);
    if (second.label !== primary.label) specialities.push(second);
  }
  const highTech = rng.chance(
    primary.highTech !== undefined ? Math.max(primary.highTech, HIGH_TECH[category]) : HIGH_TECH[category],
  );
  const places = [commune.name, commune.name, ...commune.predecessors.map((p) => p.name)];
  const area = predecessor && rng.chance(0.8) ? predecessor.districtName : 'Hà Nội';
  const name = drawName(rng, state.names, category, primary, highTech, places, area);

  const sectors: Sector[] = [sector];
  if (sector === 'agriculture' && rng.chance(0.1)) sectors.push('non_agriculture');
  const size = clamp(gaussian(rng), -2.5, 3);
  const money = drawMembersAndCapital(rng, category, size);
  const status = drawStatus(rng, registered);

  const valueChain = rng.chance(VALUE_CHAIN[category]);
  let valueChainPartner: string | null = null;
  if (valueChain) {
    const known = type === 'enterprise' ? state.cooperativeNames : state.enterpriseNames;
    valueChainPartner =
      known.length > 0 && rng.chance(0.5)
        ? rng.pick(known)
        : fill(rng.pick(CHAIN_PARTNER_KINDS), { brand: rng.pick(BRANDS) });
  }

  const code =
    type === 'cooperative_group'
      ? groupNumber(state, commune.code)
      : type === 'household_business'
        ? householdNumber(state, predecessor?.districtCode)
        : taxCodeFor(index);
  const representative = drawPersonName(rng).full;
  const address = addressIn(rng, commune, predecessor);
  const lat = clamp(commune.lat + gaussian(rng) * 0.012, HANOI_BOX.minLat, HANOI_BOX.maxLat);
  const lng = clamp(commune.lng + gaussian(rng) * 0.014, HANOI_BOX.minLng, HANOI_BOX.maxLng);
  const services = servicesFor(rng, category, specialities);
  const quality = clamp(0.66 + 0.13 * gaussian(rng) - (status.status === 'active' ? 0 : 0.08), 0.25, 0.97);

  // The platform received older records in the migration after the reform; newer ones as registered.
  const received = Math.max(registered, utcDay(2025, 8, 1)) + rng.int(0, 45) * DAY_MS;
  const createdAt = new Date(Math.min(received, DATA_AS_OF - DAY_MS));
  const updatedAt = new Date(Math.min(createdAt.getTime() + rng.int(0, 60) * DAY_MS, DATA_AS_OF));

  if (type === 'enterprise') state.enterpriseNames.push(name);
  if (type === 'cooperative') state.cooperativeNames.push(name);
  const conversion = type === 'cooperative' && sector === 'agriculture' && registered < utcDay(2000, 1, 1);
  return {
    index,
    id,
    type,
    name,
    nameFolded: foldVietnamese(name),
    code,
    registrationDate: isoDate(registered),
    registrationIssuer: issuerFor(type, registered, commune, predecessor),
    registrationReason: conversion ? CONVERSION_REASON : REGISTRATION_REASON[type]!,
    address,
    commune,
    predecessor,
    keepsOldCommune,
    lat: Math.round(lat * 1e6) / 1e6,
    lng: Math.round(lng * 1e6) / 1e6,
    legalRepresentative: representative,
    sectors,
    specialities,
    charterCapital: money.charter,
    officialMembers: money.official,
    associateMembers: money.associate,
    services,
    highTech,
    valueChain,
    valueChainPartner,
    specialised: category === 'agriCoop' ? primary.communes.length > 0 || name.includes(primary.product) : false,
    description: describe(type, specialities, commune, registered),
    status: status.status,
    statusSince: isoDate(status.since),
    statusReason: status.reason,
    size,
    quality,
    createdAt,
    updatedAt,
  };
}

/**
 * The first `count` entities of one endless seeded stream: types come from a shuffled deck of
 * TYPE_ROUND, reshuffled every round, so the hanoi scale is exactly one round and a larger scale
 * starts with the same entities. `communes` must be in a fixed order (by code).
 */
export function planEntities(rng: Rng, count: number, communes: readonly SyntheticCommune[]): PlannedEntity[] {
  if (communes.length === 0) throw new Error('No communes to place entities in');
  const state = newState(communes);
  const round = TYPE_ROUND.flatMap(([type, n]) => Array.from({ length: n }, () => type));
  let deck: EntityType[] = [];
  const out: PlannedEntity[] = [];
  for (let i = 0; i < count; i++) {
    if (i % round.length === 0) deck = rng.shuffle(round);
    out.push(planOne(rng, state, i, deck[i % round.length]!));
  }
  return out;
}
