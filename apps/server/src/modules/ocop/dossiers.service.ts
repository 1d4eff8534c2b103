import {
  findCriterion,
  foldVietnamese,
  listCriteria,
  nextStarPlan,
  vietnamDate,
  type OcopDossier,
  type OcopDossierEvent,
  type OcopDossierFeedback,
  type OcopDossierListItem,
  type OcopDossierListQuery,
  type OcopDossierOutcome,
  type OcopDossierStatus,
  type OcopStar,
  type SessionUser,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError } from '../../kernel/errors.ts';
import { createUnitNames, type UnitNameLookup } from '../places/index.ts';
import { certificateStatus } from './certificates.rules.ts';
import { findCertificateOfDossier } from './certificates.repository.ts';
import { loadDossier, type DossierContext } from './dossiers.context.ts';
import * as repo from './dossiers.repository.ts';
import { updateProduct } from './products.repository.ts';
import { audienceOf, isScorer } from './rounds.access.ts';
import type { RubricsService } from './rubrics.service.ts';
import { listScorers, listSubmitted } from './scoring.repository.ts';

type Row = repo.DossierRow;

const asStar = (n: number | null) => n as OcopStar | null;

function toListItem(r: Row, names: UnitNameLookup): OcopDossierListItem {
  const d = r.dossier;
  const scorer = isScorer(r.seat) && !r.declaredConflict;
  return {
    id: d.id,
    round: { id: d.roundId, name: r.round.name, year: r.round.year },
    product: { id: d.productId, name: r.product.name, productSet: r.product.productSet },
    entity: {
      id: d.entityId,
      name: r.entity.name,
      communeCode: r.entity.communeCode,
      communeName: names(r.entity.communeScheme, r.entity.communeCode) ?? '',
    },
    rubricId: d.rubricId,
    rubricVersion: d.rubricVersion,
    status: d.status as OcopDossierStatus,
    outcome: d.outcome as OcopDossierOutcome | null,
    selfTotal: d.selfTotal,
    selfStar: asStar(d.selfStar),
    finalTotal: d.finalTotal,
    finalStar: asStar(d.finalStar),
    mySheet: scorer ? ((r.mySheet as 'draft' | 'submitted' | null) ?? 'new') : null,
    receivedAt: d.receivedAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

const toEvent = (e: { action: string; comment: string | null; at: Date }): OcopDossierEvent => ({
  action: e.action as OcopDossierEvent['action'],
  comment: e.comment,
  at: e.at.toISOString(),
});

export function createDossiersService(deps: { db: Db; rubrics: RubricsService; now?: () => Date }) {
  const { db, rubrics } = deps;
  const now = deps.now ?? (() => new Date());
  const unitNames = createUnitNames(db);

  /** Sheets submitted / expected: members of the council without a conflict with the entity. */
  async function progressOf(d: Row['dossier']) {
    const scorers = await listScorers(db, d.roundId, d.entityId);
    const submitted = await listSubmitted(
      db,
      d.id,
      scorers.map((s) => s.userId),
    );
    return { expected: scorers.length, submitted: submitted.length };
  }

  async function detail({ row, cap }: DossierContext): Promise<OcopDossier> {
    const d = row.dossier;
    const council = cap.admin || cap.seat !== null;
    const [names, events, progress, certificate] = await Promise.all([
      unitNames.lookup(),
      repo.listEvents(db, d.id),
      council ? progressOf(d) : null,
      findCertificateOfDossier(db, d.id),
    ]);
    const official = cap.admin || cap.officer;
    const confirmed = d.confirmedAt !== null && d.result !== null;
    const item = toListItem(row, names);
    return {
      ...item,
      description: row.product.description,
      packaging: row.product.packaging,
      priceVnd: row.product.priceVnd,
      priceUnit: row.product.priceUnit,
      annualCapacity: row.product.annualCapacity,
      ingredientsOrigin: row.product.ingredientsOrigin,
      events: events.map(toEvent),
      progress,
      result: confirmed
        ? {
            total: d.finalTotal ?? d.result!.total,
            parts: d.result!.parts,
            bandStar: d.result!.bandStar,
            star: d.result!.star,
            knockedOut: d.result!.knockedOut
              ? { reason: d.result!.knockedOut.reason, criterion: d.result!.knockedOut.criterion }
              : null,
            members: d.result!.members,
            minutes: council ? d.minutes : null,
            confirmedAt: d.confirmedAt!.toISOString(),
          }
        : null,
      certificate: certificate
        ? { number: certificate.number, status: certificateStatus(certificate, vietnamDate(now())) }
        : null,
      can: {
        return: official && d.status === 'received',
        forward: official && d.status === 'received',
        score: isScorer(cap.seat) && d.status === 'forwarded' && item.mySheet !== 'submitted',
        confirm:
          (cap.seat === 'chair' || cap.seat === 'secretary') &&
          d.status === 'forwarded' &&
          progress !== null &&
          progress.expected > 0 &&
          progress.submitted === progress.expected,
        decide: cap.admin && d.status === 'confirmed' && d.outcome !== 'not_certified',
      },
    };
  }

  async function reload(user: SessionUser, id: string) {
    return detail(await loadDossier(db, user, id));
  }

  /** The commune's decision on a received dossier: back to the producer, or on to the council. */
  async function decide(
    user: SessionUser,
    id: string,
    to: 'returned' | 'forwarded',
    comment: string | null,
    actor: Actor,
  ): Promise<OcopDossier> {
    const { cap } = await loadDossier(db, user, id);
    if (!cap.admin && !cap.officer) throw new AppError('FORBIDDEN', 'Only commune officials handle received dossiers');
    await db.transaction(async (tx) => {
      const d = await repo.lockDossier(tx, id, 'update');
      if (d!.status !== 'received')
        throw new AppError('INVALID_STATUS_CHANGE', `A ${d!.status} dossier cannot be ${to}`, { status: d!.status });
      const at = now();
      await repo.updateDossier(tx, id, { status: to }, at);
      // A returned product is the producer's draft again, with the comment telling what to fix.
      if (to === 'returned') await updateProduct(tx, d!.productId, { status: 'draft' });
      await repo.insertEvent(tx, { dossierId: id, action: to, comment, actorId: user.id, at });
      await recordAudit(tx, actor, {
        action: `ocop.dossier.${to === 'returned' ? 'return' : 'forward'}`,
        entityType: 'ocop_dossier',
        entityId: id,
        before: { status: 'received' },
        after: { status: to, comment },
      });
    });
    return reload(user, id);
  }

  return {
    async list(user: SessionUser, query: OcopDossierListQuery) {
      const folded = query.q ? foldVietnamese(query.q) || null : null;
      const [{ rows, total }, names] = await Promise.all([
        repo.listDossiers(db, query, audienceOf(user), user.id, folded),
        unitNames.lookup(),
      ]);
      return { total, items: rows.map((r) => toListItem(r, names)) };
    },

    get: reload,

    returnToProducer(user: SessionUser, id: string, comment: string, actor: Actor) {
      return decide(user, id, 'returned', comment, actor);
    },

    forward(user: SessionUser, id: string, comment: string | null, actor: Actor) {
      return decide(user, id, 'forwarded', comment, actor);
    },

    /**
     * What the producer learns: status and the officials' comments; once the council has
     * confirmed, the final score, the consensus points per criterion, the members' remarks
     * without their names, and the plan for the next star computed on the consensus answers.
     */
    async feedback(user: SessionUser, id: string): Promise<OcopDossierFeedback> {
      const { row, cap } = await loadDossier(db, user, id);
      if (!cap.producer && !cap.admin && !cap.officer)
        throw new AppError('FORBIDDEN', 'Feedback is for the producer and the officials');
      const d = row.dossier;
      const [events, certificate] = await Promise.all([repo.listEvents(db, d.id), findCertificateOfDossier(db, d.id)]);
      let result: OcopDossierFeedback['result'] = null;
      if (d.result && d.consensusAnswers) {
        const sheet = await rubrics.load(d.rubricId, d.rubricVersion);
        const council = d.result;
        const scorers = await listScorers(db, d.roundId, d.entityId);
        const sheets = await listSubmitted(
          db,
          d.id,
          scorers.map((s) => s.userId),
        );
        const order = new Map(listCriteria(sheet).map(({ criterion }, i) => [criterion.code, i]));
        const memberComments = sheets
          .flatMap((s) => [
            ...Object.entries(s.comments).map(([criterion, comment]) => ({ criterion, comment })),
            ...(s.knockOut ? [{ criterion: s.knockOut.criterion ?? null, comment: s.knockOut.reason }] : []),
          ])
          // Criterion order, then text: nothing in the order tells one member from another.
          .sort(
            (a, b) =>
              (a.criterion === null ? -1 : (order.get(a.criterion) ?? 0)) -
                (b.criterion === null ? -1 : (order.get(b.criterion) ?? 0)) || a.comment.localeCompare(b.comment, 'vi'),
          );
        const parts = new Map(listCriteria(sheet).map((c) => [c.criterion.code, c.part]));
        const knockOut =
          council.knockedOut && !council.knockedOut.byLevel
            ? { reason: council.knockedOut.reason, criterion: council.knockedOut.criterion }
            : null;
        result = {
          total: d.finalTotal ?? council.total,
          parts: council.parts,
          bandStar: council.bandStar,
          star: council.star,
          knockedOut: council.knockedOut
            ? { reason: council.knockedOut.reason, criterion: council.knockedOut.criterion }
            : null,
          blockedBy: council.blockedBy,
          criteria: council.criteria.map((c) => ({
            code: c.code,
            title: findCriterion(sheet, c.code)?.title ?? c.title,
            part: parts.get(c.code) ?? 'A',
            maxPoints: c.maxPoints,
            consensusPoints: c.consensusPoints,
          })),
          memberComments,
          nextStar: nextStarPlan(sheet, d.consensusAnswers, { knockOut }),
        };
      }
      return {
        dossierId: d.id,
        round: { id: d.roundId, name: row.round.name, year: row.round.year },
        product: { id: d.productId, name: row.product.name },
        status: d.status as OcopDossierStatus,
        outcome: d.outcome as OcopDossierOutcome | null,
        comments: events.filter((e) => e.comment !== null).map(toEvent),
        result,
        certificate: certificate
          ? {
              number: certificate.number,
              status: certificateStatus(certificate, vietnamDate(now())),
              validUntil: certificate.validUntil,
            }
          : null,
      };
    },
  };
}

export type DossiersService = ReturnType<typeof createDossiersService>;
