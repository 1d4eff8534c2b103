import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  predecessorsOf,
  resolveSuccessor,
  type Predecessor,
  type SuccessorResolution,
  type UnitKey,
  type UnitLinkRow,
} from './mapping.ts';

const OLD = '2025-01';
const NEW = '2025-07';
const old = (code: string): UnitKey => ({ scheme: OLD, code });
const neu = (code: string): UnitKey => ({ scheme: NEW, code });

// Real Hà Nội rows from hanoi-mapping-2025-07.json, as [old code, [new code, kind]...].
const REAL: [string, [string, 'full' | 'partial'][]][] = [
  ['00004', [['00004', 'full']]], // Phường Trúc Bạch → Phường Ba Đình (same code, different unit)
  [
    '00019',
    [
      ['00004', 'partial'],
      ['00070', 'partial'],
      ['00190', 'partial'],
      ['00226', 'partial'],
    ],
  ], // Phường Điện Biên
  [
    '00634',
    [
      ['00622', 'partial'],
      ['00634', 'partial'],
      ['00637', 'partial'],
      ['09556', 'partial'],
      ['09886', 'partial'],
    ],
  ], // Phường Đại Mỗ, the only 5-way split
  ['09610', [['09616', 'full']]], // Xã Kim Sơn → Xã Đoài Phương
  ['09613', [['09616', 'full']]], // Xã Sơn Đông (Sơn Tây) → Xã Đoài Phương
  [
    '09616',
    [
      ['09616', 'partial'],
      ['09988', 'partial'],
    ],
  ], // Xã Cổ Đông
  ['09859', [['09871', 'full']]], // Xã Sơn Đồng (Hoài Đức) → Xã Sơn Đồng, the corrected row
  [
    '09862',
    [
      ['00622', 'partial'],
      ['09871', 'partial'],
    ],
  ], // Xã Vân Canh
  ['09868', [['09871', 'full']]], // Xã Lại Yên
  ['09871', [['09871', 'full']]], // Xã Tiền Yên → Xã Sơn Đồng
  [
    '09874',
    [
      ['09871', 'partial'],
      ['09877', 'partial'],
    ],
  ], // Xã Song Phương
  [
    '09877',
    [
      ['00634', 'partial'],
      ['09871', 'partial'],
      ['09877', 'partial'],
    ],
  ], // Xã An Khánh
  [
    '09880',
    [
      ['09871', 'partial'],
      ['09877', 'partial'],
    ],
  ], // Xã An Thượng
  [
    '09883',
    [
      ['09871', 'partial'],
      ['09877', 'partial'],
    ],
  ], // Xã Vân Côn
];

const LINKS: UnitLinkRow[] = REAL.flatMap(([fromCode, targets]) =>
  targets.map(([toCode, kind]) => ({ fromScheme: OLD, fromCode, toScheme: NEW, toCode, kind })),
);

const row = (fromCode: string, toCode: string, kind: 'full' | 'partial'): UnitLinkRow => ({
  fromScheme: OLD,
  fromCode,
  toScheme: NEW,
  toCode,
  kind,
});

test('resolveSuccessor', async (t) => {
  const cases: [string, UnitLinkRow[], UnitKey, SuccessorResolution][] = [
    [
      'whole commune into one new unit (Sơn Đồng 09859 → 09871)',
      LINKS,
      old('09859'),
      { status: 'exact', to: neu('09871') },
    ],
    [
      'same code, different unit (Trúc Bạch 00004 → Ba Đình 00004)',
      LINKS,
      old('00004'),
      { status: 'exact', to: neu('00004') },
    ],
    [
      'split four ways (Điện Biên 00019)',
      LINKS,
      old('00019'),
      { status: 'ambiguous', candidates: [neu('00004'), neu('00070'), neu('00190'), neu('00226')] },
    ],
    [
      'split five ways (Đại Mỗ 00634)',
      LINKS,
      old('00634'),
      { status: 'ambiguous', candidates: ['00622', '00634', '00637', '09556', '09886'].map(neu) },
    ],
    [
      'split two ways (Cổ Đông 09616)',
      LINKS,
      old('09616'),
      { status: 'ambiguous', candidates: [neu('09616'), neu('09988')] },
    ],
    [
      'candidates sorted whatever the row order',
      [...LINKS].reverse(),
      old('09877'),
      { status: 'ambiguous', candidates: [neu('00634'), neu('09871'), neu('09877')] },
    ],
    [
      'a lone partial link is not exact',
      [row('00019', '00004', 'partial')],
      old('00019'),
      { status: 'ambiguous', candidates: [neu('00004')] },
    ],
    [
      'duplicate full rows still exact',
      [row('09859', '09871', 'full'), row('09859', '09871', 'full')],
      old('09859'),
      { status: 'exact', to: neu('09871') },
    ],
    ['unknown old code', LINKS, old('99999'), { status: 'unmapped' }],
    ['a new-scheme key is not an old unit', LINKS, neu('09859'), { status: 'unmapped' }],
    ['no links at all', [], old('09859'), { status: 'unmapped' }],
  ];
  for (const [name, links, from, expected] of cases) {
    await t.test(name, () => assert.deepEqual(resolveSuccessor(links, from), expected));
  }
});

test('predecessorsOf', async (t) => {
  const p = (code: string, kind: 'full' | 'partial'): Predecessor => ({ from: old(code), kind });
  const cases: [string, UnitLinkRow[], UnitKey, Predecessor[]][] = [
    [
      'Xã Sơn Đồng 09871, formed from eight old communes',
      LINKS,
      neu('09871'),
      [
        p('09859', 'full'),
        p('09862', 'partial'),
        p('09868', 'full'),
        p('09871', 'full'),
        p('09874', 'partial'),
        p('09877', 'partial'),
        p('09880', 'partial'),
        p('09883', 'partial'),
      ],
    ],
    [
      'Xã Đoài Phương 09616 takes Sơn Đông 09613, not Sơn Đồng 09859',
      LINKS,
      neu('09616'),
      [p('09610', 'full'), p('09613', 'full'), p('09616', 'partial')],
    ],
    [
      'sorted by code whatever the row order',
      [...LINKS].reverse(),
      neu('00004'),
      [p('00004', 'full'), p('00019', 'partial')],
    ],
    [
      'duplicate rows collapse, full wins',
      [row('09862', '09871', 'partial'), row('09862', '09871', 'full')],
      neu('09871'),
      [p('09862', 'full')],
    ],
    ['an old-scheme key has no predecessors', LINKS, old('09871'), []],
    ['unknown new code', LINKS, neu('99999'), []],
  ];
  for (const [name, links, to, expected] of cases) {
    await t.test(name, () => assert.deepEqual(predecessorsOf(links, to), expected));
  }
});
