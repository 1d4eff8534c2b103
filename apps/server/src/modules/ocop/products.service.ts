import {
  foldVietnamese,
  gtinProblem,
  productQrPaths,
  toGtin14,
  previewScore,
  validateAnswers,
  vietnamDate,
  type CreateOcopProductBody,
  type OcopProduct,
  type OcopProductListItem,
  type OcopProductListQuery,
  type OcopProductStatus,
  type RubricAnswers,
  type RubricSheet,
  type SelfAssessment,
  type SessionUser,
  type UpdateOcopProductBody,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError } from '../../kernel/errors.ts';
import { createUnitNames, type UnitNameLookup } from '../places/index.ts';
import { enterOpenRound } from './dossiers.intake.ts';
import { requireCompleteEvidence } from './evidence.service.ts';
import { productScopeOf, scopeCovers } from './products.access.ts';
import * as repo from './products.repository.ts';
import { answerIssuesError, type RubricsService } from './rubrics.service.ts';

type Row = repo.ProductRow;
type SelfRow = NonNullable<Awaited<ReturnType<typeof repo.findSelfAssessment>>>;

/** Entities that no longer operate cannot put products forward. */
const OPERATING = ['active', 'reorganising'];

function fieldError(field: string, code: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['body', field], message, code }] });
}

