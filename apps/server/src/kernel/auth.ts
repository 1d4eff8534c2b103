import type { Role, SessionUser } from '@hoptac/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './audit.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'hoptac_session';

export type ResolveSession = (token: string) => Promise<SessionUser | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the guards; null on routes without one or when signed out. */
    user: SessionUser | null;
  }
  interface FastifyInstance {
    resolveSession: ResolveSession;
  }
}

/** Sessions are resolved lazily by the guards, so public and static routes never touch the session table. */
export function registerAuth(app: FastifyInstance, resolveSession: ResolveSession): void {
  app.decorate('resolveSession', resolveSession);
  app.decorateRequest('user', null);
}

export function sessionToken(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return token && token.length <= 128 ? token : null;
}

/** The signed-in user or null, for routes that serve visitors too. */
export async function optionalUser(request: FastifyRequest): Promise<SessionUser | null> {
  return loadUser(request);
}

async function loadUser(request: FastifyRequest): Promise<SessionUser | null> {
  if (request.user) return request.user;
  const token = sessionToken(request);
  request.user = token ? await request.server.resolveSession(token) : null;
  return request.user;
}

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** preHandler: any signed-in user. */
export const requireUser: Guard = async (request) => {
  if (!(await loadUser(request))) throw new AppError('UNAUTHENTICATED', 'Sign in required');
};

/** preHandler: a signed-in user holding at least one of the roles. */
export function requireRole(...roles: Role[]): Guard {
  return async (request) => {
    const user = await loadUser(request);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in required');
    if (!user.roles.some((r) => roles.includes(r))) throw new AppError('FORBIDDEN', 'Not allowed for your role');
  };
}

/** The signed-in user after a guard ran; a route without a guard calling this is a bug. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED', 'Sign in required');
  return request.user;
}

/** The actor recorded in audit entries for this request. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, requestId: request.id, ip: request.ip };
}
