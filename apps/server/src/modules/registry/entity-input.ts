import {
  CURRENT_SCHEME,
  foldVietnamese,
  isValidRegistrationCode,
  toNfc,
  type EntityInput,
  type SessionUser,
} from '@hoptac/core';
import type { DbOrTx } from '../../db/client.ts';
import { findUnit, isLinked } from '../places/index.ts';
import type { EntityValues } from './entities.repository.ts';
import { canRegisterIn } from './registry.access.ts';

export const OLD_SCHEME = '2025-01';

/** A problem with one field of an entity record; `field` is the input's key. */
export type EntityIssue = { field: keyof EntityInput; code: string; message: string };

/** Types that are legal persons registered with an enterprise/tax code: the code is mandatory. */
const CODE_REQUIRED = new Set(['cooperative', 'cooperative_union', 'enterprise']);

/**
 * Checks an entity record against the registry's rules beyond its schema (code format per type,
 * communes that exist, an old commune that really became the new one, the caller's scope) and
 * returns the database values. Shared by the API and the XLSX import so both enforce the same rules.
 */
export async function prepareEntity(
  db: DbOrTx,
  user: SessionUser,
  input: EntityInput,
): Promise<{ values: EntityValues | null; issues: EntityIssue[]; outsideScope: boolean }> {
  const issues: EntityIssue[] = [];
  const code = input.code ? input.code : null;
  if (code && !isValidRegistrationCode(input.type, code)) {
    issues.push({
      field: 'code',
      code: 'invalid_format',
      message: 'Registration code has the wrong format for this type',
    });
  }
  if (!code && CODE_REQUIRED.has(input.type)) {
    issues.push({ field: 'code', code: 'required', message: 'A registration (tax) code is required for this type' });
  }
  const commune = await findUnit(db, CURRENT_SCHEME, input.communeCode);
  if (!commune || commune.level !== 'commune') {
    issues.push({ field: 'communeCode', code: 'unknown_commune', message: 'Unknown commune in the current scheme' });
  }
  let oldDistrictCode: string | null = null;
  if (input.oldCommuneCode) {
    const old = await findUnit(db, OLD_SCHEME, input.oldCommuneCode);
    if (!old || old.level !== 'commune') {
      issues.push({
        field: 'oldCommuneCode',
        code: 'unknown_old_commune',
        message: 'Unknown commune in the 2025-01 scheme',
      });
    } else {
      oldDistrictCode = old.parent?.code ?? null;
      const linked = await isLinked(
        db,
        { scheme: OLD_SCHEME, code: old.code },
        { scheme: CURRENT_SCHEME, code: input.communeCode },
      );
      if (commune && !linked) {
        issues.push({
          field: 'oldCommuneCode',
          code: 'not_a_predecessor',
          message: 'This old commune did not become the selected commune',
        });
      }
    }
  }
  if ((input.lat == null) !== (input.lng == null)) {
    issues.push({ field: 'lat', code: 'incomplete_location', message: 'Give both latitude and longitude, or neither' });
  }
  const outsideScope = !canRegisterIn(user, input.communeCode);
  if (issues.length > 0) return { values: null, issues, outsideScope };
  const name = toNfc(input.name);
  return {
    issues,
    outsideScope,
    values: {
      type: input.type,
      name,
      nameEn: input.nameEn ?? null,
      nameFolded: foldVietnamese(name),
      code,
      registrationDate: input.registrationDate ?? null,
      registrationIssuer: input.registrationIssuer ?? null,
      address: toNfc(input.address),
      communeScheme: CURRENT_SCHEME,
      communeCode: input.communeCode,
      oldCommuneScheme: input.oldCommuneCode ? OLD_SCHEME : null,
      oldCommuneCode: input.oldCommuneCode ?? null,
      oldDistrictCode,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      legalRepresentative: input.legalRepresentative ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      website: input.website ?? null,
      sectors: [...new Set(input.sectors)],
      specialisations: input.specialisations,
      charterCapital: input.charterCapital,
      officialMembers: input.officialMembers,
      associateMembers: input.associateMembers,
      services: input.services ?? null,
      highTech: input.highTech,
      valueChain: input.valueChain,
      valueChainPartner: input.valueChainPartner ?? null,
      specialised: input.specialised,
      description: input.description ?? null,
    },
  };
}
