import { StringDecoder } from 'node:string_decoder';

/**
 * Reading the SpreadsheetML that spreadsheet applications write (Excel, LibreOffice, Google
 * Sheets, exceljs, openpyxl…) by scanning for the few elements an import needs rather than with a
 * general XML parser: a SAX parser plus exceljs' cell objects cost ~10× the scan. Handles element
 * prefixes (`x:row`), self-closing elements, entities and character references, CDATA, Excel's
 * `_xHHHH_` escapes, rich-text runs and phonetic runs (left out, as Excel shows them). Not
 * handled: markup inside XML comments within sheet data, which no spreadsheet application writes.
 * This file works on text (small parts, shared strings, text cells); xlsx-sheet.ts on a sheet's bytes.
 */

/** What a cell holds once read: dates only from cells typed as ISO dates (styles are not read). */
export type SheetValue = string | number | boolean | Date | null;

export class MalformedXmlError extends Error {}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
/** Excel's escape for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore. */
const EXCEL_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function codePoint(n: number, original: string): string {
  return n <= 0x10ffff ? String.fromCodePoint(n) : original;
}

/** Character data as text: entities, character references and Excel's escapes decoded. */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.includes('&')) {
    s = s.replace(ENTITY, (m, hex?: string, dec?: string, name?: string) =>
      hex ? codePoint(parseInt(hex, 16), m) : dec ? codePoint(Number(dec), m) : NAMED_ENTITIES[name!]!,
    );
  }
  return s.includes('_x') ? s.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** The text between `from` and `to`: character data decoded, CDATA kept as is, other markup dropped. */
export function contentText(text: string, from: number, to: number): string {
  let out = '';
  let at = from;
  while (at < to) {
    const lt = text.indexOf('<', at);
    if (lt === -1 || lt >= to) return out + decodeText(text.slice(at, to));
    out += decodeText(text.slice(at, lt));
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end === -1 || end >= to) throw new MalformedXmlError('Unclosed CDATA');
      out += text.slice(lt + 9, end);
      at = end + 3;
    } else {
      const end = text.startsWith('<!--', lt) ? text.indexOf('-->', lt) + 2 : text.indexOf('>', lt);
      if (end < lt) throw new MalformedXmlError('Unclosed markup');
      at = end + 1;
    }
  }
  return out;
}

/** True for a character that ends an element's name in a tag (space, `>`, `/`). */
export const isBoundary = (ch: number) => ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;

/**
 * The next start tag `name` (`<x:c`, not `<x:cols`) at or after `from` and before `to`, or -1.
 * Steps from tag to tag, so a missing tag costs the range, not the rest of the buffer.
 */
function findOpen(text: string, name: string, from: number, to: number): number {
  for (let at = text.indexOf('<', from); at !== -1 && at < to; at = text.indexOf('<', at + 1)) {
    if (text.startsWith(name, at) && isBoundary(text.charCodeAt(at + name.length))) return at;
  }
  return -1;
}

/** Index of the `>` ending the tag that starts at `at` (quoted attribute values may hold `>`). */
function tagEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 62) return i;
    if (ch === 34 || ch === 39) {
      i = text.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of every `local` start tag (any prefix) of a small part, in document order. */
export function elementAttributes(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const start = new RegExp(`<(?:[\\w.-]+:)?${local}[\\s/>]`, 'g');
  for (let m = start.exec(xml); m; m = start.exec(xml)) {
    const end = tagEnd(xml, m.index);
    if (end === -1) break;
    const attrs: Record<string, string> = {};
    for (const a of xml.slice(m.index + m[0].length - 1, end).matchAll(ATTRIBUTE)) {
      attrs[a[1]!] = decodeText(a[2] ?? a[3] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

/** The names of string items and their runs under the document's prefix ('' or e.g. 'x:'). */
export function namesFor(prefix: string) {
  return {
    t: `<${prefix}t`,
    tEnd: `</${prefix}t>`,
    rPh: `<${prefix}rPh`,
    rPhEnd: `</${prefix}rPh>`,
    si: `<${prefix}si`,
    siEnd: `</${prefix}si>`,
  };
}
export type Names = ReturnType<typeof namesFor>;

/** The text of a string item or inline string: its `t` runs concatenated, phonetic runs left out. */
export function runsText(text: string, from: number, to: number, n: Names): string {
  let out = '';
  for (let at = text.indexOf('<', from); at !== -1 && at < to; at = text.indexOf('<', at + 1)) {
    if (text.startsWith(n.rPh, at) && isBoundary(text.charCodeAt(at + n.rPh.length))) {
      at = text.indexOf(n.rPhEnd, at);
      if (at === -1 || at >= to) throw new MalformedXmlError('Unclosed phonetic run');
    } else if (text.startsWith(n.t, at) && isBoundary(text.charCodeAt(at + n.t.length))) {
      const open = tagEnd(text, at);
      if (open === -1) throw new MalformedXmlError('Unclosed tag');
      if (text.charCodeAt(open - 1) === 47) continue;
      const end = text.indexOf(n.tEnd, open);
      if (end === -1 || end >= to) throw new MalformedXmlError('Unclosed text run');
      out += contentText(text, open + 1, end);
      at = end;
    }
  }
  return out;
}

const SHARED_STRINGS = /<([\w.-]+:)?sst[\s/>]/;

/** The shared-string table: every `si` item's text, in order (cells of type `s` index into it). */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  const decoder = new StringDecoder('utf8');
  let text = '';
  let n: Names | null = null;
  const take = (final: boolean) => {
    if (!n) {
      const root = SHARED_STRINGS.exec(text);
      if (!root) return;
      n = namesFor(root[1] ?? '');
    }
    let at = 0;
    for (;;) {
      const si = findOpen(text, n.si, at, text.length);
      const open = si === -1 ? -1 : tagEnd(text, si);
      if (open === -1) break;
      if (text.charCodeAt(open - 1) === 47) {
        strings.push('');
        at = open + 1;
        continue;
      }
      const end = text.indexOf(n.siEnd, open);
      if (end === -1) break;
      strings.push(runsText(text, open + 1, end, n));
      at = end + n.siEnd.length;
    }
    text = text.slice(at);
    if (final && findOpen(text, n.si, 0, text.length) !== -1) throw new MalformedXmlError('Unclosed string item');
  };
  for await (const chunk of chunks) {
    text += decoder.write(chunk);
    take(false);
  }
  text += decoder.end();
  take(true);
  return strings;
}
