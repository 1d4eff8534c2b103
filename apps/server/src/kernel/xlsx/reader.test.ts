import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { ColumnDef } from './columns.ts';
import { NotAWorkbookError, openSheet, type SheetRow } from './reader.ts';

/** A ZIP archive of the given parts, in the given order: deflated, or stored when `store`. */
function zip(parts: [string, string | Buffer][], store = false): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const data = store ? raw : zlib.deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(store ? 0 : 8, 8);
    header.writeUInt32LE(zlib.crc32(raw), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    header.copy(entry, 8, 6, 30); // flags, method, time, date, crc, sizes, name length
    entry.writeUInt16LE(0, 30);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    directory.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;
const ROOT_RELS = rels([['rId1', 'officeDocument', 'xl/workbook.xml']]);

/** A workbook with one sheet (sheet data given as XML, no prefix) and shared strings. */
function simpleBook(sheetData: string, strings: string[] = [], store = false): Buffer {
  const sst = `<sst xmlns="${NS}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  return zip(
    [
      ['_rels/.rels', ROOT_RELS],
      [
        'xl/workbook.xml',
        `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
      [
        'xl/_rels/workbook.xml.rels',
        rels([
          ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
          ['rId2', 'sharedStrings', 'sharedStrings.xml'],
        ]),
      ],
      ['xl/worksheets/sheet1.xml', `<worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`],
      ['xl/sharedStrings.xml', sst],
    ],
    store,
  );
}

const col = (key: string, vi: string, en: string, kind: ColumnDef['kind'] = 'text'): ColumnDef => ({
  key,
  vi,
  en,
  kind,
  width: 10,
  help: '',
  example: null,
});
const COLUMNS = [
  col('code', 'Mã số', 'Code'),
  col('name', 'Tên', 'Name'),
  col('amount', 'Số tiền', 'Amount', 'integer'),
  col('passed', 'Đạt', 'Passed', 'boolean'),
  col('note', 'Ghi chú', 'Note'),
];

