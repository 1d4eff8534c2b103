import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDigitalLink, digitalLinkPath, encodeGs1Segment, parseDigitalLinkPath } from './digital-link.ts';
import { gtinCheckDigit, gtinProblem, isValidGtin, toGtin14 } from './gtin.ts';
import { classifyUserAgent, clonedLabelEvidence, coarsen, distanceKm, type LocatedScan } from './scans.ts';
import { generateShortCode, normaliseShortCode, SHORT_CODE_ALPHABET } from './short-code.ts';

describe('GTIN check digits', () => {
  // Published examples: EAN-13 of a Stabilo pen and GS1's 5901234123457, the UPC-A 036000291452,
  // the EAN-8 96385074, and the GTIN-14s of GS1's Digital Link examples.
  const cases: [string, ReturnType<typeof gtinProblem>][] = [
    ['4006381333931', null],
    ['5901234123457', null],
    ['036000291452', null],
    ['96385074', null],
    ['09506000134352', null],
    ['09520123456788', null],
    ['4006381333932', 'bad_check_digit'],
    ['5901234123450', 'bad_check_digit'],
    ['036000291453', 'bad_check_digit'],
    ['96385075', 'bad_check_digit'],
    ['09506000134353', 'bad_check_digit'],
    ['1234567', 'bad_length'],
    ['123456789012345', 'bad_length'],
    ['40063813339', 'bad_length'],
    ['', 'not_digits'],
    ['400638133393X', 'not_digits'],
    [' 4006381333931', 'not_digits'],
    ['４００６３８１３３３９３１', 'not_digits'],
  ];
  for (const [gtin, problem] of cases)
    test(`${JSON.stringify(gtin)} → ${problem ?? 'valid'}`, () => {
      assert.equal(gtinProblem(gtin), problem);
      assert.equal(isValidGtin(gtin), problem === null);
    });

  test('the check digit weighs 3,1,3… from the right', () => {
    assert.equal(gtinCheckDigit('400638133393'), 1);
    assert.equal(gtinCheckDigit('0950600013435'), 2);
    assert.equal(gtinCheckDigit('9638507'), 4);
  });

  test('every length normalises to GTIN-14 by left zeros, keeping the check digit', () => {
    assert.equal(toGtin14('96385074'), '00000096385074');
    assert.equal(toGtin14('036000291452'), '00036000291452');
    assert.equal(toGtin14('4006381333931'), '04006381333931');
    assert.equal(toGtin14('09506000134352'), '09506000134352');
    for (const g of ['96385074', '036000291452', '4006381333931']) assert.ok(isValidGtin(toGtin14(g)));
    assert.throws(() => toGtin14('4006381333932'));
  });
});

describe('GS1 Digital Link URIs', () => {
  const base = 'https://hoptac.example.vn/';
  const built: [string, string | null, string][] = [
    ['4006381333931', null, 'https://hoptac.example.vn/01/04006381333931'],
    ['09506000134352', 'ABC123', 'https://hoptac.example.vn/01/09506000134352/10/ABC123'],
    // GS1 DL 1.2 §4.3 example: the "/" of a lot is escaped.
    ['09520123456788', 'ABC/123', 'https://hoptac.example.vn/01/09520123456788/10/ABC%2F123'],
    ['96385074', 'L-2026.1_a', 'https://hoptac.example.vn/01/00000096385074/10/L-2026.1_a'],
    ['96385074', 'A&B+C%"', 'https://hoptac.example.vn/01/00000096385074/10/A%26B%2BC%25%22'],
    ['96385074', "(x)!*'", 'https://hoptac.example.vn/01/00000096385074/10/%28x%29%21%2A%27'],
    ['96385074', 'a b', ''],
  ];
  for (const [gtin, lot, uri] of built)
    test(`${gtin} ${lot ?? ''} → ${uri || 'refused'}`, () => {
      if (!uri) return assert.throws(() => buildDigitalLink(base, gtin, lot));
      assert.equal(buildDigitalLink(base, gtin, lot), uri);
      // Round trip: what is printed parses back to the same key.
      assert.deepEqual(parseDigitalLinkPath(new URL(uri).pathname), { gtin14: toGtin14(gtin), lot });
    });

  test('lots: character set 82 only, 1–20 characters', () => {
    assert.throws(() => digitalLinkPath('96385074', 'Lô-1'));
    assert.throws(() => digitalLinkPath('96385074', 'x'.repeat(21)));
    assert.equal(digitalLinkPath('96385074', 'x'.repeat(20)), `01/00000096385074/10/${'x'.repeat(20)}`);
    assert.equal(digitalLinkPath('96385074', ''), '01/00000096385074');
  });

  test('segments escape everything outside the unreserved set', () => {
    assert.equal(
      encodeGs1Segment("AZaz09-._~!*'();:@&=+$,/?#[]"),
      'AZaz09-._~%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D',
    );
  });

  const parsed: [string, ReturnType<typeof parseDigitalLinkPath>][] = [
    ['01/09506000134352', { gtin14: '09506000134352', lot: null }],
    ['/01/09506000134352/', { gtin14: '09506000134352', lot: null }],
    ['01/4006381333931', { gtin14: '04006381333931', lot: null }],
    ['01/09506000134352/10/ABC%2F123?linkType=all', { gtin14: '09506000134352', lot: 'ABC/123' }],
    ['01/09506000134353', null],
    ['01/0950600013435', null],
    ['02/09506000134352', null],
    ['01/09506000134352/21/12345', null],
    ['01/09506000134352/10', null],
    ['01/09506000134352/10/%E0%A4%A', null],
    ['01/09506000134352/10/L%C3%B4', null],
    ['OCOP-HN-2026-000001', null],
  ];
  for (const [path, key] of parsed) test(`parse ${path}`, () => assert.deepEqual(parseDigitalLinkPath(path), key));
});

