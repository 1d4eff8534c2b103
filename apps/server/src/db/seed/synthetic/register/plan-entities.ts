import { foldVietnamese, toNfc, type EntityType, type Sector } from '@hoptac/core';
import { drawPersonName } from '../names.ts';
import type { Rng } from '../rng.ts';
import { clamp, DAY_MS, dayBetween, fill, gaussian, isoDate, lowerFirst, roundTo, utcDay } from './draws.ts';
import { HANOI_BOX, type OldCommune, type SyntheticCommune } from './places.ts';
import {
  AGRI_COOP_PATTERNS,
  AGRI_SERVICES,
  BRANDS,
  CHAIN_PARTNER_KINDS,
  CONVERSION_REASON,
  CREDIT_SPECIALITY,
  CREDIT_FUND_PATTERN,
  ENTERPRISE_PATTERNS,
  GROUP_PATTERNS,
  HIGH_TECH_COOP_PATTERN,
  HOUSEHOLD_PATTERNS,
  ISSUERS,
  NON_AGRI_COOP_PATTERNS,
  NON_AGRI_SERVICES,
  REGISTRATION_REASON,
  SPECIALITIES,
  STATUS_REASONS,
  STREET_KINDS,
  UNION_PATTERNS,
  VILLAGES,
  type Speciality,
  type SyntheticSector,
} from './vocabulary.ts';

/** The register describes the state on this day; nothing is dated later (except 2025's reports, filed in 2026). */
export const DATA_AS_OF = utcDay(2025, 11, 1);
/** The administrative reform: records made before it keep their old commune. */
const REFORM = utcDay(2025, 7, 1);

/**
 * One round of the type mix, in entities. The hanoi scale is exactly one round: ~1,250
 * cooperatives (three quarters agricultural, as the domain notes' 1,235 agricultural cooperatives
 * at the end of 2020), 15 unions, 700 cooperative groups, and the enterprises and household
 * businesses that own OCOP products. Larger scales repeat the round.
 */
export const TYPE_ROUND: readonly (readonly [EntityType, number])[] = [
  ['cooperative', 1_250],
  ['cooperative_union', 15],
  ['cooperative_group', 700],
  ['enterprise', 700],
  ['household_business', 535],
];

export type DrawnStatus = 'active' | 'suspended' | 'reorganising' | 'dissolved';

/**
 * Lifecycle mix for entities old enough to have changed status (registered before 2024): a
 * little above the target 85 / 8 / 2 / 5 %, since younger entities are all active.
 */
const STATUS_MIX: readonly (readonly [DrawnStatus, number])[] = [
  ['active', 83.2],
  ['suspended', 9],
  ['reorganising', 2.3],
  ['dissolved', 5.5],
];

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

type Category =
  'agriCoop' | 'nonAgriCoop' | 'credit' | 'union' | 'agriGroup' | 'nonAgriGroup' | 'enterprise' | 'household';

/** Where each kind of entity tends to be: agricultural cooperatives in rural communes, companies in the city. */
const COMMUNE_WEIGHTS: Record<Category, Record<SyntheticCommune['kind'], number>> = {
  agriCoop: { rural: 10, periurban: 3, inner: 0.3 },
  nonAgriCoop: { rural: 3, periurban: 3, inner: 2 },
  credit: { rural: 3, periurban: 2, inner: 1 },
  union: { rural: 2, periurban: 1, inner: 1 },
  agriGroup: { rural: 6, periurban: 2, inner: 0.3 },
  nonAgriGroup: { rural: 3, periurban: 2, inner: 1 },
  enterprise: { rural: 2, periurban: 3, inner: 3 },
  household: { rural: 3, periurban: 3, inner: 2 },
};

function categoryOf(type: EntityType, sector: Sector): Category {
  switch (type) {
    case 'cooperative':
      return sector === 'credit' ? 'credit' : sector === 'agriculture' ? 'agriCoop' : 'nonAgriCoop';
    case 'cooperative_union':
      return 'union';
    case 'cooperative_group':
      return sector === 'agriculture' ? 'agriGroup' : 'nonAgriGroup';
    case 'enterprise':
      return 'enterprise';
    case 'household_business':
      return 'household';
  }
}

const SECTOR_MIX: Record<EntityType, readonly (readonly [Sector, number])[]> = {
  cooperative: [
    ['agriculture', 75],
    ['non_agriculture', 23],
    ['credit', 2],
  ],
  cooperative_union: [
    ['agriculture', 70],
    ['non_agriculture', 30],
  ],
  cooperative_group: [
    ['agriculture', 70],
    ['non_agriculture', 30],
  ],
  enterprise: [
    ['agriculture', 45],
    ['non_agriculture', 55],
  ],
  household_business: [
    ['agriculture', 40],
    ['non_agriculture', 60],
  ],
};

