import { foldVietnamese } from '../text/fold.ts';

/**
 * The evidence locker's vocabulary: the documents an entity keeps once and every dossier reuses
 * (domain.md §1.6, the 18-item dossier list narrowed to what is a document with a validity).
 */
export const EVIDENCE_KINDS = [
  'business_registration',
  'food_safety_certificate',
  'product_standard',
  'test_report',
  'trademark',
  'vietgap_organic',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Days before expiry at which a document counts as "expiring soon" on a checklist. */
export const EXPIRING_SOON_DAYS = 30;

/**
 * Documents a product's dossier must hold, by the sheet's product group. Every entity shows its
 * business registration (a mandatory item of the dossier list); anything eaten, drunk or taken
 * as medicine also needs its food-safety certificate, its published standard (TCCS) and a test
 * report, which part C ("tiêu chuẩn sản phẩm: công bố, ATTP") scores; handicrafts publish a
 * standard. Plants and tourism services have no product standard to publish.
 */
export function requiredEvidenceKinds(productGroup: string): EvidenceKind[] {
  const g = foldVietnamese(productGroup);
  if (/thuc pham|do uong|duoc lieu/.test(g))
    return ['business_registration', 'food_safety_certificate', 'product_standard', 'test_report'];
  if (/thu cong/.test(g)) return ['business_registration', 'product_standard'];
  return ['business_registration'];
}

export type EvidenceDocFacts = { id: string; kind: EvidenceKind; validUntil: string | null };
export type EvidenceValidity = 'valid' | 'expiring_soon' | 'expired';
export type EvidenceCheckStatus = EvidenceValidity | 'missing';
export type EvidenceCheckItem = { kind: EvidenceKind; status: EvidenceCheckStatus; documentId: string | null };

/** Whole days from one calendar day (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A document is valid through its last day; no end date means it does not expire. */
export function evidenceValidity(validUntil: string | null, today: string): EvidenceValidity {
  if (validUntil === null) return 'valid';
  const left = daysBetween(today, validUntil);
  if (left < 0) return 'expired';
  return left <= EXPIRING_SOON_DAYS ? 'expiring_soon' : 'valid';
}

const RANK: Record<EvidenceValidity, number> = { valid: 0, expiring_soon: 1, expired: 2 };

/**
 * One line per required kind with the entity's best document of that kind (the one valid
 * longest), so an old expired copy never hides a renewed one.
 */
export function evidenceChecklist(
  required: readonly EvidenceKind[],
  docs: readonly EvidenceDocFacts[],
  today: string,
): EvidenceCheckItem[] {
  return required.map((kind) => {
    let best: { doc: EvidenceDocFacts; validity: EvidenceValidity } | null = null;
    for (const doc of docs) {
      if (doc.kind !== kind) continue;
      const validity = evidenceValidity(doc.validUntil, today);
      const better =
        !best ||
        RANK[validity] < RANK[best.validity] ||
        (RANK[validity] === RANK[best.validity] && (doc.validUntil ?? '9999') > (best.doc.validUntil ?? '9999'));
      if (better) best = { doc, validity };
    }
    return best
      ? { kind, status: best.validity, documentId: best.doc.id }
      : { kind, status: 'missing' as const, documentId: null };
  });
}

/** The lines that stop a product being submitted: missing or expired documents. */
export function blockingEvidence<T extends { status: EvidenceCheckStatus }>(checklist: readonly T[]): T[] {
  return checklist.filter((i) => i.status === 'missing' || i.status === 'expired');
}

/** Reminder thresholds, in days before expiry. */
export const CERTIFICATE_REMINDER_DAYS = [90, 30] as const;
export const EVIDENCE_REMINDER_DAYS = [30] as const;

/**
 * The reminder threshold due for something valid until `validUntil`: the tightest threshold
 * already reached, so a certificate found 20 days before expiry gets the 30-day reminder, not a
 * late 90-day one. Null once expired or while no threshold is reached. Each (subject, threshold)
 * is sent once; the caller keeps that key.
 */
export function dueReminderThreshold(validUntil: string, today: string, thresholds: readonly number[]): number | null {
  const left = daysBetween(today, validUntil);
  if (left < 0) return null;
  const reached = thresholds.filter((t) => left <= t);
  return reached.length > 0 ? Math.min(...reached) : null;
}
