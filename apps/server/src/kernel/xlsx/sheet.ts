import { contentText, decodeText, isBoundary, MalformedXmlError, namesFor, runsText, type SheetValue } from './xml.ts';

/**
 * Reads a worksheet's rows from its inflated XML as it arrives, on the bytes themselves: decoding
 * ~1 KB of XML per row to text (and joining the chunks as text) cost more than scanning it. Only
 * a text cell's own bytes are decoded; numbers and shared-string indexes are read digit by digit.
 * Plain loops rather than `Buffer#indexOf`: tags are a few bytes apart, and a native call per tag
 * costs more than the bytes between them.
 */

const LT = 60;
const GT = 62;
const SLASH = 47;
const COLON = 58;
const MINUS = 45;

/** How a cell's `v` is read, from its `t` attribute. */
const NUMBER = 0;
const SHARED = 1;
const TEXT = 2;
const INLINE = 3;
const BOOLEAN = 4;
const ERROR = 5;
const DATE = 6;

/** A sheet's bytes that hold no complete row yet are at most this long: a guard against one endless row. */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;
const SHEET_DATA = Buffer.from('sheetData');
const INLINE_STR = Buffer.from('inlineStr');

/** The tags the scanner looks for, under the document's prefix ('' or e.g. 'x:'). */
function tagsFor(prefix: string) {
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  return {
    prefix,
    row: bytes(`<${prefix}row`),
    rowEnd: bytes(`</${prefix}row>`),
    c: bytes(`<${prefix}c`),
    cEnd: bytes(`</${prefix}c>`),
    v: bytes(`<${prefix}v`),
    vEnd: bytes(`</${prefix}v>`),
    is: bytes(`<${prefix}is`),
    sheetDataEnd: bytes(`</${prefix}sheetData>`),
  };
}
type Tags = ReturnType<typeof tagsFor>;

function startsWith(buf: Buffer, at: number, name: Buffer): boolean {
  if (at + name.length > buf.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[at + i] !== name[i]) return false;
  return true;
}

/** The next start tag `name` (`<x:c`, not `<x:cols`) at or after `from` and before `to`, or -1. */
function findOpen(buf: Buffer, name: Buffer, from: number, to: number): number {
  for (let at = from; at < to; at++) {
    if (buf[at] === LT && startsWith(buf, at, name) && isBoundary(buf[at + name.length] ?? 0)) return at;
  }
  return -1;
}

/** The next end tag `name` at or after `from` and before `to`, or -1. */
function findEnd(buf: Buffer, name: Buffer, from: number, to: number): number {
  for (let at = from; at < to; at++) if (buf[at] === LT && startsWith(buf, at, name)) return at;
  return -1;
}

/** The index of `ch` at or after `from`, or -1. */
function indexOfByte(buf: Buffer, ch: number, from: number): number {
  for (let i = from; i < buf.length; i++) if (buf[i] === ch) return i;
  return -1;
}

