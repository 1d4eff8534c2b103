import {
  CURRENT_SCHEME,
  type Completeness,
  type EntityType,
  type MissingReportItem,
  type MissingReportsQuery,
  type ReportStatus,
  type SessionUser,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, type Actor } from '../../kernel/audit.ts';
import { validationFailed } from '../../kernel/errors.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import { assertAllowed, listScopeOf } from './registry.access.ts';
import * as repo from './reports-progress.repository.ts';

/**
 * The due date when the city has set none for a year: 31 March of the following year. Neither the
 * law nor the domain notes fix it for Hà Nội; reports on a year are filed in the first quarter of
 * the next, and a city admin sets the real date per year (PUT /api/annual-reports/deadlines/:year).
 */
export function defaultDueDate(year: number): string {
  return `${year + 1}-03-31`;
}

/** The first instant after the due date in Hà Nội (UTC+7, no daylight saving): filing on the day is on time. */
export function lateAfter(dueDate: string): Date {
  return new Date(new Date(`${dueDate}T00:00:00+07:00`).getTime() + 86_400_000);
}

/** Due dates of several years, the default where none is set. */
export async function dueDatesOf(db: Db, years: number[]): Promise<Map<number, string>> {
  const set = await repo.findDeadlines(db, [...new Set(years)]);
  return new Map(years.map((y) => [y, set.get(y) ?? defaultDueDate(y)]));
}

/**
 * The communes a progress view covers: a city admin everything (or the commune asked for), a
 * commune officer their communes (asking for another one is refused).
 */
function communesFor(user: SessionUser, requested?: string): string[] | null {
  const scope = listScopeOf(user);
  if (scope.kind === 'all') return requested ? [requested] : null;
  assertAllowed(scope.kind === 'communes', 'see reporting progress');
  const own = user.communes.filter((c) => c.scheme === CURRENT_SCHEME).map((c) => c.code);
  if (!requested) return own;
  assertAllowed(own.includes(requested), 'see reporting progress of this commune');
  return [requested];
}

const ZERO = { expected: 0, draft: 0, submitted: 0, accepted: 0, approved: 0, returned: 0, missing: 0, late: 0 };

export function createReportProgressService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    /** The reporting deadline of a year (the default when the city has set none). */
    async getDeadline(year: number) {
      const dates = await dueDatesOf(db, [year]);
      return { year, dueDate: dates.get(year)! };
    },

    /** Sets the deadline of a year; it cannot fall before the year starts. */
    async setDeadline(year: number, dueDate: string, actor: Actor) {
      if (dueDate < `${year}-01-01`) {
        throw validationFailed(['body', 'dueDate'], `The deadline cannot be before ${year}`, 'before_report_year');
      }
      await db.transaction(async (tx) => {
        const before = (await repo.findDeadlines(tx, [year])).get(year) ?? null;
        await repo.upsertDeadline(tx, year, dueDate);
        await recordAudit(tx, actor, {
          action: 'report_deadline.set',
          entityType: 'report_deadline',
          entityId: String(year),
          before: before ? { year, dueDate: before } : null,
          after: { year, dueDate },
        });
      });
      return { year, dueDate };
    },

    /** Per commune in the caller's scope: who was expected to report for the year and how far they got. */
    async completeness(user: SessionUser, year: number): Promise<Completeness> {
      const filter = { year, communes: communesFor(user) };
      const dueDate = (await dueDatesOf(db, [year])).get(year)!;
      const rows = await repo.completenessByCommune(db, filter, lateAfter(dueDate), now());
      const totals = { ...ZERO };
      for (const r of rows) for (const k of Object.keys(totals) as (keyof typeof ZERO)[]) totals[k] += r[k];
      return {
        year,
        dueDate,
        rows: rows.map(({ code, fullName, ...counts }) => ({
          commune: { scheme: CURRENT_SCHEME, code, fullName },
          ...counts,
        })),
        totals,
      };
    },

    /** "Who has not reported": a page of expected entities with nothing submitted for the year. */
    async missing(user: SessionUser, q: MissingReportsQuery): Promise<{ items: MissingReportItem[]; total: number }> {
      const filter = { year: q.year, communes: communesFor(user, q.commune) };
      const { limit, offset } = toLimitOffset(q);
      const { rows, total } = await repo.listMissing(db, filter, limit, offset);
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          type: r.type as EntityType,
          commune: { scheme: CURRENT_SCHEME, code: r.communeCode, fullName: r.communeFullName },
          reportStatus: (r.reportStatus as ReportStatus | null) ?? null,
        })),
      };
    },
  };
}

export type ReportProgressService = ReturnType<typeof createReportProgressService>;
