export { ocopRoutes } from './ocop.routes.ts';
export { syncShippedRubrics } from './rubrics.reference.ts';
export { seedDemoOcopRound } from './ocop.seed.ts';
export { certificateStatus, ISSUER_NAMES, type CertificateIssuer } from './certificates.rules.ts';
export { seedDemoEvidence, fillEvidenceLocker } from './evidence.seed.ts';
// Public verification (GS1 Digital Link, short codes, certificate numbers), for the catalogue's pages:
//   createVerifyService({ db, now?, publicBaseUrl? }) → {
//     verifyCode(code: string, scan?: ScanContext): Promise<VerifyResult>   — live, logs the scan when `scan` is given
//     buildLinkset(result: VerifyResult, origin: string): Linkset            — RFC 9264, for application/linkset+json
//     qrTarget({ gtin, verifyCode }, origin, lot?): string | null            — the URL a product's QR code holds
//     productQrUrl(productId: string, origin: string): Promise<string | null>
//     productQr(productId: string, origin: string): Promise<{ url, svgPath, pngPath } | null> — for print links
//     qrImage(code: string, 'svg' | 'png', origin: string): Promise<string | Buffer>
//   }
export { createVerifyService, type Linkset, type ScanContext, type VerifyService } from './verify.service.ts';
export { assignMissingVerifyCodes } from './verify.seed.ts';
export { startReminderSchedule, type ReminderSchedule } from './reminders.schedule.ts';
// Products certified outside the workflow (imports from before Hoptac, demo data): rounds, dossiers, certificates in one go.
export { importedRoundName, insertCertifiedRecords, type CertifiedRecord } from './certified-records.ts';
