import {
  checkMembers,
  toNfc,
  type EntityType,
  type Member,
  type MemberInput,
  type MemberList,
  type SessionUser,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { findEntity } from './entities.repository.ts';
import * as repo from './members.repository.ts';
import { assertAllowed, canEdit, canSeeFull } from './registry.access.ts';

function toMember(r: repo.MemberRow): Member {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as Member['kind'],
    membership: r.membership as Member['membership'],
    capitalContributed: r.capitalContributed,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
    note: r.note,
  };
}

function checkDates(input: { joinedOn: string; leftOn?: string | null }) {
  if (input.leftOn && input.leftOn < input.joinedOn)
    throw validationFailed(['body', 'leftOn'], 'Left before joining', 'before_joined');
}

/** Members of a registered entity; personal data, so only those who see the full record. */
export function createMembersService(deps: { db: Db }) {
  const { db } = deps;

  async function entityFor(user: SessionUser | null, entityId: string, write: boolean) {
    const entity = await findEntity(db, entityId);
    if (!entity) throw new AppError('NOT_FOUND', 'No such entity');
    assertAllowed(
      write ? canEdit(user, entity) : canSeeFull(user, entity),
      write ? 'edit the members' : 'see the members',
    );
    return entity;
  }

  async function memberOf(entityId: string, memberId: string) {
    const m = await repo.findMember(db, entityId, memberId);
    if (!m) throw new AppError('NOT_FOUND', 'No such member');
    return m;
  }

  return {
    /** The member list with the statutory warnings (capital cap, minimum members). */
    async list(user: SessionUser | null, entityId: string): Promise<MemberList> {
      const entity = await entityFor(user, entityId, false);
      const rows = await repo.listMembers(db, entityId);
      const items = rows.map(toMember);
      const warnings = checkMembers(entity.type as EntityType, entity.charterCapital, items);
      return { items, total: items.length, warnings };
    },

    /** Adds a member. */
    async add(user: SessionUser, entityId: string, input: MemberInput, actor: Actor): Promise<Member> {
      await entityFor(user, entityId, true);
      checkDates(input);
      return db.transaction(async (tx) => {
        const row = await repo.insertMember(tx, {
          ...input,
          name: toNfc(input.name),
          leftOn: input.leftOn ?? null,
          note: input.note ?? null,
          entityId,
        });
        await recordAudit(tx, actor, { action: 'member.added', entityType: 'entity', entityId, after: row });
        return toMember(row);
      });
    },

    /** Changes a member (including recording that they left). */
    async update(
      user: SessionUser,
      entityId: string,
      memberId: string,
      input: MemberInput,
      actor: Actor,
    ): Promise<Member> {
      await entityFor(user, entityId, true);
      const before = await memberOf(entityId, memberId);
      checkDates(input);
      return db.transaction(async (tx) => {
        const row = await repo.updateMember(tx, memberId, {
          ...input,
          name: toNfc(input.name),
          leftOn: input.leftOn ?? null,
          note: input.note ?? null,
        });
        await recordAudit(tx, actor, { action: 'member.updated', entityType: 'entity', entityId, before, after: row });
        return toMember(row);
      });
    },

    /** Removes a member entered by mistake; someone who left keeps a row with a leave date instead. */
    async remove(user: SessionUser, entityId: string, memberId: string, actor: Actor): Promise<void> {
      await entityFor(user, entityId, true);
      const before = await memberOf(entityId, memberId);
      await db.transaction(async (tx) => {
        await repo.deleteMember(tx, memberId);
        await recordAudit(tx, actor, { action: 'member.removed', entityType: 'entity', entityId, before });
      });
    },
  };
}
