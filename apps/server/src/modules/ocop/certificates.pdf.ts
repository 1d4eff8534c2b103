import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { OcopCertificateStatus } from '@hoptac/core';

// DejaVu Sans covers Vietnamese (langcover: vi 100 %); read from the installed package, never from the system.
const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;
function loadFonts() {
  fonts ??= Promise.all([
    fs.readFile(path.join(FONT_DIR, 'DejaVuSans.ttf')),
    fs.readFile(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

export type CertificatePdfInput = {
  number: string;
  status: OcopCertificateStatus;
  star: number;
  total: number;
  productName: string;
  entityName: string;
  communeName: string;
  decisionNumber: string;
  decisionDate: string;
  issuerName: string;
  issuedOn: string;
  validUntil: string;
  verifyUrl: string;
  generatedAt: Date;
};

const RED = rgb(0.7, 0.09, 0.11);
const GOLD = rgb(0.85, 0.62, 0.07);
const INK = rgb(0.12, 0.12, 0.14);

/** dd/mm/yyyy, as Vietnamese documents print dates. */
export const viDate = (iso: string) => iso.split('-').reverse().join('/');

/** A five-pointed star as an SVG path around (0, 0), y pointing down (drawSvgPath's convention). */
function starPath(outer: number): string {
  const inner = outer * 0.382;
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(r * Math.cos(a)).toFixed(2)} ${(r * Math.sin(a)).toFixed(2)}`;
  });
  return `M ${points.join(' L ')} Z`;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK) {
  const x = (page.getWidth() - font.widthOfTextAtSize(text, size)) / 2;
  page.drawText(text, { x, y, size, font, color });
}

/** The QR code as vector squares (one rectangle per run of dark modules in a row). */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      page.drawRectangle({
        x: x + (start + quiet) * cell,
        y: y + size - (row + quiet + 1) * cell,
        width: (col - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** A clickable link to the verification page (its URL is also what the QR code holds). */
function addLink(doc: PDFDocument, page: PDFPage, url: string, rect: [number, number, number, number]) {
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect,
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    }),
  );
  page.node.set(PDFName.of('Annots'), doc.context.obj([link]));
}

/** The certificate as an A4 landscape PDF in Vietnamese. */
export async function renderCertificatePdf(c: CertificatePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const { regular, bold } = await loadFonts();
  const font = await doc.embedFont(regular, { subset: true });
  const heavy = await doc.embedFont(bold, { subset: true });
  doc.setTitle(`Giấy chứng nhận sản phẩm OCOP ${c.number}`);
  doc.setSubject(`${c.productName} — ${c.star} sao`);
  doc.setAuthor(c.issuerName);
  doc.setCreator('Hoptac');
  doc.setProducer('Hoptac');
  doc.setCreationDate(c.generatedAt);
  doc.setModificationDate(c.generatedAt);

  const page = doc.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 18, y: 18, width: width - 36, height: height - 36, borderColor: RED, borderWidth: 3 });
  page.drawRectangle({ x: 26, y: 26, width: width - 52, height: height - 52, borderColor: GOLD, borderWidth: 1 });

  centred(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', height - 62, heavy, 12);
  centred(page, 'Độc lập - Tự do - Hạnh phúc', height - 78, font, 11);
  centred(page, 'GIẤY CHỨNG NHẬN', height - 122, heavy, 30, RED);
  centred(page, 'SẢN PHẨM OCOP — CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM', height - 146, heavy, 13, RED);

  const outer = 16;
  const gap = 10;
  const rowWidth = c.star * outer * 2 + (c.star - 1) * gap;
  for (let i = 0; i < c.star; i++) {
    page.drawSvgPath(starPath(outer), {
      x: (width - rowWidth) / 2 + outer + i * (outer * 2 + gap),
      y: height - 180,
      color: GOLD,
      borderColor: RED,
      borderWidth: 0.8,
    });
  }
  centred(page, `Hạng ${c.star} sao`, height - 218, heavy, 14, RED);

  const label = 170;
  const left = 90;
  const valueWidth = width - left - label - 90;
  let y = height - 256;
  const field = (name: string, value: string, strong = false) => {
    page.drawText(name, { x: left, y, size: 12, font, color: INK });
    for (const line of wrap(value, strong ? heavy : font, 12, valueWidth)) {
      page.drawText(line, { x: left + label, y, size: 12, font: strong ? heavy : font, color: INK });
      y -= 17;
    }
    y -= 3;
  };
  const total = c.total.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  field('Tên sản phẩm:', c.productName, true);
  field('Chủ thể:', c.entityName);
  field('Địa chỉ:', `${c.communeName ? `${c.communeName}, ` : ''}Thành phố Hà Nội`);
  field('Tổng điểm:', `${total}/100`);
  field('Quyết định:', `Số ${c.decisionNumber} ngày ${viDate(c.decisionDate)} của ${c.issuerName}`);
  field('Ngày cấp:', viDate(c.issuedOn));
  field('Có giá trị đến:', viDate(c.validUntil), true);

  const qr = 96;
  drawQr(page, c.verifyUrl, left, 44, qr);
  page.drawText('Quét mã để tra cứu:', { x: left + qr + 12, y: 44 + qr - 14, size: 9, font, color: INK });
  for (const [i, line] of wrap(c.verifyUrl.replace(/\//g, '/ '), font, 8, 260).entries())
    page.drawText(line.replace(/\/ /g, '/'), {
      x: left + qr + 12,
      y: 44 + qr - 30 - i * 11,
      size: 8,
      font,
      color: INK,
    });
  addLink(doc, page, c.verifyUrl, [left, 44, left + qr + 280, 44 + qr]);

  const number = `Số: ${c.number}`;
  page.drawText(number, {
    x: width - 90 - heavy.widthOfTextAtSize(number, 13),
    y: 70,
    size: 13,
    font: heavy,
    color: RED,
  });

  if (c.status !== 'valid') {
    const mark = c.status === 'revoked' ? 'ĐÃ THU HỒI' : 'HẾT HIỆU LỰC';
    const size = 72;
    const w = heavy.widthOfTextAtSize(mark, size);
    const a = (Math.PI / 180) * 20;
    page.drawText(mark, {
      x: width / 2 - (w / 2) * Math.cos(a),
      y: height / 2 - (w / 2) * Math.sin(a) - 30,
      size,
      font: heavy,
      color: RED,
      opacity: 0.35,
      rotate: degrees(20),
    });
  }
  // Plain objects: the link's URL (the QR code's verification link) stays readable in the file.
  return doc.save({ useObjectStreams: false });
}