/** Index of the `>` ending the tag that starts at `at` (quoted attribute values may hold `>`). */
function tagEnd(buf: Buffer, at: number): number {
  for (let i = at; i < buf.length; i++) {
    const ch = buf[i]!;
    if (ch === GT) return i;
    if (ch === 34 || ch === 39) {
      i = indexOfByte(buf, ch, i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

function digits(buf: Buffer, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  return value;
}

/** A numeric cell: whole numbers digit by digit (up to 15 digits, exact), anything else by `Number`. */
function numberAt(buf: Buffer, from: number, to: number): SheetValue {
  let at = buf[from] === MINUS ? from + 1 : from;
  if (at < to && to - at <= 15) {
    let value = 0;
    for (; at < to; at++) {
      const d = buf[at]! - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (at === to) return buf[from] === MINUS ? -value : value;
  }
  const raw = buf.toString('latin1', from, to);
  if (raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isNaN(value) ? decodeText(buf.toString('utf8', from, to)) : value;
}

/**
 * The rows of a worksheet as its inflated XML arrives. Only complete rows are scanned; the
 * unfinished tail waits for the next chunk. In raw mode (`fields` null) a row's values are indexed
 * by column number (1-based, like exceljs' `row.values`); otherwise `fields[column]` gives the
 * index in the caller's column list (-1: not wanted, the value is not even decoded).
 */
export class SheetScanner {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Bytes before this index hold complete rows only. */
  private limit = 0;
  private ended = false;
  private tags: Tags | null = null;
  private lastRow = 0;
  // Attribute positions of the last tag read by `attributes` (-1: absent): no object per cell.
  private rAt = -1;
  private rEnd = -1;
  private tAt = -1;
  private tEnd = -1;

  constructor(
    private readonly input: AsyncIterator<Buffer>,
    private readonly shared: readonly string[],
  ) {}

  /** Reads the next chunk of XML; false once the sheet's rows have all arrived. */
  async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.input.next();
    const kept = this.buf.length - this.pos;
    if (next.done) {
      this.ended = true;
      this.buf = this.buf.subarray(this.pos);
    } else {
      this.buf = kept > 0 ? Buffer.concat([this.buf.subarray(this.pos), next.value]) : next.value;
    }
    this.pos = 0;
    // Only the new bytes can hold the end of the sheet data (give or take a tag cut in two).
    let searchFrom = Math.max(0, kept - 32);
    if (!this.tags) {
      if (!this.startSheetData()) return !this.ended;
      searchFrom = 0;
    }
    const tags = this.tags!;
    const close = this.buf.indexOf(tags.sheetDataEnd, searchFrom);
    if (close !== -1) {
      this.buf = this.buf.subarray(0, close);
      this.ended = true;
    }
    // What follows the sheet data (merges, validations…) is not read.
    if (this.ended && !next.done) await this.input.return?.();
    const lastEnd = this.buf.lastIndexOf(tags.rowEnd);
    this.limit = this.ended ? this.buf.length : lastEnd === -1 ? 0 : lastEnd + tags.rowEnd.length;
    if (this.buf.length - this.limit > MAX_PENDING_BYTES) throw new MalformedXmlError('A row is too long');
    return true;
  }

  /** Finds the start of the sheet data and drops what precedes it; false while it has not arrived. */
  private startSheetData(): boolean {
    const buf = this.buf;
    for (let at = buf.indexOf(SHEET_DATA); at !== -1; at = buf.indexOf(SHEET_DATA, at + 1)) {
      // `<sheetData` or `<x:sheetData`, not `</sheetData` nor a longer name.
      let lt = at - 1;
      if (buf[lt] === COLON) while (lt > 0 && at - lt < 64 && buf[lt] !== LT) lt--;
      if (buf[lt] !== LT || !isBoundary(buf[at + SHEET_DATA.length] ?? GT)) continue;
      const open = tagEnd(buf, lt);
      if (open === -1) {
        this.buf = buf.subarray(lt);
        return false;
      }
      this.tags = tagsFor(buf.toString('latin1', lt + 1, at));
      const empty = buf[open - 1] === SLASH;
      this.buf = empty ? Buffer.alloc(0) : buf.subarray(open + 1);
      if (empty) this.ended = true;
      return true;
    }
    // Nothing before the sheet data matters: keep only what may be its tag, cut in two.
    this.buf = buf.subarray(Math.max(0, buf.length - 64));
    return false;
  }

  /** The number of the next complete row, or null when none has arrived (yet). */
  peekRowNumber(): number | null {
    const tags = this.tags;
    if (!tags) return null;
    const at = findOpen(this.buf, tags.row, this.pos, this.limit);
    if (at === -1) return null;
    this.attributes(at + tags.row.length);
    return this.rAt === -1 ? this.lastRow + 1 : digits(this.buf, this.rAt, this.rEnd);
  }

  /**
   * The next complete row: its number, its values, and whether every value read is blank.
   * Null when no complete row is waiting: call `fill` for more.
   */
  nextRow(fields: Int32Array | null, width: number): { number: number; cells: SheetValue[]; blank: boolean } | null {
    const tags = this.tags;
    if (!tags) return null;
    const buf = this.buf;
    const start = findOpen(buf, tags.row, this.pos, this.limit);
    if (start === -1) {
      this.pos = this.limit;
      return null;
    }
    const rowAttrsEnd = this.attributes(start + tags.row.length);
    const number = this.rAt === -1 ? this.lastRow + 1 : digits(buf, this.rAt, this.rEnd);
    this.lastRow = number;
    const cells: SheetValue[] = fields ? new Array<SheetValue>(width).fill(null) : [];
    if (buf[rowAttrsEnd] === SLASH) {
      this.pos = rowAttrsEnd + 2;
      return { number, cells, blank: true };
    }
    let blank = true;
    let column = 0;
    // One pass over the row: from tag to tag, cells read, anything else stepped over, up to its end.
    let at = rowAttrsEnd + 1;
    for (;;) {
      const c = indexOfByte(buf, LT, at);
      if (c === -1 || c >= this.limit) throw new MalformedXmlError('Unclosed row');
      if (startsWith(buf, c, tags.rowEnd)) {
        at = c;
        break;
      }
      if (!startsWith(buf, c, tags.c) || !isBoundary(buf[c + tags.c.length] ?? 0)) {
        at = c + 1;
        continue;
      }
      const attrsEnd = this.attributes(c + tags.c.length);
      column = this.rAt === -1 ? column + 1 : this.columnNumber(this.rAt, this.rEnd);
      if (buf[attrsEnd] === SLASH) {
        at = attrsEnd + 2;
        continue;
      }
      const end = findEnd(buf, tags.cEnd, attrsEnd, this.limit);
      if (end === -1) throw new MalformedXmlError('Unclosed cell');
      at = end + tags.cEnd.length;
      const field = fields ? (column < fields.length ? fields[column]! : -1) : column;
      if (field < 0) continue;
      const value = this.cellValue(this.typeOf(), attrsEnd + 1, end, tags);
      if (value !== null && (typeof value !== 'string' || value.trim() !== '')) blank = false;
      cells[field] = value;
    }
    this.pos = at + tags.rowEnd.length;
    return { number, cells, blank };
  }

  /** Reads a tag's attributes from after its name; returns the index of its `>` or of the `/` of `/>`. */
  private attributes(from: number): number {
    const buf = this.buf;
    this.rAt = this.tAt = -1;
    for (let at = from; ;) {
      let ch = buf[at];
      while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = buf[++at];
      if (ch === GT || ch === SLASH) return at;
      const eq = ch === undefined ? -1 : indexOfByte(buf, 61, at);
      let q = eq + 1;
      while (buf[q] === 32) q++;
      const quote = buf[q];
      const valueEnd = eq === -1 || (quote !== 34 && quote !== 39) ? -1 : indexOfByte(buf, quote, q + 1);
      if (valueEnd === -1) throw new MalformedXmlError('Broken attribute');
      let nameEnd = eq;
      while (buf[nameEnd - 1] === 32) nameEnd--;
      if (nameEnd - at === 1) {
        const name = buf[at];
        if (name === 114) {
          this.rAt = q + 1;
          this.rEnd = valueEnd;
        } else if (name === 116) {
          this.tAt = q + 1;
          this.tEnd = valueEnd;
        }
      }
      at = valueEnd + 1;
    }
  }

  /** "AB12" → 28. */
  private columnNumber(from: number, to: number): number {
    let value = 0;
    for (let i = from; i < to; i++) {
      const ch = this.buf[i]! | 32; // lower case
      if (ch < 97 || ch > 122) break;
      value = value * 26 + (ch - 96);
    }
    return value;
  }

  private typeOf(): number {
    if (this.tAt === -1) return NUMBER;
    const length = this.tEnd - this.tAt;
    if (length === 9 && startsWith(this.buf, this.tAt, INLINE_STR)) return INLINE;
    if (length !== 1) return TEXT; // 'str' (a formula's text result) and anything unknown
    switch (this.buf[this.tAt]) {
      case 115: // s
        return SHARED;
      case 98: // b
        return BOOLEAN;
      case 101: // e
        return ERROR;
      case 100: // d
        return DATE;
      case 110: // n
        return NUMBER;
      default:
        return TEXT;
    }
  }

  private cellValue(type: number, from: number, to: number, tags: Tags): SheetValue {
    const buf = this.buf;
    if (type === INLINE) {
      const is = findOpen(buf, tags.is, from, to);
      if (is !== -1) {
        const xml = buf.toString('utf8', is, to);
        return runsText(xml, 0, xml.length, namesFor(tags.prefix));
      }
    }
    const v = findOpen(buf, tags.v, from, to);
    const open = v === -1 ? -1 : tagEnd(buf, v);
    if (open === -1 || buf[open - 1] === SLASH) return null;
    const end = findEnd(buf, tags.vEnd, open, to);
    if (end === -1) throw new MalformedXmlError('Unclosed value');
    switch (type) {
      case SHARED:
        return this.shared[digits(buf, open + 1, end)] ?? null;
      case NUMBER:
        return numberAt(buf, open + 1, end);
      case BOOLEAN:
        return buf[open + 1] === 49 || buf[open + 1] === 116; // '1' or 'true'
      case ERROR:
        return null; // #N/A and friends: no value
      case DATE: {
        const raw = buf.toString('latin1', open + 1, end);
        const date = new Date(raw);
        return Number.isNaN(date.getTime()) ? raw : date;
      }
      default: {
        const xml = buf.toString('utf8', open + 1, end);
        return contentText(xml, 0, xml.length);
      }
    }
  }
}
