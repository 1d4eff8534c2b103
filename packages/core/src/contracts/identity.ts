import { z } from 'zod';
import { pageQuerySchema, pageOf } from './common.ts';

export const ROLES = [
  'city_admin',
  'commune_officer',
  'council_member',
  'entity_member',
  'buyer',
  'outlet_operator',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const localeSchema = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** A commune a commune officer is scoped to (always in the current scheme). */
export const scopeCommuneSchema = z.object({
  scheme: z.string(),
  code: z.string(),
  fullName: z.string(),
});

export const sessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  communes: z.array(scopeCommuneSchema),
  entityId: z.uuid().nullable(),
  locale: localeSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The web's "who is here" probe: 200 for visitors too, so public pages make no failing request. */
export const sessionStateSchema = z.object({ user: sessionUserSchema.nullable() });

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** Minimum length follows current NIST guidance: length beats composition rules. */
export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(200);

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const updateProfileBodySchema = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: localeSchema.optional(),
});
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

export const userSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  communes: z.array(scopeCommuneSchema),
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;
export const userPageSchema = pageOf(userSummarySchema);

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(120).optional(),
  role: roleSchema.optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const createUserBodySchema = z
  .object({
    email: emailSchema,
    displayName: z.string().trim().min(1).max(120),
    roles: z.array(roleSchema).min(1).max(ROLES.length),
    /** Codes of current-scheme communes; required for commune officers. */
    communeCodes: z
      .array(z.string().regex(/^\d{5}$/))
      .max(200)
      .default([]),
    password: passwordSchema,
  })
  .refine((u) => !u.roles.includes('commune_officer') || u.communeCodes.length > 0, {
    path: ['communeCodes'],
    message: 'A commune officer needs at least one commune',
  });
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const setUserActiveBodySchema = z.object({ active: z.boolean() });
