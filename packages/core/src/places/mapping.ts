// Pure rules for following the 2025 reform from old units to new ones and back.
// Codes were reused across editions (new 00004 Phường Ba Đình was old 00004 Phường
// Trúc Bạch), so every key carries its scheme and links are the only way across.

// Same values as LINK_KINDS in contracts/places.ts, spelled out so these rules stay
// free of the zod contracts.
type LinkKind = 'full' | 'partial';

export type UnitKey = { scheme: string; code: string };

export type UnitLinkRow = {
  fromScheme: string;
  fromCode: string;
  toScheme: string;
  toCode: string;
  kind: LinkKind;
};

export type SuccessorResolution =
  { status: 'exact'; to: UnitKey } | { status: 'ambiguous'; candidates: UnitKey[] } | { status: 'unmapped' };

export type Predecessor = { from: UnitKey; kind: LinkKind };

// Codes are fixed-width digit strings, so plain string order is numeric order; a
// locale-aware compare would add nothing and could vary between runtimes.
function compareKeys(a: UnitKey, b: UnitKey): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  if (a.scheme !== b.scheme) return a.scheme < b.scheme ? -1 : 1;
  return 0;
}

// Duplicate rows for one pair are tolerated rather than reported as two
// candidates; if they disagree, "full" wins because it is the stronger claim.
function mergeByKey(entries: { key: UnitKey; kind: LinkKind }[]): { key: UnitKey; kind: LinkKind }[] {
  const byKey = new Map<string, { key: UnitKey; kind: LinkKind }>();
  for (const e of entries) {
    const id = `${e.key.scheme}\u0000${e.key.code}`;
    const seen = byKey.get(id);
    if (!seen) byKey.set(id, { key: { ...e.key }, kind: e.kind });
    else if (e.kind === 'full') seen.kind = 'full';
  }
  return [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));
}

/** Where a record filed under an old unit belongs now: one `exact` unit, `ambiguous` candidates, or `unmapped`. */
export function resolveSuccessor(links: readonly UnitLinkRow[], from: UnitKey): SuccessorResolution {
  const targets = mergeByKey(
    links
      .filter((l) => l.fromScheme === from.scheme && l.fromCode === from.code)
      .map((l) => ({ key: { scheme: l.toScheme, code: l.toCode }, kind: l.kind })),
  );
  const [only] = targets;
  if (!only) return { status: 'unmapped' };
  if (targets.length === 1 && only.kind === 'full') return { status: 'exact', to: only.key };
  // A split needs a finer address or a person's choice. So does a lone partial link:
  // the rest of the unit went somewhere the links do not name, so even one
  // candidate is not a safe automatic answer.
  return { status: 'ambiguous', candidates: targets.map((t) => t.key) };
}

/** The old units (wholly or in part) that a new unit was formed from, sorted by code. */
export function predecessorsOf(links: readonly UnitLinkRow[], to: UnitKey): Predecessor[] {
  return mergeByKey(
    links
      .filter((l) => l.toScheme === to.scheme && l.toCode === to.code)
      .map((l) => ({ key: { scheme: l.fromScheme, code: l.fromCode }, kind: l.kind })),
  ).map((e) => ({ from: e.key, kind: e.kind }));
}
