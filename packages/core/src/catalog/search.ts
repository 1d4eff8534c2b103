import { foldVietnamese } from '../text/fold.ts';

/** Words shorter than this match too much of everything to be required one by one. */
const MIN_TOKEN = 2;

/**
 * The catalogue's reading of a search box: the folded query ("BƯỞI  Diễn" → "buoi dien") and its
 * distinct words, each of which must appear in a product's search key for a word match. A query that
 * folds to nothing is no query.
 */
export function catalogSearchTerms(q: string | undefined | null): { folded: string; tokens: string[] } | null {
  const folded = foldVietnamese(q ?? '')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!folded) return null;
  const tokens = [...new Set(folded.split(' ').filter((t) => t.length >= MIN_TOKEN))];
  return { folded, tokens: tokens.length > 0 ? tokens : [folded] };
}

/** The public pages' languages: Vietnamese first, English on request. */
export const PUBLIC_LANGUAGES = ['vi', 'en'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

/** The language of a public page: an explicit ?lang= wins, then the remembered choice, else Vietnamese. */
export function pickPublicLanguage(query: string | undefined, remembered: string | undefined): PublicLanguage {
  for (const v of [query, remembered]) if (v === 'vi' || v === 'en') return v;
  return 'vi';
}
