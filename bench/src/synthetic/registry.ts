import type { Db, DbOrTx } from '../../../apps/server/src/db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../../apps/server/src/kernel/audit.ts';
import { accountsGenerator } from './accounts/accounts.generator.ts';
import { createRng, type Rng } from './rng.ts';
import type { Scale } from './scales.ts';

/** Everything a generator gets: the open transaction, its own seeded stream, the scale. */
export type GeneratorContext = { db: DbOrTx; rng: Rng; scale: Scale };

export type GeneratorResult = {
  /** Rows of the generator's main kind that this run inserted. */
  created: number;
  /** Rows of that kind the plan wanted that were already there (an earlier run). */
  existing: number;
  /** One line for the console: what else was written, coverage facts. */
  detail?: string;
};

/**
 * One kind of synthetic data. A generator must be deterministic (draw only from `rng`) and
 * idempotent (insert only what is missing), so a second run adds nothing.
 */
export type SyntheticGenerator = {
  name: string;
  run(ctx: GeneratorContext): Promise<GeneratorResult>;
};

/** Run in this order; a later generator may read what an earlier one wrote (products need entities). */
export const GENERATORS: SyntheticGenerator[] = [accountsGenerator];

/** Changing the seed changes every synthetic row: do it only with a reason. */
export const SYNTHETIC_SEED = 'hoptac-synthetic-v1';

export type SeedReport = { scale: string; results: (GeneratorResult & { name: string; ms: number })[]; ms: number };

/** Runs every generator in one transaction: a failure leaves the database as it was. */
export async function seedSynthetic(
  db: Db,
  scale: Scale,
  generators: SyntheticGenerator[] = GENERATORS,
): Promise<SeedReport> {
  const root = createRng(SYNTHETIC_SEED);
  const started = performance.now();
  const results: SeedReport['results'] = [];
  await db.transaction(async (tx) => {
    for (const generator of generators) {
      const t0 = performance.now();
      const result = await generator.run({ db: tx, rng: root.fork(generator.name), scale });
      if (result.created > 0) {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'synthetic.seeded',
          entityType: generator.name,
          after: { scale: scale.name, created: result.created, seed: SYNTHETIC_SEED },
        });
      }
      results.push({ name: generator.name, ...result, ms: performance.now() - t0 });
    }
  });
  return { scale: scale.name, results, ms: performance.now() - started };
}

/** Human-readable lines for a seed report. */
export function describeSeedReport(report: SeedReport): string[] {
  const lines = report.results.map((r) => {
    const what = r.created > 0 ? `created ${r.created.toLocaleString('en')}` : 'nothing to add';
    const had = r.existing > 0 ? `, ${r.existing.toLocaleString('en')} already present` : '';
    const detail = r.detail ? ` — ${r.detail}` : '';
    return `  ${r.name}: ${what}${had} (${(r.ms / 1000).toFixed(1)} s)${detail}`;
  });
  lines.push(`  total: ${(report.ms / 1000).toFixed(1)} s`);
  return lines;
}
