import type { Db } from '../../db/client.ts';

/** What every registry route plugin is given. */
export type RegistryDeps = { db: Db; now?: () => Date };
