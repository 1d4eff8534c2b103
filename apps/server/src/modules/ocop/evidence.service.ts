import {
  blockingEvidence,
  evidenceChecklist,
  evidenceFieldsSchema,
  evidenceValidity,
  requiredEvidenceKinds,
  vietnamDate,
  type EvidenceChecklist,
  type EvidenceDocument,
  type EvidenceKind,
  type EvidenceListQuery,
  type EvidencePage,
  type SessionUser,
} from '@hoptac/core';
import type { Db, DbOrTx } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { deleteFile, readFile, storeFile } from '../../kernel/files.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import type { ReceivedUpload } from '../../kernel/uploads.ts';
import { loadDossier } from './dossiers.context.ts';
import { productScopeOf, scopeCovers } from './products.access.ts';
import { loadProductInScope } from './products.context.ts';
import { findEntityFacts } from './products.repository.ts';
import * as repo from './evidence.repository.ts';
import type { RubricsService } from './rubrics.service.ts';

function toDocument(r: repo.DocumentRow, today: string): EvidenceDocument {
  const d = r.doc;
  return {
    id: d.id,
    entityId: d.entityId,
    kind: d.kind as EvidenceKind,
    title: d.title,
    issuedOn: d.issuedOn,
    validUntil: d.validUntil,
    validity: evidenceValidity(d.validUntil, today),
    file: { mediaType: r.mediaType, size: r.size, fileName: d.fileName },
    createdAt: d.createdAt.toISOString(),
  };
}

/** The required documents of a product group against an entity's locker, as of `today`. */
export async function checklistOf(
  db: DbOrTx,
  entityId: string,
  productGroup: string,
  today: string,
): Promise<EvidenceChecklist> {
  const rows = await repo.listAllDocuments(db, entityId);
  const facts = rows.map((r) => ({ id: r.doc.id, kind: r.doc.kind as EvidenceKind, validUntil: r.doc.validUntil }));
  const byId = new Map(rows.map((r) => [r.doc.id, r.doc]));
  const items = evidenceChecklist(requiredEvidenceKinds(productGroup), facts, today).map((i) => {
    const doc = i.documentId ? byId.get(i.documentId)! : null;
    return {
      kind: i.kind,
      status: i.status,
      document: doc ? { id: doc.id, title: doc.title, validUntil: doc.validUntil } : null,
    };
  });
  return { productGroup, complete: blockingEvidence(items).length === 0, items };
}

/** Refuses (409 EVIDENCE_MISSING, listing the kinds) while required evidence is missing or expired. */
export async function requireCompleteEvidence(db: DbOrTx, entityId: string, productGroup: string, today: string) {
  const list = await checklistOf(db, entityId, productGroup, today);
  const blocking = blockingEvidence(list.items);
  if (blocking.length > 0)
    throw new AppError('EVIDENCE_MISSING', 'Required documents are missing or expired', {
      missing: blocking.map((i) => ({ kind: i.kind, status: i.status })),
    });
}

