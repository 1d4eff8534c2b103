import type { IndicatorUnit, TargetStatus } from '@hoptac/core';
import type { BadgeTone } from '../../components/badge.tsx';
import { formatNumber } from '../../lib/format.ts';

export const STATUS_TONE: Record<TargetStatus, BadgeTone> = {
  on_track: 'green',
  at_risk: 'amber',
  off_track: 'red',
  not_started: 'neutral',
};

/** A figure in its unit: money in millions or billions of VND, counts whole. */
export function formatFigure(value: number | null, unit: IndicatorUnit, lang: string): string {
  if (value === null) return '—';
  if (unit === 'vnd' || unit === 'vnd_per_year') {
    const billions = value >= 1e9;
    const n = formatNumber(Math.round((value / (billions ? 1e9 : 1e6)) * 100) / 100, lang);
    return lang === 'en' ? `VND ${n} ${billions ? 'bn' : 'm'}` : `${n} ${billions ? 'tỷ đồng' : 'triệu đồng'}`;
  }
  return formatNumber(Math.round(value * 100) / 100, lang);
}

export const formatPercent = (value: number | null, lang: string) =>
  value === null ? '—' : `${formatNumber(Math.round(value * 10) / 10, lang)} %`;

export const periodLabel = (t: { year: number; quarter: number | null }) =>
  t.quarter ? `Q${t.quarter}/${t.year}` : String(t.year);
