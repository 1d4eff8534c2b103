import {
  vietnamDate,
  type OcopCertificate,
  type OcopCertificateListQuery,
  type OcopCertificateVerification,
  type OcopStar,
  type RecordOcopDecisionBody,
  type SessionUser,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { createUnitNames, type UnitNameLookup } from '../places/index.ts';
import { renderCertificatePdf } from './certificates.pdf.ts';
import * as repo from './certificates.repository.ts';
import {
  addMonths,
  certificateNumber,
  certificateStatus,
  DEFAULT_VALIDITY_MONTHS,
  ISSUER_NAMES,
  type CertificateIssuer,
} from './certificates.rules.ts';
import { loadDossier } from './dossiers.context.ts';
import * as dossiers from './dossiers.repository.ts';
import { audienceOf } from './rounds.access.ts';
import type { RubricsService } from './rubrics.service.ts';
import { ensureVerifyCode } from './verify.repository.ts';
import type { VerifyService } from './verify.service.ts';

export function createCertificatesService(deps: {
  db: Db;
  rubrics: RubricsService;
  /** The public address the QR code points to; the request's origin when not configured. */
  publicBaseUrl?: string | null;
  /** Gives the PDF the product's QR URL (GS1 Digital Link or short code). */
  verify: VerifyService;
  now?: () => Date;
}) {
  const { db, rubrics } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => vietnamDate(now());
  const unitNames = createUnitNames(db);

  function toCertificate(r: repo.CertificateFullRow, names: UnitNameLookup): OcopCertificate {
    const c = r.certificate;
    const issuer = c.issuer as CertificateIssuer;
    return {
      number: c.number,
      status: certificateStatus(c, today()),
      star: c.star as OcopStar,
      total: c.total,
      product: { id: c.productId, name: c.productName },
      entity: {
        id: c.entityId,
        name: c.entityName,
        communeCode: c.communeCode,
        communeName: names(c.communeScheme, c.communeCode) ?? '',
      },
      decision: { number: c.decisionNumber, date: c.decisionDate, issuer, issuerName: ISSUER_NAMES[issuer] },
      issuedOn: c.issuedOn,
      validUntil: c.validUntil,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revokedReason: c.revokedReason,
      dossierId: c.dossierId,
      roundId: r.roundId,
      verifyPath: `/verify/${c.number}`,
    };
  }

  /** The certificate if the caller's scope covers its entity (admins all, officers their communes, the producer its own). */
  async function loadInScope(user: SessionUser, number: string) {
    const row = await repo.findCertificate(db, number);
    if (!row) throw new AppError('NOT_FOUND', 'No such certificate');
    const a = audienceOf(user);
    const covered = a.all || a.communes.includes(row.entityCommuneCode) || a.entityId === row.certificate.entityId;
    if (!covered) throw new AppError('FORBIDDEN', 'Not a certificate you can see');
    return row;
  }

  async function get(user: SessionUser, number: string): Promise<OcopCertificate> {
    const [row, names] = await Promise.all([loadInScope(user, number), unitNames.lookup()]);
    return toCertificate(row, names);
  }

  return {
    get,

    async list(user: SessionUser, query: OcopCertificateListQuery) {
      const [{ rows, total }, names] = await Promise.all([
        repo.listCertificates(db, query, audienceOf(user), today()),
        unitNames.lookup(),
      ]);
      return { total, items: rows.map((r) => toCertificate(r, names)) };
    },

    /**
     * Records the recognition decision on a confirmed 3–5★ dossier — the province's for 3★/4★, the
     * ministry's for a product proposed as 5★ — and issues the certificate: the next number of the
     * decision's year, valid from the decision date for the sheet's validity (36 months).
     */
    async decide(user: SessionUser, dossierId: string, body: RecordOcopDecisionBody, actor: Actor) {
      const { row } = await loadDossier(db, user, dossierId);
      const d = row.dossier;
      if (body.date > today())
        throw validationFailed(['body', 'date'], 'The decision date is in the future', 'in_future');
      if (d.confirmedAt && body.date < vietnamDate(d.confirmedAt))
        throw validationFailed(
          ['body', 'date'],
          'The decision cannot precede the council result',
          'before_confirmation',
        );
      const sheet = await rubrics.load(d.rubricId, d.rubricVersion);
      const months = sheet.certificateValidityMonths ?? DEFAULT_VALIDITY_MONTHS;
      const number = await db.transaction(async (tx) => {
        const locked = await dossiers.lockDossier(tx, d.id, 'update');
        if (locked!.status !== 'confirmed' || locked!.outcome === 'not_certified' || locked!.finalStar === null)
          throw new AppError('INVALID_STATUS_CHANGE', 'Only a confirmed 3–5★ dossier gets a decision', {
            status: locked!.status,
            outcome: locked!.outcome,
          });
        const issuer: CertificateIssuer = locked!.outcome === 'proposed_national' ? 'ministry' : 'province';
        const year = Number(body.date.slice(0, 4));
        const sequence = await repo.nextSequence(tx, year);
        const issued = certificateNumber(year, sequence);
        const values = {
          number: issued,
          year,
          sequence,
          dossierId: d.id,
          productId: d.productId,
          entityId: d.entityId,
          productName: row.product.name,
          entityName: row.entity.name,
          communeScheme: row.entity.communeScheme,
          communeCode: row.entity.communeCode,
          star: locked!.finalStar,
          total: locked!.finalTotal ?? 0,
          decisionNumber: body.number,
          decisionDate: body.date,
          issuer,
          issuedOn: body.date,
          validUntil: addMonths(body.date, months),
          createdBy: user.id,
          createdAt: now(),
        };
        await repo.insertCertificate(tx, values);
        // The product's QR code (for products without a GTIN) exists from its first certificate on.
        await ensureVerifyCode(tx, d.productId);
        await dossiers.updateDossier(tx, d.id, { status: 'certified' }, now());
        await dossiers.insertEvent(tx, {
          dossierId: d.id,
          action: 'certified',
          comment: null,
          actorId: user.id,
          at: now(),
        });
        await recordAudit(tx, actor, {
          action: 'ocop.certificate.issue',
          entityType: 'ocop_certificate',
          entityId: issued,
          after: { ...values, createdAt: undefined },
        });
        return issued;
      });
      return get(user, number);
    },

    /** The certificate as a PDF with the verification QR code. */
    async pdf(user: SessionUser, number: string, origin: string) {
      const [row, names] = await Promise.all([loadInScope(user, number), unitNames.lookup()]);
      const c = toCertificate(row, names);
      const verifyUrl =
        (await deps.verify.productQrUrl(c.product.id, origin)) ??
        `${(deps.publicBaseUrl ?? origin).replace(/\/+$/, '')}${c.verifyPath}`;
      const bytes = await renderCertificatePdf({
        number: c.number,
        status: c.status,
        star: c.star,
        total: c.total,
        productName: c.product.name,
        entityName: c.entity.name,
        communeName: c.entity.communeName,
        decisionNumber: c.decision.number,
        decisionDate: c.decision.date,
        issuerName: c.decision.issuerName,
        issuedOn: c.issuedOn,
        validUntil: c.validUntil,
        verifyUrl,
        generatedAt: now(),
      });
      return { filename: `${c.number}.pdf`, bytes };
    },

    /** Public: whether a certificate is valid, with the facts printed on it and nothing about people. */
    async verify(number: string): Promise<OcopCertificateVerification> {
      const [row, names] = await Promise.all([repo.findCertificate(db, number), unitNames.lookup()]);
      if (!row) throw new AppError('NOT_FOUND', 'No such certificate');
      const c = toCertificate(row, names);
      return {
        number: c.number,
        status: c.status,
        star: c.star,
        productName: c.product.name,
        entityName: c.entity.name,
        communeName: c.entity.communeName,
        decisionNumber: c.decision.number,
        decisionDate: c.decision.date,
        issuerName: c.decision.issuerName,
        issuedOn: c.issuedOn,
        validUntil: c.validUntil,
      };
    },

    /** Withdraws a certificate (post-audit findings, not re-evaluated …); it reads revoked everywhere. */
    async revoke(user: SessionUser, number: string, reason: string, actor: Actor): Promise<OcopCertificate> {
      await db.transaction(async (tx) => {
        const c = await repo.lockCertificate(tx, number);
        if (!c) throw new AppError('NOT_FOUND', 'No such certificate');
        if (c.revokedAt) throw new AppError('INVALID_STATUS_CHANGE', 'The certificate is already revoked');
        const at = now();
        await repo.revokeCertificate(tx, c.id, reason, user.id, at);
        await dossiers.insertEvent(tx, {
          dossierId: c.dossierId,
          action: 'revoked',
          comment: reason,
          actorId: user.id,
          at,
        });
        await recordAudit(tx, actor, {
          action: 'ocop.certificate.revoke',
          entityType: 'ocop_certificate',
          entityId: number,
          before: { revokedAt: null },
          after: { revokedAt: at.toISOString(), reason },
        });
      });
      return get(user, number);
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
