import {
  canChangeStatus as statusChangeAllowed,
  foldVietnamese,
  type CommuneCount,
  type CreateEntityBody,
  type EntityDetail,
  type EntityListQuery,
  type EntityPublic,
  type EntityStatus,
  type EntityView,
  type SessionUser,
  type StatusChangeBody,
  type UpdateEntityBody,
  type DuplicateCandidate,
  vietnamDate,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError } from '../../kernel/errors.ts';
import * as repo from './entities.repository.ts';
import { createUnitNames, type UnitNameLookup } from '../places/index.ts';
import { prepareEntity, type EntityIssue } from './entity-input.ts';
import { createRegisterTotals } from './register-totals.ts';
import { assertAllowed, canChangeStatus, canEdit, canSeeFull, listScopeOf } from './registry.access.ts';

type Row = repo.EntityRow;
type UnitRef = { scheme: '2025-01' | '2025-07'; code: string; fullName: string };

/** A unit reference named from the reference data; null when the entity has no such unit. */
function unitRef(names: UnitNameLookup, scheme: string | null, code: string | null): UnitRef | null {
  return scheme && code ? { scheme: scheme as UnitRef['scheme'], code, fullName: names(scheme, code) ?? '' } : null;
}

function toPublic(r: Row, names: UnitNameLookup): EntityPublic {
  return {
    id: r.id,
    type: r.type as EntityPublic['type'],
    name: r.name,
    nameEn: r.nameEn,
    status: r.status as EntityStatus,
    commune: unitRef(names, r.communeScheme, r.communeCode)!,
    oldCommune: unitRef(names, r.oldCommuneScheme, r.oldCommuneCode),
    oldDistrict: unitRef(names, r.oldCommuneScheme, r.oldDistrictCode),
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    sectors: r.sectors as EntityPublic['sectors'],
    specialisations: r.specialisations,
    services: r.services,
    highTech: r.highTech,
    valueChain: r.valueChain,
    specialised: r.specialised,
    officialMembers: r.officialMembers,
    associateMembers: r.associateMembers,
    registrationDate: r.registrationDate,
    website: r.website,
    description: r.description,
  };
}

function toDetail(r: Row, names: UnitNameLookup, user: SessionUser | null): EntityDetail {
  return {
    ...toPublic(r, names),
    code: r.code,
    registrationIssuer: r.registrationIssuer,
    legalRepresentative: r.legalRepresentative,
    phone: r.phone,
    email: r.email,
    charterCapital: r.charterCapital,
    valueChainPartner: r.valueChainPartner,
    statusSince: r.statusSince,
    rating: r.rating as EntityDetail['rating'],
    ratingYear: r.ratingYear,
    scaleClass: r.scaleClass as EntityDetail['scaleClass'],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    canEdit: canEdit(user, r),
    canChangeStatus: canChangeStatus(user, r),
  };
}

function toCandidate(r: Row, names: UnitNameLookup, reason: DuplicateCandidate['reason']): DuplicateCandidate {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    commune: unitRef(names, r.communeScheme, r.communeCode)!,
    reason,
  };
}

function invalid(issues: EntityIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', 'Validation failed', {
    issues: issues.map((i) => ({ path: ['body', i.field], message: i.message, code: i.code })),
  });
}

