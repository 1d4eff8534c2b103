import viCommon from './vi/common.json';
import viErrors from './vi/errors.json';
import viPlaces from './vi/places.json';
import viIdentity from './vi/identity.json';
import viAudit from './vi/audit.json';
import viRegistry from './vi/registry.json';
import viOcop from './vi/ocop.json';
import viEvidence from './vi/evidence.json';
import viPlans from './vi/plans.json';
import viOutlets from './vi/outlets.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enPlaces from './en/places.json';
import enIdentity from './en/identity.json';
import enAudit from './en/audit.json';
import enRegistry from './en/registry.json';
import enOcop from './en/ocop.json';
import enEvidence from './en/evidence.json';
import enPlans from './en/plans.json';
import enOutlets from './en/outlets.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

export const NAMESPACES = [
  'common',
  'errors',
  'places',
  'identity',
  'audit',
  'registry',
  'ocop',
  'evidence',
  'plans',
  'outlets',
] as const;

/** Bundled, not fetched: the whole UI text is a few kilobytes and must work offline-first. */
export const resources = {
  vi: {
    common: viCommon,
    errors: viErrors,
    places: viPlaces,
    identity: viIdentity,
    audit: viAudit,
    registry: viRegistry,
    ocop: viOcop,
    evidence: viEvidence,
    plans: viPlans,
    outlets: viOutlets,
  },
  en: {
    common: enCommon,
    errors: enErrors,
    places: enPlaces,
    identity: enIdentity,
    audit: enAudit,
    registry: enRegistry,
    ocop: enOcop,
    evidence: enEvidence,
    plans: enPlans,
    outlets: enOutlets,
  },
} as const;
