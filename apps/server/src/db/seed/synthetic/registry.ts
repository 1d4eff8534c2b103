import type { Db } from '../../client.ts';
import type { GeneratorResult, SyntheticGenerator } from './generator.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../../kernel/audit.ts';
import { accountsGenerator } from './accounts/accounts.generator.ts';
import { registerGenerator } from './register/register.generator.ts';
import { createRng } from './rng.ts';
import type { Scale } from './scales.ts';

/** Run in this order; a later generator may read what an earlier one wrote (products need entities). */
export const GENERATORS: SyntheticGenerator[] = [accountsGenerator, registerGenerator];

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
