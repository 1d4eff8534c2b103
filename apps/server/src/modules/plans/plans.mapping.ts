import {
  findIndicator,
  SCHEME_OF_LEVEL,
  type Direction,
  type Indicator,
  type IndicatorDefinition,
  type IndicatorKey,
  type ManualValue,
  type Plan,
  type PlanStatus,
  type ScopeLevel,
  type Target,
  type TargetScope,
} from '@hoptac/core';
import { AppError } from '../../kernel/errors.ts';
import type { UnitNameLookup } from '../places/index.ts';
import type { ManualValueRow, PlanRow, TargetRow } from './plans.repository.ts';

export function toIndicator(d: IndicatorDefinition): Indicator {
  const { id, version, unit, aggregation, source, kind } = d;
  return { id, version, unit, aggregation, source, kind };
}

/** The definition a stored target points at; a missing one is a data error, not the caller's. */
export function definitionOf(key: IndicatorKey): IndicatorDefinition {
  const d = findIndicator(key);
  if (!d) throw new AppError('INTERNAL', `Unknown indicator ${key.id}@${key.version}`);
  return d;
}

export function toPlan(r: PlanRow): Plan {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    issuingBody: r.issuingBody,
    issuedOn: r.issuedOn,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status as PlanStatus,
    description: r.description,
    publicProgress: r.publicProgress,
    targetCount: r.targetCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toScope(
  r: { scopeLevel: string; scopeScheme: string | null; scopeCode: string | null },
  names: UnitNameLookup,
): TargetScope {
  return {
    level: r.scopeLevel as ScopeLevel,
    scheme: r.scopeScheme,
    code: r.scopeCode,
    name: names(r.scopeScheme, r.scopeCode),
  };
}

export function toTarget(r: TargetRow, names: UnitNameLookup): Target {
  return {
    id: r.id,
    planId: r.planId,
    indicatorId: r.indicatorId,
    indicatorVersion: r.indicatorVersion,
    scope: toScope(r, names),
    year: r.year,
    quarter: r.quarter,
    value: r.value,
    baseline: r.baseline,
    direction: r.direction as Direction,
    parentId: r.parentId,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toManualValue(r: ManualValueRow, names: UnitNameLookup): ManualValue {
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    indicatorVersion: r.indicatorVersion,
    scope: toScope(r, names),
    year: r.year,
    quarter: r.quarter,
    value: r.value,
    evidence: r.evidence,
    enteredAt: r.enteredAt.toISOString(),
    approved: r.approvedAt !== null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
  };
}

/** (scheme, code) of a scope as stored: the scheme follows from the level (ADR 0002). */
export function scopeColumns(level: ScopeLevel, code: string | null) {
  return { scopeLevel: level, scopeScheme: SCHEME_OF_LEVEL[level], scopeCode: code };
}
