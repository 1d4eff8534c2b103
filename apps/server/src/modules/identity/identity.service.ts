import { createHash, randomBytes } from 'node:crypto';
import {
  CURRENT_SCHEME,
  type ChangePasswordBody,
  type CreateUserBody,
  type LoginBody,
  type SessionUser,
  type UpdateProfileBody,
  type UserListQuery,
  type UserSummary,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { findExistingCommunes } from '../places/index.ts';
import { hashPassword, verifyPassword } from './password.ts';
import * as repo from './identity.repository.ts';

export type IdentityDeps = { db: Db; sessionTtlHours: number; now?: () => Date };

/** The session id stored in the database is a hash, so a leaked table holds no usable cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createIdentityService(deps: IdentityDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    /** Checks credentials and opens a session; the same error for unknown e-mail and wrong password. */
    async login(body: LoginBody, actor: Actor, userAgent: string | null) {
      const cred = await repo.findCredentialsByEmail(db, body.email);
      const ok = await verifyPassword(cred?.passwordHash ?? null, body.password);
      if (!cred || !ok) {
        await recordAudit(db, actor, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: cred?.id ?? null,
          after: { email: body.email },
        });
        throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
      }
      if (!cred.active) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const expiresAt = new Date(at.getTime() + deps.sessionTtlHours * 3_600_000);
      await db.transaction(async (tx) => {
        await repo.insertSession(tx, { id: sessionIdOf(token), userId: cred.id, expiresAt, ip: actor.ip, userAgent });
        await repo.touchLastLogin(tx, cred.id, at);
        await recordAudit(
          tx,
          { ...actor, userId: cred.id },
          { action: 'auth.login', entityType: 'user', entityId: cred.id },
        );
      });
      const user = await repo.findSessionUserById(db, cred.id);
      return { token, expiresAt, user: user! };
    },

    /** The user behind a session cookie, or null when it is unknown, expired or the account is disabled. */
    resolveSession(token: string): Promise<SessionUser | null> {
      return repo.findSessionUser(db, sessionIdOf(token), now());
    },

    /** Ends the session of this cookie (idempotent). */
    async logout(token: string | null, actor: Actor) {
      if (!token) return;
      await db.transaction(async (tx) => {
        const ended = await repo.deleteSession(tx, sessionIdOf(token));
        if (ended)
          await recordAudit(
            tx,
            { ...actor, userId: ended.userId },
            { action: 'auth.logout', entityType: 'user', entityId: ended.userId },
          );
      });
    },

    /** Changes the password after checking the current one; other sessions of the user end. */
    async changePassword(user: SessionUser, body: ChangePasswordBody, currentToken: string, actor: Actor) {
      const stored = await repo.findPasswordHash(db, user.id);
      if (!(await verifyPassword(stored, body.currentPassword))) {
        throw new AppError('WRONG_PASSWORD', 'The current password is wrong', {
          issues: [{ path: ['body', 'currentPassword'], message: 'wrong password', code: 'wrong_password' }],
        });
      }
      if (body.currentPassword === body.newPassword) {
        throw validationFailed(
          ['body', 'newPassword'],
          'The new password must differ from the current one',
          'same_password',
        );
      }
      const newHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await repo.updatePasswordHash(tx, user.id, newHash, now());
        await repo.deleteUserSessions(tx, user.id, sessionIdOf(currentToken));
        // Hashes never go into the audit log: only the fact of the change.
        await recordAudit(tx, actor, { action: 'user.password_changed', entityType: 'user', entityId: user.id });
      });
    },

    /** Updates the signed-in user's own display name and language. */
    async updateProfile(user: SessionUser, body: UpdateProfileBody, actor: Actor): Promise<SessionUser> {
      const before = { displayName: user.displayName, locale: user.locale };
      const after = { displayName: body.displayName ?? user.displayName, locale: body.locale ?? user.locale };
      await db.transaction(async (tx) => {
        await repo.updateProfile(tx, user, after, now());
        await recordAudit(tx, actor, {
          action: 'user.profile_updated',
          entityType: 'user',
          entityId: user.id,
          before,
          after,
        });
      });
      return (await repo.findSessionUserById(db, user.id))!;
    },

    /** Lists accounts for administrators. */
    listUsers(query: UserListQuery) {
      return repo.listUsers(db, query);
    },

    /** Creates an account with roles and commune scope. */
    async createUser(body: CreateUserBody, actor: Actor): Promise<UserSummary> {
      const codes = [...new Set(body.communeCodes)];
      const found = await findExistingCommunes(db, CURRENT_SCHEME, codes);
      const missing = codes.filter((c) => !found.has(c));
      if (missing.length > 0) {
        throw validationFailed(
          ['body', 'communeCodes'],
          `Unknown commune code(s): ${missing.join(', ')}`,
          'unknown_commune',
        );
      }
      if (await repo.emailExists(db, body.email)) {
        throw new AppError('EMAIL_TAKEN', 'An account with this e-mail exists', {
          issues: [{ path: ['body', 'email'], message: 'taken', code: 'email_taken' }],
        });
      }
      const passwordHash = await hashPassword(body.password);
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertUser(tx, {
          email: body.email,
          displayName: body.displayName,
          passwordHash,
          roles: [...new Set(body.roles)],
          communes: codes.map((code) => ({ scheme: CURRENT_SCHEME, code })),
        });
        await recordAudit(tx, actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: newId,
          after: { email: body.email, displayName: body.displayName, roles: body.roles, communeCodes: codes },
        });
        return newId;
      });
      return (await repo.findUserSummary(db, id))!;
    },

    /** Enables or disables an account; disabling ends its sessions. Nobody can disable themselves. */
    async setUserActive(userId: string, active: boolean, actor: Actor): Promise<UserSummary> {
      if (userId === actor.userId && !active) throw new AppError('CONFLICT', 'You cannot disable your own account');
      const before = await repo.findUserSummary(db, userId);
      if (!before) throw new AppError('NOT_FOUND', 'No such user');
      await db.transaction(async (tx) => {
        await repo.setActive(tx, userId, active, now());
        if (!active) await repo.deleteUserSessions(tx, userId);
        await recordAudit(tx, actor, {
          action: active ? 'user.enabled' : 'user.disabled',
          entityType: 'user',
          entityId: userId,
          before: { active: before.active },
          after: { active },
        });
      });
      return (await repo.findUserSummary(db, userId))!;
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