export function createEntitiesService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const totals = createRegisterTotals();
  const unitNames = createUnitNames(db);
  const detail = async (row: Row, user: SessionUser | null) => toDetail(row, await unitNames.lookup(), user);

  async function load(id: string): Promise<Row> {
    const row = await repo.findEntity(db, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such entity');
    return row;
  }

  /** Same code for the type is a hard conflict; same name in the commune asks the user to confirm. */
  async function checkDuplicates(values: repo.EntityValues, acknowledged: boolean, excludeId?: string) {
    const found = await repo.findDuplicateCandidates(db, {
      type: values.type,
      code: values.code ?? null,
      nameFolded: values.nameFolded,
      communeCode: values.communeCode,
      excludeId,
    });
    if (found.length === 0) return;
    const names = await unitNames.lookup();
    const sameCode = found.filter((r) => values.code && r.code === values.code && r.type === values.type);
    if (sameCode.length > 0) {
      throw new AppError('DUPLICATE_CODE', 'This registration code is already registered', {
        candidates: sameCode.map((r) => toCandidate(r, names, 'same_code')),
        issues: [{ path: ['body', 'code'], message: 'taken', code: 'duplicate_code' }],
      });
    }
    if (!acknowledged) {
      throw new AppError('POSSIBLE_DUPLICATE', 'An entity with this name exists in this commune', {
        candidates: found.map((r) => toCandidate(r, names, 'same_name_and_commune')),
      });
    }
  }

  return {
    /** The register, narrowed to what the caller may see. */
    async list(user: SessionUser | null, query: EntityListQuery) {
      const folded = query.q ? foldVietnamese(query.q) || null : null;
      const scope = listScopeOf(user);
      const [rows, names] = await Promise.all([repo.listEntityPage(db, query, scope, folded), unitNames.lookup()]);
      // A first page with room to spare holds the whole result; any other page needs the total.
      // An empty page past the end has no revision to compare, so it always counts.
      const total =
        query.page === 1 && rows.length < query.pageSize
          ? rows.length
          : await totals.total(db, query, scope, folded, rows.length > 0 ? Number(rows[0]!.revision) : -1);
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          type: r.type as EntityPublic['type'],
          name: r.name,
          code: r.code,
          status: r.status as EntityStatus,
          commune: unitRef(names, r.communeScheme, r.communeCode)!,
          oldDistrict: unitRef(names, r.oldCommuneScheme, r.oldDistrictCode),
          sectors: r.sectors as EntityPublic['sectors'],
          highTech: r.highTech,
          valueChain: r.valueChain,
          officialMembers: r.officialMembers,
          rating: r.rating as EntityDetail['rating'],
          lat: r.lat,
          lng: r.lng,
        })),
      };
    },

    /** One entity: the full record for those allowed, the public profile for everyone else. */
    async get(user: SessionUser | null, id: string): Promise<EntityView> {
      const row = await load(id);
      if (canSeeFull(user, row)) return { visibility: 'full', ...(await detail(row, user)) };
      if (!['active', 'suspended', 'reorganising'].includes(row.status))
        throw new AppError('NOT_FOUND', 'No such entity');
      return { visibility: 'public', ...toPublic(row, await unitNames.lookup()) };
    },

    /** Registers an entity, warning about look-alikes rather than merging them. */
    async create(user: SessionUser, body: CreateEntityBody, actor: Actor): Promise<EntityDetail> {
      const { values, issues, outsideScope } = await prepareEntity(db, user, body);
      if (outsideScope) throw new AppError('FORBIDDEN', 'This commune is outside your scope');
      if (!values) throw invalid(issues);
      await checkDuplicates(values, body.acknowledgeDuplicates);
      const today = vietnamDate(now());
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertEntity(tx, {
          ...values,
          status: 'active',
          statusSince: values.registrationDate ?? today,
        });
        await repo.insertStatusChange(tx, {
          entityId: newId,
          status: 'active',
          effectiveDate: values.registrationDate ?? today,
          reason: 'Đăng ký vào sổ',
          recordedBy: actor.userId,
        });
        await recordAudit(tx, actor, {
          action: 'entity.created',
          entityType: 'entity',
          entityId: newId,
          after: values,
        });
        return newId;
      });
      return detail(await load(id), user);
    },

    /** Updates the profile; the commune can only move within the caller's scope. */
    async update(user: SessionUser, id: string, body: UpdateEntityBody, actor: Actor): Promise<EntityDetail> {
      const before = await load(id);
      assertAllowed(canEdit(user, before), 'edit this entity');
      const merged = { ...(await detail(before, user)), ...stripUndefined(body) };
      const input = {
        ...merged,
        communeCode: merged.communeCode ?? before.communeCode,
        oldCommuneCode: body.oldCommuneCode !== undefined ? body.oldCommuneCode : before.oldCommuneCode,
      };
      const { values, issues, outsideScope } = await prepareEntity(db, user, {
        ...input,
        specialisations: input.specialisations ?? [],
      });
      if (outsideScope && input.communeCode !== before.communeCode)
        throw new AppError('FORBIDDEN', 'That commune is outside your scope');
      if (!values) throw invalid(issues);
      // A look-alike that was already there when the record was made is not news: ask again only on a move or rename.
      const renamedOrMoved = values.nameFolded !== before.nameFolded || values.communeCode !== before.communeCode;
      await checkDuplicates(values, body.acknowledgeDuplicates || !renamedOrMoved, id);
      await db.transaction(async (tx) => {
        await repo.updateEntity(tx, id, { ...values, updatedAt: now() });
        await recordAudit(tx, actor, {
          action: 'entity.updated',
          entityType: 'entity',
          entityId: id,
          before,
          after: values,
        });
      });
      return detail(await load(id), user);
    },

    /** Records a status change with its date and reason; final statuses cannot be left. */
    async changeStatus(user: SessionUser, id: string, body: StatusChangeBody, actor: Actor): Promise<EntityDetail> {
      const before = await load(id);
      assertAllowed(canChangeStatus(user, before), 'change the status of this entity');
      if (!statusChangeAllowed(before.status as EntityStatus, body.status)) {
        throw new AppError('INVALID_STATUS_CHANGE', `Cannot go from ${before.status} to ${body.status}`, {
          from: before.status,
          to: body.status,
        });
      }
      const today = vietnamDate(now());
      if (body.effectiveDate > today) {
        throw new AppError('VALIDATION_FAILED', 'Validation failed', {
          issues: [{ path: ['body', 'effectiveDate'], message: 'in the future', code: 'future_date' }],
        });
      }
      if (before.statusSince && body.effectiveDate < before.statusSince) {
        throw new AppError('VALIDATION_FAILED', 'Validation failed', {
          issues: [
            {
              path: ['body', 'effectiveDate'],
              message: 'before the current status began',
              code: 'before_current_status',
            },
          ],
        });
      }
      await db.transaction(async (tx) => {
        await repo.updateEntity(tx, id, { status: body.status, statusSince: body.effectiveDate, updatedAt: now() });
        await repo.insertStatusChange(tx, { entityId: id, ...body, recordedBy: actor.userId });
        await recordAudit(tx, actor, {
          action: 'entity.status_changed',
          entityType: 'entity',
          entityId: id,
          before: { status: before.status, statusSince: before.statusSince },
          after: body,
        });
      });
      return detail(await load(id), user);
    },

    /** The status timeline, for those who see the full record. */
    async statusHistory(user: SessionUser | null, id: string) {
      const row = await load(id);
      assertAllowed(canSeeFull(user, row), 'see the history of this entity');
      const items = await repo.listStatusHistory(db, id);
      return items.map((i) => ({ ...i, status: i.status as EntityStatus, recordedAt: i.recordedAt.toISOString() }));
    },

    /** How many entities each commune has, within the caller's view of the register. */
    async countByCommune(user: SessionUser | null): Promise<CommuneCount[]> {
      const [rows, names] = await Promise.all([repo.countByCommune(db, listScopeOf(user)), unitNames.lookup()]);
      return rows.map((r) => ({ commune: unitRef(names, r.scheme, r.code)!, count: r.n }));
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type EntitiesService = ReturnType<typeof createEntitiesService>;
