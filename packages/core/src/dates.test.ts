import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vietnamDate } from './dates.ts';

const cases: [string, string][] = [
  ['2026-03-01T16:59:59Z', '2026-03-01'],
  ['2026-03-01T17:00:00Z', '2026-03-02'],
  ['2025-12-31T20:00:00Z', '2026-01-01'],
  ['2026-06-30T00:00:00Z', '2026-06-30'],
];
for (const [instant, day] of cases)
  test(`${instant} is ${day} in Vietnam (UTC+7)`, () => assert.equal(vietnamDate(new Date(instant)), day));