const range = (from: number, to: number, weight: (year: number) => number) =>
  Array.from({ length: to - from + 1 }, (_, i) => [from + i, weight(from + i)] as const);

/**
 * Registration years. Most of Hanoi's agricultural cooperatives were converted from the old
 * collectives under the 1996 law (1997–1999); groups, companies and households are younger.
 */
const YEAR_WEIGHTS: Record<Category, readonly (readonly [number, number])[]> = {
  agriCoop: range(1997, 2025, (y) =>
    y === 1997
      ? 7
      : y === 1998
        ? 9
        : y === 1999
          ? 6
          : y <= 2008
            ? 1.2
            : y <= 2012
              ? 1.5
              : y <= 2016
                ? 2.5
                : y <= 2022
                  ? 2.8
                  : y <= 2024
                    ? 2.5
                    : 1.5,
  ),
  nonAgriCoop: range(1997, 2025, (y) => (y <= 1999 ? 1 : y <= 2012 ? 1.5 : y <= 2024 ? 2.5 : 1.5)),
  credit: range(1997, 2025, (y) => (y <= 2005 ? 3 : 0.3)),
  union: range(2005, 2025, (y) => (y === 2025 ? 0.5 : 1)),
  agriGroup: range(2008, 2025, (y) => (1 + (y - 2008) * 0.15) * (y === 2025 ? 0.8 : 1)),
  nonAgriGroup: range(2008, 2025, (y) => (1 + (y - 2008) * 0.15) * (y === 2025 ? 0.8 : 1)),
  enterprise: range(2000, 2025, (y) => (1 + (y - 2000) * 0.1) * (y === 2025 ? 0.8 : 1)),
  household: range(2005, 2025, (y) => (1 + (y - 2005) * 0.12) * (y === 2025 ? 0.8 : 1)),
};

/** Shares with high technology and in a value chain, per category (about 8 % and 30 % overall). */
const HIGH_TECH: Record<Category, number> = {
  agriCoop: 0.06,
  nonAgriCoop: 0.03,
  credit: 0,
  union: 0.2,
  agriGroup: 0.03,
  nonAgriGroup: 0.02,
  enterprise: 0.11,
  household: 0.02,
};
const VALUE_CHAIN: Record<Category, number> = {
  agriCoop: 0.36,
  nonAgriCoop: 0.25,
  credit: 0,
  union: 0.6,
  agriGroup: 0.2,
  nonAgriGroup: 0.15,
  enterprise: 0.4,
  household: 0.15,
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

/** A commune's own speciality (with probability `localShare`) or a generic one; households sell goods, not services. */
function drawSpeciality(
  rng: Rng,
  sector: SyntheticSector,
  commune: SyntheticCommune,
  localShare: number,
  goodsOnly: boolean,
): Speciality {
  const fits = (s: Speciality) => s.sector === sector && !(goodsOnly && s.service);
  const local = SPECIALITIES.filter((s) => fits(s) && s.communes.includes(commune.name));
  if (local.length > 0 && rng.chance(localShare)) return rng.pick(local);
  return rng.pick(SPECIALITIES.filter((s) => fits(s) && s.communes.length === 0));
}

function goodsOf(s: Speciality): string | undefined {
  return s.goods ?? (s.service ? undefined : lowerFirst(s.product));
}

function patternsFor(category: Category, primary: Speciality, highTech: boolean) {
  const usable = (list: readonly (readonly [string, number])[]) =>
    list.filter(([p]) => !p.includes('{goods}') || goodsOf(primary) !== undefined);
  switch (category) {
    case 'agriCoop':
      return highTech
        ? [[HIGH_TECH_COOP_PATTERN, 1] as const, ...usable(AGRI_COOP_PATTERNS)]
        : usable(AGRI_COOP_PATTERNS);
    case 'nonAgriCoop':
      return usable(NON_AGRI_COOP_PATTERNS);
    case 'credit':
      return [[CREDIT_FUND_PATTERN, 1] as const];
    case 'union':
      return usable(UNION_PATTERNS);
    case 'agriGroup':
    case 'nonAgriGroup':
      return usable(GROUP_PATTERNS);
    case 'enterprise':
      return usable(ENTERPRISE_PATTERNS);
    case 'household':
      return usable(HOUSEHOLD_PATTERNS);
  }
}

/** A name not used before in the plan (folded, so "Đông Anh" and "Dong Anh" collide). */
function drawName(
  rng: Rng,
  state: PlanState,
  category: Category,
  primary: Speciality,
  highTech: boolean,
  places: readonly string[],
  area: string,
): string {
  const patterns = patternsFor(category, primary, highTech);
  let name = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    const owner = drawPersonName(rng);
    name = toNfc(
      fill(rng.weighted(patterns), {
        place: rng.pick(places),
        area,
        product: primary.product,
        productLower: lowerFirst(primary.product),
        goods: goodsOf(primary) ?? lowerFirst(primary.product),
        brand: rng.pick(BRANDS),
        owner: owner.full,
      }),
    );
    if (!state.names.has(foldVietnamese(name))) break;
  }
  // Rare after twelve draws: number it, as registrars do ("HTX Nông nghiệp Thụy Lâm số 2").
  const base = name;
  for (let n = 2; state.names.has(foldVietnamese(name)); n++) name = `${base} số ${n}`;
  state.names.add(foldVietnamese(name));
  return name;
}

