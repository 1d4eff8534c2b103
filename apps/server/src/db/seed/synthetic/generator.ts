import type { DbOrTx } from '../../client.ts';
import type { Rng } from './rng.ts';
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