export function createEvidenceService(deps: { db: Db; rubrics: RubricsService; now?: () => Date }) {
  const { db, rubrics } = deps;
  const today = () => vietnamDate((deps.now ?? (() => new Date()))());

  /** The entity a caller works on: 404 when unknown, 403 outside the caller's scope. */
  async function entityInScope(user: SessionUser, entityId: string, where: string[]) {
    const entity = await findEntityFacts(db, entityId);
    if (!entity) throw validationFailed(where, 'No such entity', 'unknown_entity');
    if (!scopeCovers(productScopeOf(user), entity)) throw new AppError('FORBIDDEN', 'Not an entity in your scope');
    return entity;
  }

  /** Officials name the entity; a producer works on their own. */
  function entityOf(user: SessionUser, given: string | undefined, where: string[]): string {
    const id = given ?? (user.roles.includes('entity_member') ? user.entityId : null);
    if (!id) throw validationFailed(where, 'Name the entity', 'required');
    return id;
  }

  /** Who reads a document's file: its entity's scope (members, officer, admin) or its council. */
  async function loadReadable(user: SessionUser, id: string) {
    const row = await repo.findDocument(db, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such document');
    const entity = await findEntityFacts(db, row.doc.entityId);
    const inScope = entity !== null && scopeCovers(productScopeOf(user), entity);
    const council =
      !inScope &&
      user.roles.includes('council_member') &&
      user.entityId !== row.doc.entityId &&
      (await repo.councilSeesEntity(db, user.id, row.doc.entityId));
    if (!inScope && !council) throw new AppError('FORBIDDEN', 'Not a document you can read');
    return { row, inScope };
  }

  return {
    async list(user: SessionUser, query: EvidenceListQuery): Promise<EvidencePage> {
      const entityId = entityOf(user, query.entityId, ['querystring', 'entityId']);
      await entityInScope(user, entityId, ['querystring', 'entityId']);
      const { limit, offset } = toLimitOffset(query);
      const { rows, total } = await repo.listDocuments(db, entityId, limit, offset);
      const day = today();
      return { total, items: rows.map((r) => toDocument(r, day)) };
    },

    async upload(user: SessionUser, upload: ReceivedUpload, actor: Actor): Promise<EvidenceDocument> {
      const parsed = evidenceFieldsSchema.safeParse(upload.fields);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: ['body', ...i.path.map(String)],
          message: i.message,
          code: i.code,
        }));
        throw new AppError('VALIDATION_FAILED', 'Validation failed', { issues });
      }
      const fields = parsed.data;
      const entityId = entityOf(user, fields.entityId, ['body', 'entityId']);
      await entityInScope(user, entityId, ['body', 'entityId']);
      const id = await db.transaction(async (tx) => {
        const fileId = await storeFile(tx, upload, user.id);
        const created = await repo.insertDocument(tx, {
          entityId,
          kind: fields.kind,
          title: fields.title,
          issuedOn: fields.issuedOn,
          validUntil: fields.validUntil,
          fileId,
          fileName: upload.fileName,
          createdBy: user.id,
        });
        await recordAudit(tx, actor, {
          action: 'ocop.evidence.upload',
          entityType: 'ocop_evidence_document',
          entityId: created,
          after: { ...fields, entityId, fileId, sha256: upload.sha256, mediaType: upload.mediaType },
        });
        return created;
      });
      return toDocument((await repo.findDocument(db, id))!, today());
    },

    async remove(user: SessionUser, id: string, actor: Actor): Promise<void> {
      const { row, inScope } = await loadReadable(user, id);
      if (!inScope) throw new AppError('FORBIDDEN', 'Only the entity and its officials remove documents');
      await db.transaction(async (tx) => {
        await repo.deleteDocument(tx, id);
        await deleteFile(tx, row.doc.fileId);
        await recordAudit(tx, actor, {
          action: 'ocop.evidence.delete',
          entityType: 'ocop_evidence_document',
          entityId: id,
          before: row.doc,
        });
      });
    },

    async file(user: SessionUser, id: string) {
      const { row } = await loadReadable(user, id);
      const file = (await readFile(db, row.doc.fileId))!;
      return { bytes: file.bytes, mediaType: file.mediaType, fileName: row.doc.fileName };
    },

    /** What a product still needs before it can be submitted. */
    async productChecklist(user: SessionUser, productId: string): Promise<EvidenceChecklist> {
      const row = await loadProductInScope(db, user, productId);
      const sheet = await rubrics.load(row.product.rubricId);
      return checklistOf(db, row.product.entityId, sheet.productGroup, today());
    },

    /** The dossier's documents, for everyone who sees the dossier (its council included). */
    async dossierChecklist(user: SessionUser, dossierId: string): Promise<EvidenceChecklist> {
      const { row } = await loadDossier(db, user, dossierId);
      const sheet = await rubrics.load(row.dossier.rubricId, row.dossier.rubricVersion);
      return checklistOf(db, row.dossier.entityId, sheet.productGroup, today());
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
