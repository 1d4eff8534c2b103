export * from './api.ts';
export { OCOP_PRODUCT_STATUSES, rubricMatches, shortSheetTitle } from './text.ts';
export { liveScore, type LiveScore } from './scoring.ts';
export { ProductStatusBadge, RubricBadges, StarRating } from './components/badges.tsx';
export { RubricList } from './components/rubric-list.tsx';
export { RubricFacts, RubricSources, StarBands } from './components/rubric-facts.tsx';
export { RubricGuide } from './components/rubric-guide.tsx';
export { ProductFilters } from './components/product-filters.tsx';
export { ProductTable } from './components/product-table.tsx';
export { ProductForm, type EntityChoice } from './components/product-form.tsx';
export type { PickedEntity } from './components/entity-picker.tsx';
export { ProductHeader } from './components/product-header.tsx';
export { ProductProfile } from './components/product-profile.tsx';
export { SelfAssessment } from './components/self-assessment.tsx';
export * from './rounds-api.ts';
export * from './dossiers-api.ts';
export * from './scoring-api.ts';
export * from './certificates-api.ts';
export { OCOP_CERTIFICATE_NUMBER_PATTERN, formatDay } from './text.ts';
export {
  CertificateStatusBadge,
  DossierStatusBadge,
  OutcomeBadge,
  RoundStatusBadge,
  SheetStatusBadge,
} from './components/badges.tsx';
export { RoundForm } from './components/round-form.tsx';
export { RoundTable } from './components/round-table.tsx';
export { RoundHeader } from './components/round-header.tsx';
export { CouncilPanel } from './components/council-panel.tsx';
export { DossierFilters, DossierTable } from './components/dossier-table.tsx';
export {
  ConfirmedResult,
  DossierCertificate,
  DossierFacts,
  DossierHeader,
  DossierHistory,
} from './components/dossier-view.tsx';
export { DossierReview } from './components/dossier-review.tsx';
export { DecisionForm } from './components/decision-form.tsx';
export { AggregatePanel, ScoresHiddenNote } from './components/aggregate-panel.tsx';
export { CouncilScoring } from './components/council-scoring.tsx';
export { ProductDossier } from './components/product-dossier.tsx';
export { CertificateFilters, CertificateTable, CertificateView } from './components/certificates.tsx';
export { OcopErrorMessage } from './components/ocop-error.tsx';
export * from './evidence-api.ts';
export { EvidenceLocker, EvidenceValidityBadge } from './components/evidence-locker.tsx';
export { EvidenceChecklistPanel } from './components/evidence-checklist.tsx';
export { PhotosManager } from './components/photos-manager.tsx';
export { RemindersBell, RemindersList } from './components/reminders-list.tsx';
export { CertifiedImportPanel } from './certified-import-panel.tsx';
