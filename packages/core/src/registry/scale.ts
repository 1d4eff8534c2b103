import type { ScaleClass, Sector } from './vocabulary.ts';

/**
 * Scale of a cooperative (Law on Cooperatives 17/2023/QH15 Art. 16, detailed by NĐ 113/2024/NĐ-CP):
 * by official members plus revenue OR total capital, per sector. The agricultural large and medium
 * thresholds are in the domain notes; the small thresholds and the other sectors are not confirmed,
 * so every row says how sure it is. Thresholds are data: a corrected decree changes this table only.
 */
export type ScaleThreshold = {
  scale: Exclude<ScaleClass, 'micro'>;
  minOfficialMembers: number;
  minRevenue: number;
  minTotalCapital: number;
  confidence: 'domain-notes' | 'uncertain';
};

const AGRICULTURE: ScaleThreshold[] = [
  { scale: 'large', minOfficialMembers: 300, minRevenue: 50e9, minTotalCapital: 10e9, confidence: 'domain-notes' },
  { scale: 'medium', minOfficialMembers: 200, minRevenue: 10e9, minTotalCapital: 5e9, confidence: 'domain-notes' },
  { scale: 'small', minOfficialMembers: 50, minRevenue: 3e9, minTotalCapital: 1e9, confidence: 'uncertain' },
];
const uncertain = (rows: ScaleThreshold[]) => rows.map((r) => ({ ...r, confidence: 'uncertain' as const }));

export const SCALE_THRESHOLDS_ND113_2024: Record<Sector, ScaleThreshold[]> = {
  agriculture: AGRICULTURE,
  non_agriculture: uncertain(AGRICULTURE),
  credit: uncertain(AGRICULTURE),
};

/** The scale class of a cooperative from its members, revenue and total capital (VND). */
export function classifyScale(
  table: Record<Sector, ScaleThreshold[]>,
  sector: Sector,
  facts: { officialMembers: number; revenue: number; totalCapital: number },
): ScaleClass {
  for (const t of table[sector]) {
    const money = facts.revenue >= t.minRevenue || facts.totalCapital >= t.minTotalCapital;
    if (facts.officialMembers >= t.minOfficialMembers && money) return t.scale;
  }
  return 'micro';
}