function registrationDay(rng: Rng, category: Category): number {
  const year = rng.weighted(YEAR_WEIGHTS[category]);
  const last = year === 2025 ? DATA_AS_OF - 14 * DAY_MS : utcDay(year, 12, 31);
  return dayBetween(rng, utcDay(year, 1, 1), last);
}

function issuerFor(type: EntityType, registered: number, commune: SyntheticCommune, old: OldCommune | null): string {
  const afterReform = registered >= REFORM || !old;
  switch (type) {
    case 'enterprise':
      return registered >= utcDay(2025, 3, 1) ? ISSUERS.cityEnterpriseSince2025 : ISSUERS.cityEnterpriseBefore2025;
    case 'cooperative_group':
      return fill(ISSUERS.communeCommittee, { commune: afterReform ? commune.fullName : old.fullName });
    case 'household_business':
      return afterReform
        ? fill(ISSUERS.communeCommittee, { commune: commune.fullName })
        : fill(ISSUERS.districtHousehold, { district: old.districtFullName });
    default:
      return afterReform
        ? fill(ISSUERS.communeCommittee, { commune: commune.fullName })
        : fill(ISSUERS.districtCoopOffice, { district: old.districtFullName });
  }
}

function addressIn(rng: Rng, commune: SyntheticCommune, old: OldCommune | null): string {
  if (commune.kind === 'rural') return `${rng.pick(VILLAGES)}, ${commune.fullName}, Thành phố Hà Nội`;
  const street = old?.name ?? commune.name;
  const kind = rng.pick(STREET_KINDS);
  const lane =
    kind === 'Ngõ'
      ? `Số ${rng.int(1, 60)} ngõ ${rng.int(2, 300)} đường ${street}`
      : `Số ${rng.int(1, 250)} ${kind.toLowerCase()} ${street}`;
  return `${lane}, ${commune.fullName}, Thành phố Hà Nội`;
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

function servicesFor(rng: Rng, category: Category, specialities: readonly Speciality[]): string | null {
  const list = (pool: readonly string[], n: number) => rng.shuffle(pool).slice(0, n).join('; ');
  switch (category) {
    case 'agriCoop':
    case 'agriGroup':
      return list(AGRI_SERVICES, rng.int(2, 4));
    case 'nonAgriCoop':
    case 'nonAgriGroup':
    case 'union':
      return list(NON_AGRI_SERVICES, rng.int(2, 3));
    case 'credit':
      return 'Huy động tiền gửi và cho vay thành viên; dịch vụ thanh toán, chuyển tiền';
    case 'enterprise':
    case 'household':
      return `Sản xuất và kinh doanh ${specialities.map((s) => s.label).join(', ')}`;
  }
}

function describe(
  type: EntityType,
  specialities: readonly Speciality[],
  commune: SyntheticCommune,
  registered: number,
) {
  const what = specialities.map((s) => s.label).join(', ');
  const year = new Date(registered).getUTCFullYear();
  switch (type) {
    case 'cooperative':
      return `Hợp tác xã hoạt động tại ${commune.fullName} từ năm ${year}, chuyên ${what}.`;
    case 'cooperative_union':
      return `Liên hiệp hợp tác xã thành lập năm ${year}, liên kết các hợp tác xã trong lĩnh vực ${what}.`;
    case 'cooperative_group':
      return `Tổ hợp tác của các hộ tại ${commune.fullName}, sản xuất ${what}.`;
    default:
      return null;
  }
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
  const name = drawName(rng, state, category, primary, highTech, places, area);

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
