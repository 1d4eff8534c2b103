import path from 'node:path';
import { z } from 'zod';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** OpenStreetMap's own tiles: fine for a demo; production should name its tile server. */
export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

const booleanFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'data', 'db')),
  /** Demo seeding is on by default outside production and can never run in production. */
  SEED_DEMO: booleanFromEnv.optional(),
  /** Defaults to info in production and warn otherwise, so a local terminal shows the URL, not request logs. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  COOKIE_SECURE: booleanFromEnv.optional(),
  /** Set only behind a reverse proxy, so X-Forwarded-For cannot be forged to dodge the login limit. */
  TRUST_PROXY: booleanFromEnv.default(false),
  WEB_DIST: z.string().default(path.join(REPO_ROOT, 'apps', 'web', 'dist')),
  /** The site's public address (https://ocop.example.vn), printed in certificate QR codes; else the request's origin. */
  PUBLIC_BASE_URL: z.url().optional(),
  /** Map tiles of the public outlets map, as a {z}/{x}/{y} URL template. */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, 'a tile URL template with {z}, {x} and {y}')
    .default(DEFAULT_MAP_TILE_URL),
  /** SMTP server for e-mail (smtp://user:pass@host:587 or smtps://…); e-mail is off when unset. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
});

export type AppConfig = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  seedDemo: boolean;
  logLevel: NonNullable<z.infer<typeof envSchema>['LOG_LEVEL']>;
  sessionTtlHours: number;
  loginRateLimit: number;
  cookieSecure: boolean;
  webDist: string;
  trustProxy: boolean;
  publicBaseUrl: string | null;
  mapTileUrl: string;
  smtpUrl: string | null;
};

/** Parses the environment once; an invalid variable stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && e.SEED_DEMO) throw new Error('SEED_DEMO cannot be enabled when NODE_ENV=production');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) },
    seedDemo: production ? false : (e.SEED_DEMO ?? true),
    logLevel: e.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    cookieSecure: e.COOKIE_SECURE ?? production,
    webDist: path.resolve(e.WEB_DIST),
    trustProxy: e.TRUST_PROXY,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    mapTileUrl: e.MAP_TILE_URL,
    smtpUrl: e.SMTP_URL ?? null,
  };
}
