import { foldVietnamese, toNfc, type EntityType } from '@hoptac/core';
import { drawPersonName } from '../names.ts';
import type { Rng } from '../rng.ts';
import { fill, lowerFirst, utcDay } from './draws.ts';
import { REFORM, type Category } from './entity-mix.ts';
import type { OldCommune, SyntheticCommune } from './places.ts';
import {
  AGRI_COOP_PATTERNS,
  AGRI_SERVICES,
  BRANDS,
  CREDIT_FUND_PATTERN,
  ENTERPRISE_PATTERNS,
  GROUP_PATTERNS,
  HIGH_TECH_COOP_PATTERN,
  HOUSEHOLD_PATTERNS,
  ISSUERS,
  NON_AGRI_COOP_PATTERNS,
  NON_AGRI_SERVICES,
  SPECIALITIES,
  STREET_KINDS,
  UNION_PATTERNS,
  VILLAGES,
  type Speciality,
  type SyntheticSector,
} from './vocabulary.ts';

/** The words of a synthetic entity: its speciality, name, issuer, address, services and description. */

/** A commune's own speciality (with probability `localShare`) or a generic one; households sell goods, not services. */
export function drawSpeciality(
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

export function goodsOf(s: Speciality): string | undefined {
  return s.goods ?? (s.service ? undefined : lowerFirst(s.product));
}

export function patternsFor(category: Category, primary: Speciality, highTech: boolean) {
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
export function drawName(
  rng: Rng,
  names: Set<string>,
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
    if (!names.has(foldVietnamese(name))) break;
  }
  // Rare after twelve draws: number it, as registrars do ("HTX Nông nghiệp Thụy Lâm số 2").
  const base = name;
  for (let n = 2; names.has(foldVietnamese(name)); n++) name = `${base} số ${n}`;
  names.add(foldVietnamese(name));
  return name;
}

export function issuerFor(
  type: EntityType,
  registered: number,
  commune: SyntheticCommune,
  old: OldCommune | null,
): string {
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

export function addressIn(rng: Rng, commune: SyntheticCommune, old: OldCommune | null): string {
  if (commune.kind === 'rural') return `${rng.pick(VILLAGES)}, ${commune.fullName}, Thành phố Hà Nội`;
  const street = old?.name ?? commune.name;
  const kind = rng.pick(STREET_KINDS);
  const lane =
    kind === 'Ngõ'
      ? `Số ${rng.int(1, 60)} ngõ ${rng.int(2, 300)} đường ${street}`
      : `Số ${rng.int(1, 250)} ${kind.toLowerCase()} ${street}`;
  return `${lane}, ${commune.fullName}, Thành phố Hà Nội`;
}

export function servicesFor(rng: Rng, category: Category, specialities: readonly Speciality[]): string | null {
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

export function describe(
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
