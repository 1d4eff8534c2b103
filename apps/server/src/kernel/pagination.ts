import type { PageQuery } from '@hoptac/core';

/** SQL limit/offset for a validated page query. */
export function toLimitOffset(q: PageQuery): { limit: number; offset: number } {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/** Escapes LIKE wildcards so user text is matched literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching the text anywhere, literally. */
export function likeContains(text: string): string {
  return `%${escapeLike(text)}%`;
}