describe('XLSX reader', () => {
  let dir: string;
  let n = 0;
  before(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'hoptac-xlsx-test-'));
  });
  after(() => fs.promises.rm(dir, { recursive: true, force: true }));

  async function read(content: Buffer, columns = COLUMNS) {
    const file = path.join(dir, `book-${n++}.xlsx`);
    await fs.promises.writeFile(file, content);
    const sheet = await openSheet(file, columns);
    try {
      const rows: SheetRow[] = [];
      for await (const batch of sheet.rows()) for (const r of batch) rows.push({ number: r.number, cells: r.cells });
      return { header: sheet.header, rows };
    } finally {
      await sheet.close();
    }
  }

  test('an Excel-style file: first sheet in tab order, strings after it, prefixes, escapes, every cell type', async () => {
    const strings = [
      'Mã số',
      'Tên',
      'Số tiền',
      'Đạt',
      'Ghi chú',
      '<r><rPr><b/></rPr><t>01</t></r><r><t xml:space="preserve">0000</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>',
      '<t>Hợp tác xã &lt;Đông&gt; &#x1EA0;&#7840;</t>',
      'Code',
      'Name',
      'Amount',
      'Passed',
      'Note',
    ].map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`));
    const c = (ref: string, body: string, type?: string) =>
      `<x:c r="${ref}"${type ? ` t="${type}"` : ''} s="1">${body}</x:c>`;
    const v = (value: string) => `<x:v>${value}</x:v>`;
    const sheet =
      `<x:worksheet xmlns:x="${NS}"><x:sheetViews><x:sheetView/></x:sheetViews><x:sheetData>` +
      `<x:row r="1">${c('A1', v('0'), 's')}${c('B1', v('1'), 's')}${c('C1', v('2'), 's')}${c('D1', v('3'), 's')}${c('AB1', v('4'), 's')}</x:row>` +
      `<x:row r="2" spans="1:28">${c('A2', v('7'), 's')}${c('B2', v('8'), 's')}${c('C2', v('9'), 's')}${c('D2', v('10'), 's')}${c('AB2', v('11'), 's')}</x:row>` +
      `<x:row r="3">${c('A3', v('5'), 's')}${c('B3', '<x:is><x:t xml:space="preserve">A &amp; B_x000D_</x:t></x:is>', 'inlineStr')}` +
      `${c('C3', v('-1.5E3'))}${c('D3', v('1'), 'b')}${c('AB3', `<x:f>A1&amp;"x"</x:f>${v('kết quả')}`, 'str')}</x:row>` +
      `<x:row><x:c t="s"><x:v>6</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[<b>đậm</b>]]></x:t></x:is></x:c>` +
      `<x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="d"><x:v>2024-03-15T00:00:00Z</x:v></x:c></x:row>` +
      `<x:row r="5"/><x:row r="6"><x:c r="A6" s="1"/><x:c r="F6"><x:v>99</x:v></x:c></x:row>` +
      `<x:row r="7">${c('C7', v('1234567890123456'))}${c('D7', v('0'), 'b')}</x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;
    const book = zip([
      ['[Content_Types].xml', '<Types/>'],
      ['_rels/.rels', ROOT_RELS],
      [
        'xl/worksheets/sheet1.xml',
        `<worksheet xmlns="${NS}"><sheetData><row r="1"><c t="inlineStr"><is><t>Other</t></is></c></row></sheetData></worksheet>`,
      ],
      ['xl/worksheets/sheet2.xml', sheet],
      [
        'xl/workbook.xml',
        `<x:workbook xmlns:x="${NS}" xmlns:r="${REL}"><x:sheets><x:sheet name="Dữ liệu &gt; 2024" sheetId="2" r:id="rId7"/>` +
          `<x:sheet name="Khác" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      ],
      [
        'xl/_rels/workbook.xml.rels',
        rels([
          ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
          ['rId7', 'worksheet', '/xl/worksheets/Sheet2.xml'],
          ['rId9', 'sharedStrings', 'sharedStrings.xml'],
        ]),
      ],
      ['xl/sharedStrings.xml', `<sst xmlns="${NS}" count="12">${strings.join('')}</sst>`],
    ]);
    const { header, rows } = await read(book);
    assert.deepEqual(Object.fromEntries(header.positions), { code: 1, name: 2, amount: 3, passed: 4, note: 28 });
    assert.equal(header.dataStartRow, 3);
    assert.deepEqual(rows, [
      { number: 3, cells: ['010000', 'A & B\r', -1500, true, 'kết quả'] },
      { number: 4, cells: ['Hợp tác xã <Đông> ẠẠ', '<b>đậm</b>', null, new Date('2024-03-15T00:00:00Z'), null] },
      { number: 7, cells: [null, null, 1234567890123456, false, null] },
    ]);
  });

  test('without the English row the data starts at row 2; stored (uncompressed) parts read too', async () => {
    const sheet =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>100</v></c><c r="C2"><v>7</v></c></row>';
    const { header, rows } = await read(simpleBook(sheet, ['Mã số', 'Tên', 'Số tiền', 'Đạt', 'Ghi chú'], true));
    assert.equal(header.dataStartRow, 2);
    assert.deepEqual(rows, [{ number: 2, cells: [100, null, 7, null, null] }]);
  });

  test('text split across inflated chunks stays whole: long string tables and sheets', async () => {
    const names = Array.from({ length: 4000 }, (_, i) => `Hợp tác xã Nông nghiệp Bưởi Diễn Đông Anh số ${i} – ưu tiên`);
    const headerRow =
      '<row r="1">' +
      ['Mã số', 'Tên'].map((h, i) => `<c r="${'AB'[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('') +
      '</row>';
    const body = names
      .map(
        (_, i) =>
          `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${i}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>${names[i]}</t></is></c></row>`,
      )
      .join('');
    const { rows } = await read(simpleBook(headerRow + body, names), COLUMNS.slice(0, 2));
    assert.equal(rows.length, names.length);
    rows.forEach((r, i) => assert.deepEqual(r.cells, [names[i], names[i]], `row ${r.number}`));
  });

  test('files that are not workbooks, or break off, are refused as such', async () => {
    const file = path.join(dir, 'bad.xlsx');
    const refused = async (content: Buffer) => {
      await fs.promises.writeFile(file, content);
      await assert.rejects(openSheet(file, COLUMNS), NotAWorkbookError);
    };
    await refused(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(300)]));
    await refused(zip([['word/document.xml', '<document/>']]));
    await refused(simpleBook('<row r="1"><c r="A1" t="s"><v>0</v>').subarray(0, 200));
    const cut = simpleBook('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3"', [
      'Mã số',
    ]);
    await assert.rejects(read(cut), NotAWorkbookError);
  });
});
