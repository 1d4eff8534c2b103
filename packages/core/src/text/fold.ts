// Vietnamese text keys. Stored text stays NFC as written; these helpers derive the
// keys used to search and to match names, because the raw strings from different
// official sources disagree on tone placement, case and Unicode form.

// The five tone marks as combining characters (grave, acute, tilde, hook above, dot
// below). Vowel-quality marks (circumflex, breve, horn) are not tones and never move.
const TONE = '\u0300\u0301\u0303\u0309\u0323';

// In NFD a tone on the second vowel of an open "oa", "oe" or "uy" follows that
// vowel directly. The guards keep the rule to syllable-final glides only:
// - not after q, because in "quỳ", "quá" the u belongs to the consonant;
// - not before another letter or mark, because in "hoàng", "quỳnh", "hoài" the tone
//   sits on the second vowel in both spelling styles.
const NEW_STYLE_TONE = new RegExp(
  `(?<![qQ])([oO])([aAeE])([${TONE}])(?![\\p{L}\\p{M}])|(?<![qQ])([uU])([yY])([${TONE}])(?![\\p{L}\\p{M}])`,
  'gu',
);

/** NFC-normalises, trims and collapses inner whitespace runs to one space. */
export function toNfc(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Accent- and case-insensitive search key: "Bưởi Diễn" → "buoi dien", "ĐÔNG ANH" → "dong anh". */
export function foldVietnamese(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/gu, '')
      // đ has no decomposition, so stripping marks alone leaves it in place.
      .replace(/đ/gu, 'd')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/** Moves "new style" tones (Hoà, Thuỵ, Hoè, Uỷ) to the style of 1027/CTK-CSCL (Hòa, Thụy, Hòe, Ủy); keeps case, returns NFC. */
export function normalizeToneMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(NEW_STYLE_TONE, (_m, o?: string, a?: string, ta?: string, u?: string, y?: string, ty?: string) =>
      o !== undefined ? `${o}${ta}${a}` : `${u}${ty}${y}`,
    )
    .normalize('NFC');
}

/** Key for exact name matching with diacritics kept: NFC, canonical tone placement, lower-case. */
export function nameKey(s: string): string {
  return normalizeToneMarks(toNfc(s)).toLowerCase().normalize('NFC');
}