function toListItem(r: Row, names: UnitNameLookup): OcopProductListItem {
  const p = r.product;
  return {
    id: p.id,
    name: p.name,
    entity: {
      id: p.entityId,
      name: r.entityName,
      communeCode: r.entityCommuneCode,
      communeName: names(r.entityCommuneScheme, r.entityCommuneCode) ?? '',
    },
    rubricId: p.rubricId,
    rubricTitle: r.rubricTitle,
    productSet: p.productSet,
    status: p.status as OcopProductStatus,
    selfStar: r.selfStar,
    selfTotal: r.selfTotal,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Unanswered criteria of a saved self-assessment; the score once none is missing. */
function describeSelfAssessment(sheet: RubricSheet, saved: SelfRow): SelfAssessment {
  const missing = validateAnswers(sheet, saved.answers)
    .filter((i) => i.code === 'MISSING')
    .map((i) => i.criterion!);
  return {
    rubricId: saved.rubricId,
    version: saved.rubricVersion,
    answers: saved.answers,
    missing,
    result: missing.length === 0 ? previewScore(sheet, saved.answers) : null,
    updatedAt: saved.updatedAt.toISOString(),
  };
}

export function createProductsService(deps: { db: Db; rubrics: RubricsService; now?: () => Date }) {
  const { db, rubrics } = deps;
  const now = deps.now ?? (() => new Date());
  const unitNames = createUnitNames(db);

  /** The product if the caller's scope covers its entity: 404 when it does not exist, 403 when out of scope. */
  async function loadInScope(user: SessionUser, id: string): Promise<Row> {
    const row = await repo.findProduct(db, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such product');
    const entity = { id: row.product.entityId, communeCode: row.entityCommuneCode };
    if (!scopeCovers(productScopeOf(user), entity)) throw new AppError('FORBIDDEN', 'Not your product');
    return row;
  }

  async function loadEditable(user: SessionUser, id: string): Promise<Row> {
    const row = await loadInScope(user, id);
    if (row.product.status !== 'draft')
      throw new AppError('ACTION_NOT_ALLOWED', 'Only a draft product can be changed', { status: row.product.status });
    return row;
  }

  /** A current, complete sheet listing the product set; 400 on the field at fault otherwise. */
  async function checkSheet(rubricId: string, productSet: string): Promise<RubricSheet> {
    const sheet = await rubrics.load(rubricId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND')
        throw fieldError('rubricId', 'unknown_rubric', `No scoring sheet ${rubricId}`);
      throw err;
    });
    if (!sheet.decision.current || sheet.coverage !== 'complete')
      throw fieldError(
        'rubricId',
        'rubric_not_current',
        'New products are scored on a complete sheet of the decision in force',
      );
    if (!sheet.productSets.includes(productSet))
      throw fieldError('productSet', 'not_in_rubric', `"${productSet}" is not a product set of sheet ${sheet.id}`);
    return sheet;
  }

  /**
   * The GTIN in its GTIN-14 form, once its check digit is right and no other product carries it;
   * nothing when the body leaves it out. 400 on `body.gtin` otherwise.
   */
  async function checkGtin(gtin: string | null | undefined, productId?: string): Promise<{ gtin?: string | null }> {
    if (gtin === undefined) return {};
    if (gtin === null) return { gtin: null };
    const problem = gtinProblem(gtin);
    if (problem) throw fieldError('gtin', 'invalid_gtin', `Not a GTIN (${problem}): ${gtin}`);
    const gtin14 = toGtin14(gtin);
    const holder = await repo.findProductIdByGtin(db, gtin14);
    if (holder && holder !== productId) throw fieldError('gtin', 'gtin_taken', 'Another product has this GTIN');
    return { gtin: gtin14 };
  }

  async function detail(user: SessionUser, row: Row): Promise<OcopProduct> {
    const p = row.product;
    const [names, saved, rubric] = await Promise.all([
      unitNames.lookup(),
      repo.findSelfAssessment(db, p.id),
      rubrics.load(p.rubricId),
    ]);
    const assessed = saved
      ? describeSelfAssessment(await rubrics.load(saved.rubricId, saved.rubricVersion), saved)
      : null;
    return {
      ...toListItem(row, names),
      description: p.description,
      packaging: p.packaging,
      priceVnd: p.priceVnd,
      priceUnit: p.priceUnit,
      annualCapacity: p.annualCapacity,
      ingredientsOrigin: p.ingredientsOrigin,
      story: p.story,
      shopLinks: p.shopLinks,
      gtin: p.gtin,
      qr: productQrPaths(p),
      rubric: await rubrics.summary(rubric.id, rubric.version),
      submittedAt: p.submittedAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
      canEdit:
        p.status === 'draft' &&
        scopeCovers(productScopeOf(user), { id: p.entityId, communeCode: row.entityCommuneCode }),
      selfAssessment: assessed,
    };
  }

  async function reload(user: SessionUser, id: string) {
    return detail(user, (await repo.findProduct(db, id))!);
  }

  return {
    async list(user: SessionUser, query: OcopProductListQuery) {
      const folded = query.q ? foldVietnamese(query.q) || null : null;
      const [{ rows, total }, names] = await Promise.all([
        repo.listProducts(db, query, productScopeOf(user), folded),
        unitNames.lookup(),
      ]);
      return { total, items: rows.map((r) => toListItem(r, names)) };
    },

    async get(user: SessionUser, id: string): Promise<OcopProduct> {
      return detail(user, await loadInScope(user, id));
    },

    async create(user: SessionUser, body: CreateOcopProductBody, actor: Actor): Promise<OcopProduct> {
      const entity = await repo.findEntityFacts(db, body.entityId);
      if (!entity) throw fieldError('entityId', 'unknown_entity', 'No such entity');
      if (!scopeCovers(productScopeOf(user), entity))
        throw new AppError('FORBIDDEN', 'Products can be registered only for entities in your scope');
      if (!OPERATING.includes(entity.status))
        throw fieldError('entityId', 'entity_not_operating', 'The entity is not operating');
      await checkSheet(body.rubricId, body.productSet);
      const { entityId, ...rest } = body;
      const fields = { ...rest, ...(await checkGtin(body.gtin)) };
      const id = await db.transaction(async (tx) => {
        const created = await repo.insertProduct(tx, {
          ...fields,
          entityId,
          nameFolded: foldVietnamese(body.name),
          createdBy: user.id,
        });
        await recordAudit(tx, actor, {
          action: 'ocop.product.create',
          entityType: 'ocop_product',
          entityId: created,
          after: body,
        });
        return created;
      });
      return reload(user, id);
    },

    async update(user: SessionUser, id: string, body: UpdateOcopProductBody, actor: Actor): Promise<OcopProduct> {
      const before = (await loadEditable(user, id)).product;
      const rubricId = body.rubricId ?? before.rubricId;
      const sheetChanged = rubricId !== before.rubricId;
      if (sheetChanged || body.productSet !== undefined)
        await checkSheet(rubricId, body.productSet ?? before.productSet);
      const gtin = await checkGtin(body.gtin, id);
      await db.transaction(async (tx) => {
        await repo.updateProduct(tx, id, {
          ...body,
          ...gtin,
          ...(body.name !== undefined ? { nameFolded: foldVietnamese(body.name) } : {}),
        });
        // Answers belong to one sheet's criteria: on another sheet they mean nothing.
        if (sheetChanged) await repo.deleteSelfAssessment(tx, id);
        await recordAudit(tx, actor, {
          action: 'ocop.product.update',
          entityType: 'ocop_product',
          entityId: id,
          before,
          after: { ...body, selfAssessmentCleared: sheetChanged },
        });
      });
      return reload(user, id);
    },

    /**
     * Saves the producer's answers, complete or not. Answers that do not fit the sheet (unknown
     * criterion, level out of range) are refused; unanswered criteria are listed, not refused.
     */
    async saveSelfAssessment(user: SessionUser, id: string, answers: RubricAnswers, actor: Actor) {
      const row = await loadEditable(user, id);
      const saved = await repo.findSelfAssessment(db, id);
      // Keep the version the producer started on; a new product starts on the latest.
      const sheet =
        saved && saved.rubricId === row.product.rubricId
          ? await rubrics.load(saved.rubricId, saved.rubricVersion)
          : await rubrics.load(row.product.rubricId);
      const issues = validateAnswers(sheet, answers).filter((i) => i.code !== 'MISSING');
      if (issues.length > 0) throw answerIssuesError(issues, ['body', 'answers']);
      const complete = validateAnswers(sheet, answers).length === 0;
      const score = complete ? previewScore(sheet, answers) : null;
      await db.transaction(async (tx) => {
        await repo.saveSelfAssessment(tx, {
          productId: id,
          rubricId: sheet.id,
          rubricVersion: sheet.version,
          answers,
          total: score?.total ?? null,
          star: score?.star ?? null,
          updatedBy: user.id,
          updatedAt: now(),
        });
        await repo.updateProduct(tx, id, {});
        await recordAudit(tx, actor, {
          action: 'ocop.self_assessment.save',
          entityType: 'ocop_product',
          entityId: id,
          before: saved ? { answers: saved.answers } : null,
          after: { answers, total: score?.total ?? null, star: score?.star ?? null },
        });
      });
      return reload(user, id);
    },

    /** Hands the product in to the open evaluation round; its self-assessment must be complete. */
    async submit(user: SessionUser, id: string, actor: Actor): Promise<OcopProduct> {
      const row = await loadEditable(user, id);
      const saved = await repo.findSelfAssessment(db, id);
      if (!saved)
        throw new AppError('VALIDATION_FAILED', 'Fill in the self-assessment first', {
          issues: [{ path: ['selfAssessment'], message: 'No self-assessment yet', code: 'MISSING' }],
        });
      const sheet = await rubrics.load(saved.rubricId, saved.rubricVersion);
      const issues = validateAnswers(sheet, saved.answers);
      if (issues.length > 0) throw answerIssuesError(issues, ['selfAssessment']);
      await db.transaction(async (tx) => {
        const at = now();
        // The dossier reuses the entity's locker: nothing goes in while a required document is missing or expired.
        await requireCompleteEvidence(tx, row.product.entityId, sheet.productGroup, vietnamDate(at));
        // The product becomes a dossier of the open round (NO_OPEN_ROUND when there is none).
        const { dossierId, roundId } = await enterOpenRound(tx, {
          productId: id,
          entityId: row.product.entityId,
          rubricId: saved.rubricId,
          rubricVersion: saved.rubricVersion,
          decisionCode: sheet.decision.code,
          selfTotal: saved.total,
          selfStar: saved.star,
          actorId: user.id,
          at,
        });
        await repo.updateProduct(tx, id, { status: 'submitted', submittedAt: at });
        await recordAudit(tx, actor, {
          action: 'ocop.product.submit',
          entityType: 'ocop_product',
          entityId: id,
          after: { status: 'submitted', selfTotal: saved.total, selfStar: saved.star, roundId, dossierId },
        });
      });
      return reload(user, id);
    },
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