describe('short codes', () => {
  test('12 characters of the unambiguous alphabet, different every time', () => {
    const codes = new Set(Array.from({ length: 500 }, () => generateShortCode()));
    assert.equal(codes.size, 500);
    for (const c of codes) assert.match(c, /^[0-9A-HJKMNP-TV-Z]{12}$/);
    assert.equal(SHORT_CODE_ALPHABET.length, 32);
    assert.doesNotMatch(SHORT_CODE_ALPHABET, /[ILOU]/);
  });

  test('uses every byte without bias (the low five bits pick the character)', () => {
    const fixed = generateShortCode((b) => b.map((_, i) => i * 33));
    assert.equal(fixed, '0123456789AB');
  });

  const typed: [string, string | null][] = [
    ['7K3MX9QPT2VB', '7K3MX9QPT2VB'],
    ['7k3m-x9qp-t2vb', '7K3MX9QPT2VB'],
    ['OIL3MX9QPT2V', '0113MX9QPT2V'],
    ['7K3MX9QPT2V', null],
    ['7K3MX9QPT2VBX', null],
    ['7K3MX9QPT2VU', null],
    ['01/09506000134352', null],
  ];
  for (const [input, code] of typed) test(`read ${input}`, () => assert.equal(normaliseShortCode(input), code));
});

describe('scan log rules', () => {
  test('locations are kept to 0.1°', () => {
    assert.deepEqual(coarsen(21.02851, 105.85421), { lat: 21, lng: 105.9 });
    assert.deepEqual(coarsen(10.776, 106.7), { lat: 10.8, lng: 106.7 });
    assert.deepEqual(coarsen(-33.86, 151.21), { lat: -33.9, lng: 151.2 });
    assert.equal(coarsen(91, 0), null);
    assert.equal(coarsen(0, Number.NaN), null);
  });

  const agents: [string | null, string][] = [
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      'phone',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
      'phone',
    ],
    ['Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/119 Mobile Safari/537.36 Zalo iOS/469', 'phone'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      'desktop',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 Version/17.1 Safari/605.1.15', 'desktop'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'bot'],
    ['curl/8.5.0', 'bot'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36', 'bot'],
    ['', 'bot'],
    [null, 'bot'],
  ];
  for (const [ua, kind] of agents)
    test(`${kind}: ${(ua ?? 'none').slice(0, 40)}`, () => assert.equal(classifyUserAgent(ua), kind));

  const hanoi = { lat: 21, lng: 105.9 };
  const haiPhong = { lat: 20.9, lng: 106.7 };
  const hcmc = { lat: 10.8, lng: 106.7 };
  const daNang = { lat: 16.1, lng: 108.2 };

  test('distances', () => {
    assert.ok(Math.abs(distanceKm(hanoi, hcmc) - 1137) < 15, String(distanceKm(hanoi, hcmc)));
    assert.ok(distanceKm(hanoi, haiPhong) < 100);
    assert.equal(distanceKm(hanoi, hanoi), 0);
  });

  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 3, minutes));
  const cases: [string, LocatedScan, LocatedScan[], number | null][] = [
    ['Hà Nội then TP.HCM 10 min later', { at: at(10), point: hcmc }, [{ at: at(0), point: hanoi }], 1137],
    ['exactly 30 min apart still counts', { at: at(30), point: hcmc }, [{ at: at(0), point: hanoi }], 1137],
    ['31 min apart is travel time', { at: at(31), point: hcmc }, [{ at: at(0), point: hanoi }], null],
    ['Hà Nội and Hải Phòng are close', { at: at(1), point: haiPhong }, [{ at: at(0), point: hanoi }], null],
    [
      'the farthest of several is the evidence',
      { at: at(5), point: hanoi },
      [
        { at: at(0), point: daNang },
        { at: at(2), point: hcmc },
        { at: at(3), point: haiPhong },
      ],
      1137,
    ],
    ['no earlier scans', { at: at(0), point: hanoi }, [], null],
  ];
  for (const [name, scan, earlier, km] of cases)
    test(name, () => {
      const found = clonedLabelEvidence(scan, earlier);
      if (km === null) return assert.equal(found, null);
      assert.ok(found && Math.abs(found.km - km) < 15, JSON.stringify(found));
    });
});
