// A small seeded PRNG, so the synthetic data set is the same on every run and every machine.
// Math.random cannot be seeded; crypto randomness would change the data (and the benchmark) each time.

/** 32-bit FNV-1a of a string, used only to turn a seed label into PRNG state. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Rng = {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: [[value, weight], …]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A new shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A syntactically valid random (version 4) UUID drawn from this stream. */
  uuid(): string;
  /**
   * An independent stream derived from this one's seed and a name. Each generator gets its own
   * fork, so adding draws to one generator never shifts the data another one produces.
   */
  fork(name: string): Rng;
};

/** Mulberry32 over a seed label; the label (not a number) keeps forks readable: "hoptac/accounts". */
export function createRng(label: string): Rng {
  let state = fnv1a(label);
  const nextU32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => nextU32() / 4_294_967_296;

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    uuid() {
      const hex = [nextU32(), nextU32(), nextU32(), nextU32()].map((n) => n.toString(16).padStart(8, '0')).join('');
      const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    fork: (name) => createRng(`${label}/${name}`),
  };
  return rng;
}
