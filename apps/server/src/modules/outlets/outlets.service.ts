import {
  foldVietnamese,
  vietnamDate,
  type CreateOutletBody,
  type NearPoint,
  type Outlet,
  type OutletListQuery,
  type OutletType,
  type PageQuery,
  type PublicOutlet,
  type PublicOutletListQuery,
  type SessionUser,
  type StockableProductQuery,
  type StockedProduct,
  type UpdateOutletBody,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { createUnitNames, findExistingCommunes, type UnitNameLookup } from '../places/index.ts';
import { canKeep, outletScopeOf } from './outlets.access.ts';
import * as repo from './outlets.repository.ts';

const SCHEME = '2025-07';
type Page<T> = { items: T[]; total: number };

function toPublic(
  r: { outlet: repo.OutletRow; productCount: number },
  names: UnitNameLookup,
): Omit<PublicOutlet, 'distanceKm'> {
  const o = r.outlet;
  return {
    id: o.id,
    name: o.name,
    type: o.type as OutletType,
    address: o.address,
    communeCode: o.communeCode,
    communeName: names(o.communeScheme, o.communeCode) ?? '',
    lat: o.lat,
    lng: o.lng,
    openingHours: o.openingHours,
    contact: o.contact,
    url: o.url,
    openedOn: o.openedOn,
    productCount: r.productCount,
  };
}

export function createOutletsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => vietnamDate(now());
  const unitNames = createUnitNames(db);

  function toOutlet(
    user: SessionUser,
    r: NonNullable<Awaited<ReturnType<typeof repo.findOutlet>>>,
    names: UnitNameLookup,
  ): Outlet {
    const o = r.outlet;
    return {
      ...toPublic(r, names),
      operator: o.operatorId ? { id: o.operatorId, displayName: r.operatorName ?? '' } : null,
      closedOn: o.closedOn,
      canEdit: canKeep(user, o) && o.closedOn === null,
      updatedAt: o.updatedAt.toISOString(),
    };
  }

  /** The outlet if the caller keeps it: 404 when it does not exist, 403 when it is someone else's. */
  async function loadKept(user: SessionUser, id: string) {
    const row = await repo.findOutlet(db, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such outlet');
    if (!canKeep(user, row.outlet)) throw new AppError('FORBIDDEN', 'Not an outlet you keep');
    return row;
  }

  async function loadOpen(user: SessionUser, id: string) {
    const row = await loadKept(user, id);
    if (row.outlet.closedOn !== null)
      throw new AppError('ACTION_NOT_ALLOWED', 'The outlet is closed', { closedOn: row.outlet.closedOn });
    return row;
  }

  async function get(user: SessionUser, id: string): Promise<Outlet> {
    const [row, names] = await Promise.all([loadKept(user, id), unitNames.lookup()]);
    return toOutlet(user, row, names);
  }

  /** Field rules a schema cannot state; 400 on the field at fault. */
  async function checkFields(user: SessionUser, next: CreateOutletBody, changed: Partial<CreateOutletBody>) {
    if (changed.communeCode !== undefined) {
      const found = await findExistingCommunes(db, SCHEME, [next.communeCode]);
      if (!found.has(next.communeCode))
        throw validationFailed(['body', 'communeCode'], 'No such commune in the current scheme', 'unknown_commune');
    }
    if (next.type === 'online_shop' && !next.url)
      throw validationFailed(['body', 'url'], 'An online shop needs its address', 'url_required');
    if ((next.lat == null) !== (next.lng == null))
      throw validationFailed(
        ['body', next.lat == null ? 'lat' : 'lng'],
        'Give both coordinates or neither',
        'half_location',
      );
    if (changed.operatorId !== undefined && !outletScopeOf(user).all)
      throw validationFailed(['body', 'operatorId'], 'Only the city assigns operators', 'operator_fixed');
    if (changed.operatorId && !(await repo.isOutletOperator(db, changed.operatorId)))
      throw validationFailed(['body', 'operatorId'], 'The account is not an outlet operator', 'not_outlet_operator');
    if (next.openedOn > today())
      throw validationFailed(['body', 'openedOn'], 'The opening date is in the future', 'in_future');
  }

  /** Public: open outlets, filtered; sorted by distance from `near` when given, by name otherwise. */
  async function listPublicOutlets(filters: PublicOutletListQuery): Promise<Page<PublicOutlet>> {
    const [{ rows, total }, names] = await Promise.all([
      repo.listOpenOutlets(db, filters, today()),
      unitNames.lookup(),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        ...toPublic(r, names),
        distanceKm: r.distanceKm === null ? null : Math.round(Number(r.distanceKm) * 10) / 10,
      })),
    };
  }

  return {
    get,
    listPublicOutlets,

    /** Open outlets stocking a product, nearest first when `near` is given. */
    outletsStockingProduct(productId: string, near?: NearPoint, page: PageQuery = { page: 1, pageSize: 20 }) {
      return listPublicOutlets({ ...page, product: productId, near });
    },

    /**
     * How many outlets opened between two dates (inclusive), optionally only in some communes or of
     * some types — "new showrooms this year" is `({ from: 'YYYY-01-01', to: 'YYYY-12-31' }, { types: ['ocop_showroom'] })`.
     */
    countOutletsOpened(
      period: { from: string; to: string },
      scope: { communeCodes?: readonly string[]; types?: readonly OutletType[] } = {},
    ): Promise<number> {
      return repo.countOpened(db, period.from, period.to, scope);
    },

    async list(user: SessionUser, query: OutletListQuery): Promise<Page<Outlet>> {
      const [{ rows, total }, names] = await Promise.all([
        repo.listOutlets(db, query, outletScopeOf(user), today()),
        unitNames.lookup(),
      ]);
      return { total, items: rows.map((r) => toOutlet(user, r, names)) };
    },

    /** A city admin creates any outlet; an outlet operator creates one they keep themselves. */
    async create(user: SessionUser, body: CreateOutletBody, actor: Actor): Promise<Outlet> {
      await checkFields(user, body, body);
      const operatorId = outletScopeOf(user).all ? (body.operatorId ?? null) : user.id;
      const id = await db.transaction(async (tx) => {
        const values = {
          ...body,
          operatorId,
          url: body.url ?? null,
          createdBy: user.id,
          createdAt: now(),
          updatedAt: now(),
        };
        const created = await repo.insertOutlet(tx, values);
        await recordAudit(tx, actor, {
          action: 'outlet.create',
          entityType: 'outlet',
          entityId: created,
          after: values,
        });
        return created;
      });
      return get(user, id);
    },

    async update(user: SessionUser, id: string, body: UpdateOutletBody, actor: Actor): Promise<Outlet> {
      const before = (await loadOpen(user, id)).outlet;
      const next = { ...before, ...body } as CreateOutletBody;
      await checkFields(user, next, body);
      await db.transaction(async (tx) => {
        await repo.updateOutlet(tx, id, body, now());
        await recordAudit(tx, actor, {
          action: 'outlet.update',
          entityType: 'outlet',
          entityId: id,
          before,
          after: body,
        });
      });
      return get(user, id);
    },

    async close(user: SessionUser, id: string, closedOn: string, actor: Actor): Promise<Outlet> {
      const row = await loadKept(user, id);
      if (closedOn < row.outlet.openedOn)
        throw validationFailed(['body', 'closedOn'], 'An outlet cannot close before it opened', 'before_opening');
      await db.transaction(async (tx) => {
        const locked = await repo.lockOutlet(tx, id);
        if (locked!.closedOn !== null)
          throw new AppError('INVALID_STATUS_CHANGE', 'The outlet is already closed', { closedOn: locked!.closedOn });
        await repo.updateOutlet(tx, id, { closedOn }, now());
        await recordAudit(tx, actor, {
          action: 'outlet.close',
          entityType: 'outlet',
          entityId: id,
          before: { closedOn: null },
          after: { closedOn },
        });
      });
      return get(user, id);
    },

    async stock(user: SessionUser, id: string, query: PageQuery): Promise<Page<StockedProduct>> {
      await loadKept(user, id);
      return repo.listStock(db, id, query, today());
    },

    /** Products with a certificate in force, to add to a stock. */
    async stockable(query: StockableProductQuery) {
      const folded = query.q ? foldVietnamese(query.q) || null : null;
      return repo.listStockable(db, { ...query, folded }, today());
    },

    /** Puts a certified product on the outlet's shelf (again is fine: it stays as it was). */
    async addStock(user: SessionUser, id: string, productId: string, actor: Actor) {
      await loadOpen(user, id);
      if (!(await repo.isCertifiedNow(db, productId, today())))
        throw validationFailed(['body', 'productId'], 'Only products with a certificate in force', 'not_certified');
      await db.transaction(async (tx) => {
        const added = await repo.addStock(tx, id, productId, today());
        if (added)
          await recordAudit(tx, actor, {
            action: 'outlet.stock.add',
            entityType: 'outlet',
            entityId: id,
            after: { productId, since: today() },
          });
      });
      return repo.listStock(db, id, { page: 1, pageSize: 50 }, today());
    },

    async removeStock(user: SessionUser, id: string, productId: string, actor: Actor) {
      await loadOpen(user, id);
      await db.transaction(async (tx) => {
        const removed = await repo.removeStock(tx, id, productId);
        if (!removed) throw new AppError('NOT_FOUND', 'The outlet does not stock this product');
        await recordAudit(tx, actor, {
          action: 'outlet.stock.remove',
          entityType: 'outlet',
          entityId: id,
          before: { productId, since: removed.since },
        });
      });
    },
  };
}

export type OutletsService = ReturnType<typeof createOutletsService>;
