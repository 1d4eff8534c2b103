import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogSearchTerms, pickPublicLanguage } from './search.ts';

test('search terms fold case, accents and punctuation', () => {
  const cases: [string | undefined, { folded: string; tokens: string[] } | null][] = [
    ['buoi dien', { folded: 'buoi dien', tokens: ['buoi', 'dien'] }],
    ['BƯỞI  DIỄN', { folded: 'buoi dien', tokens: ['buoi', 'dien'] }],
    ['Gốm, Bát-Tràng!', { folded: 'gom bat trang', tokens: ['gom', 'bat', 'trang'] }],
    ['lụa lụa', { folded: 'lua lua', tokens: ['lua'] }],
    ['a', { folded: 'a', tokens: ['a'] }],
    ['   ', null],
    ['%%', null],
    [undefined, null],
  ];
  for (const [q, expected] of cases) assert.deepEqual(catalogSearchTerms(q), expected, String(q));
});

test('the public language: ?lang first, then the cookie, else Vietnamese', () => {
  const cases: [string | undefined, string | undefined, string][] = [
    [undefined, undefined, 'vi'],
    ['en', undefined, 'en'],
    [undefined, 'en', 'en'],
    ['vi', 'en', 'vi'],
    ['fr', undefined, 'vi'],
    ['fr', 'en', 'en'],
  ];
  for (const [q, cookie, expected] of cases) assert.equal(pickPublicLanguage(q, cookie), expected);
});
