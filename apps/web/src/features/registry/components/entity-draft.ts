import type { TFunction } from 'i18next';
import type { EntityDetail, EntityType, Sector } from '@hoptac/core';
import { formatNumber } from '../../../lib/format.ts';
import type { FieldErrors } from '../../../lib/errors.ts';
import type { EntityFormBody } from '../api.ts';
import { parseWholeNumber } from './inputs.tsx';
import type { PickedUnit } from './unit-combobox.tsx';

/** Which communes the form offers: any (search), a fixed list (an officer's scope), or none (kept as is). */
export type CommuneChoice =
  { kind: 'search' } | { kind: 'list'; communes: PickedUnit[] } | { kind: 'fixed'; commune: PickedUnit };

/** Types registered under a tax code (10 digits); the others carry a local registration number. */
export function isCodeRequired(type: EntityType | ''): boolean {
  return type === 'cooperative' || type === 'cooperative_union' || type === 'enterprise';
}

export interface Draft {
  type: EntityType | '';
  name: string;
  nameEn: string;
  code: string;
  registrationDate: string;
  registrationIssuer: string;
  address: string;
  commune: PickedUnit | null;
  oldCommune: PickedUnit | null;
  lat: string;
  lng: string;
  legalRepresentative: string;
  phone: string;
  email: string;
  website: string;
  sectors: Sector[];
  specialisations: string;
  services: string;
  description: string;
  charterCapital: string;
  officialMembers: string;
  associateMembers: string;
  highTech: boolean;
  valueChain: boolean;
  valueChainPartner: string;
  specialised: boolean;
}

export function toDraft(e: EntityDetail | undefined, choice: CommuneChoice, lang: string): Draft {
  const defaultCommune =
    choice.kind === 'fixed'
      ? choice.commune
      : choice.kind === 'list' && choice.communes.length === 1
        ? (choice.communes[0] ?? null)
        : null;
  return {
    type: e?.type ?? '',
    name: e?.name ?? '',
    nameEn: e?.nameEn ?? '',
    code: e?.code ?? '',
    registrationDate: e?.registrationDate ?? '',
    registrationIssuer: e?.registrationIssuer ?? '',
    address: e?.address ?? '',
    commune: e ? { code: e.commune.code, fullName: e.commune.fullName } : defaultCommune,
    oldCommune: e?.oldCommune
      ? { code: e.oldCommune.code, fullName: e.oldCommune.fullName, parentName: e.oldDistrict?.fullName ?? null }
      : null,
    lat: e?.lat != null ? String(e.lat) : '',
    lng: e?.lng != null ? String(e.lng) : '',
    legalRepresentative: e?.legalRepresentative ?? '',
    phone: e?.phone ?? '',
    email: e?.email ?? '',
    website: e?.website ?? '',
    sectors: e?.sectors ?? [],
    specialisations: e?.specialisations.join(', ') ?? '',
    services: e?.services ?? '',
    description: e?.description ?? '',
    charterCapital: e ? formatNumber(e.charterCapital, lang) : '',
    officialMembers: e ? String(e.officialMembers) : '',
    associateMembers: e ? String(e.associateMembers) : '',
    highTech: e?.highTech ?? false,
    valueChain: e?.valueChain ?? false,
    valueChainPartner: e?.valueChainPartner ?? '',
    specialised: e?.specialised ?? false,
  };
}

const nullable = (text: string) => (text.trim() ? text.trim() : null);
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const LOCAL_NUMBER = /^[0-9A-Z][0-9A-Z-]{4,18}[0-9A-Z]$/;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseCoordinate(text: string): number | null {
  const v = text.trim().replace(',', '.');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * Checks a draft as the server would, with messages in the user's language, and builds the request
 * body when nothing is wrong: the user sees every problem at once, before sending.
 */
export function checkDraft(
  draft: Draft,
  t: TFunction<'registry'>,
): { body: EntityFormBody | null; errors: FieldErrors } {
  const required = t('errors:validation.required');
  const codeRequired = isCodeRequired(draft.type);
  const next: FieldErrors = {};
  if (!draft.type) next.type = required;
  if (draft.name.trim().length < 2) next.name = draft.name.trim() ? t('issue.too_short') : required;
  if (draft.address.trim().length < 3) next.address = draft.address.trim() ? t('issue.too_short') : required;
  if (!draft.commune) next.communeCode = t('issue.commune_required');
  if (draft.sectors.length === 0) next.sectors = t('issue.sectors_required');
  const code = draft.code.trim().toUpperCase().replace(/[\s.]/g, '');
  if (!code && codeRequired) next.code = t('issue.code_required');
  if (code && draft.type) {
    const ok = codeRequired ? TAX_CODE.test(code) : LOCAL_NUMBER.test(code);
    if (!ok) next.code = codeRequired ? t('issue.tax_code_format') : t('issue.local_code_format');
  }
  const lat = parseCoordinate(draft.lat);
  const lng = parseCoordinate(draft.lng);
  if (Number.isNaN(lat) || (lat !== null && (lat < 8 || lat > 24))) next.lat = t('issue.lat_range');
  if (Number.isNaN(lng) || (lng !== null && (lng < 102 || lng > 110))) next.lng = t('issue.lng_range');
  if ((lat === null) !== (lng === null) && !next.lat && !next.lng) next.lat = t('issue.incomplete_location');
  if (draft.email.trim() && !EMAIL_SHAPE.test(draft.email.trim())) next.email = t('errors:validation.email');
  if (draft.phone.trim() && !/^[0-9 +().-]{8,20}$/.test(draft.phone.trim())) next.phone = t('issue.phone_format');
  if (draft.website.trim() && !/^https?:\/\/\S+\.\S+/.test(draft.website.trim()))
    next.website = t('issue.website_format');
  const numbers = {
    charterCapital: parseWholeNumber(draft.charterCapital),
    officialMembers: parseWholeNumber(draft.officialMembers),
    associateMembers: parseWholeNumber(draft.associateMembers),
  };
  for (const [key, value] of Object.entries(numbers)) {
    if (value !== null && Number.isNaN(value)) next[key] = t('issue.whole_number');
  }
  if (Object.keys(next).length > 0 || !draft.type || !draft.commune) return { body: null, errors: next };

  return {
    errors: next,
    body: {
      type: draft.type,
      name: draft.name.trim(),
      nameEn: nullable(draft.nameEn),
      code: code || null,
      registrationDate: nullable(draft.registrationDate),
      registrationIssuer: nullable(draft.registrationIssuer),
      address: draft.address.trim(),
      communeCode: draft.commune.code,
      oldCommuneCode: draft.oldCommune?.code ?? null,
      lat,
      lng,
      legalRepresentative: nullable(draft.legalRepresentative),
      phone: nullable(draft.phone),
      email: nullable(draft.email),
      website: nullable(draft.website),
      sectors: draft.sectors,
      specialisations: draft.specialisations
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
      charterCapital: numbers.charterCapital ?? 0,
      officialMembers: numbers.officialMembers ?? 0,
      associateMembers: numbers.associateMembers ?? 0,
      services: nullable(draft.services),
      highTech: draft.highTech,
      valueChain: draft.valueChain,
      valueChainPartner: draft.valueChain ? nullable(draft.valueChainPartner) : null,
      specialised: draft.specialised,
      description: nullable(draft.description),
    },
  };
}
