import {
  ANOMALY_WINDOW_MINUTES,
  buildDigitalLink,
  classifyUserAgent,
  clonedLabelEvidence,
  coarsen,
  digitalLinkPath,
  normaliseShortCode,
  OCOP_CERTIFICATE_NUMBER_PATTERN,
  parseDigitalLinkPath,
  productQrPaths,
  publicProductPath,
  shortCodePath,
  vietnamDate,
  verifyPagePath,
  type PageQuery,
  type ScanAnomaly,
  type VerifyResult,
} from '@hoptac/core';
import QRCode from 'qrcode';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import { createUnitNames } from '../places/index.ts';
import { certificateStatus, ISSUER_NAMES, type CertificateIssuer } from './certificates.rules.ts';
import * as scans from './scan-log.repository.ts';
import * as repo from './verify.repository.ts';

/** What a request tells about a scan; only coarse parts of it are stored, never the address. */
export type ScanContext = {
  userAgent?: string | null | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  /** Two-digit province code, when the page knows only that. */
  province?: string | undefined;
};

type ParsedCode =
  | { kind: 'gs1'; code: string; gtin14: string; lot: string | null }
  | { kind: 'short_code'; code: string }
  | { kind: 'certificate_number'; code: string };

/** Reads a code as a Digital Link path, a short code or a certificate number; null when it is none. */
/** A number printed on a certificate issued before Hoptac: letters, digits and separators, with a digit. */
const IMPORTED_CERTIFICATE_NUMBER = /^(?=.*\d)[\p{L}\p{N}][\p{L}\p{N} ./_-]{2,99}$/u;

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Certificates imported from before the platform keep the number printed on them, as written
 * (the path arrives undecoded: such a number may hold Vietnamese letters or spaces).
 */
function importedNumber(text: string): ParsedCode | null {
  const printed = decodePath(text).normalize('NFC');
  return IMPORTED_CERTIFICATE_NUMBER.test(printed) ? { kind: 'certificate_number', code: printed } : null;
}

function parseCode(raw: string): ParsedCode | null {
  const text = raw.trim();
  const dl = parseDigitalLinkPath(text);
  if (dl) return { kind: 'gs1', code: digitalLinkPath(dl.gtin14), gtin14: dl.gtin14, lot: dl.lot };
  const short = normaliseShortCode(text);
  if (short) return { kind: 'short_code', code: short };
  const number = text.toUpperCase();
  if (OCOP_CERTIFICATE_NUMBER_PATTERN.test(number)) return { kind: 'certificate_number', code: number };
  return importedNumber(text);
}

/** RFC 9264 linkset document (media type application/linkset+json). */
export type Linkset = {
  linkset: { anchor: string; [relation: string]: string | { href: string; type?: string; title?: string }[] }[];
};

const GS1_VOC = 'https://gs1.org/voc/';

export function createVerifyService(deps: { db: Db; now?: () => Date; publicBaseUrl?: string | null }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const unitNames = createUnitNames(db);
  const baseOf = (origin: string) => (deps.publicBaseUrl ?? origin).replace(/\/+$/, '');

  async function resolve(parsed: ParsedCode, today: string) {
    switch (parsed.kind) {
      case 'gs1':
        return repo.findByGtin(db, parsed.gtin14, today);
      case 'short_code':
        return repo.findByVerifyCode(db, parsed.code, today);
      case 'certificate_number':
        return repo.findByCertificateNumber(db, parsed.code);
    }
  }

  /** Logs the scan and flags it when the same code was scanned too far away too recently. */
  async function recordScan(parsed: ParsedCode, result: VerifyResult, row: repo.VerifyRow, scan: ScanContext) {
    const at = now();
    const point = scan.lat !== undefined && scan.lng !== undefined ? coarsen(scan.lat, scan.lng) : null;
    const windowMs = ANOMALY_WINDOW_MINUTES * 60_000;
    await db.transaction(async (tx) => {
      const earlier = point ? await scans.locatedScans(tx, parsed.code, new Date(at.getTime() - windowMs), at) : [];
      const evidence = point
        ? clonedLabelEvidence(
            { at, point },
            earlier.map((e) => ({ at: e.at, point: { lat: e.lat!, lng: e.lng! }, id: e.id })),
          )
        : null;
      // Reads by the public are not audited: the scan log is their record, without who or where exactly.
      await scans.insertScan(tx, {
        code: parsed.code,
        lot: parsed.kind === 'gs1' ? parsed.lot : null,
        productId: row.productId,
        certificateId: row.certificate?.id ?? null,
        status: result.status,
        at,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        provinceCode: scan.province ?? null,
        userAgentClass: classifyUserAgent(scan.userAgent),
        anomalyOf: evidence?.id ?? null,
        anomalyKm: evidence ? Math.round(evidence.km) : null,
      });
    });
  }

  /**
   * The live state of a code — valid, expired, revoked or unknown — with the facts printed on the
   * certificate and nothing about people. Read from the database on every call, never cached.
   * With `scan`, a resolved code's scan is logged (and checked for cloned labels).
   */
  async function verifyCode(raw: string, scan?: ScanContext): Promise<VerifyResult> {
    let parsed = parseCode(raw);
    const unknown: VerifyResult = {
      status: 'unknown',
      code: parsed?.code ?? raw.trim().slice(0, 100),
      kind: parsed?.kind ?? null,
      lot: parsed?.kind === 'gs1' ? parsed.lot : null,
      product: null,
      producer: null,
      certificate: null,
    };
    if (!parsed) return unknown;
    const today = vietnamDate(now());
    const [found, names] = await Promise.all([resolve(parsed, today), unitNames.lookup()]);
    let row = found;
    // An imported certificate's number may read as a short code ("GCN-2024-00399").
    const printed = !row && parsed.kind === 'short_code' ? importedNumber(raw.trim()) : null;
    if (printed) {
      parsed = printed;
      row = await resolve(parsed, today);
    }
    if (!row) return unknown;
    const c = row.certificate;
    const result: VerifyResult = c
      ? {
          ...unknown,
          status: certificateStatus(c, today),
          product: { id: row.productId, name: c.productName, gtin14: row.gtin },
          producer: {
            id: c.entityId,
            name: c.entityName,
            communeCode: c.communeCode,
            communeName: names(c.communeScheme, c.communeCode) ?? '',
          },
          certificate: {
            number: c.number,
            star: c.star,
            decisionNumber: c.decisionNumber,
            decisionDate: c.decisionDate,
            issuerName: ISSUER_NAMES[c.issuer as CertificateIssuer],
            issuedOn: c.issuedOn,
            validUntil: c.validUntil,
            revokedOn: c.revokedAt ? vietnamDate(c.revokedAt) : null,
          },
        }
      : unknown;
    if (scan) await recordScan(parsed, result, row, scan);
    return result;
  }

  /**
   * The URL a product's QR code holds: its GS1 Digital Link when it has a GTIN (with the lot
   * when asked), else `{base}/v/{short code}`; null when the product has neither.
   */
  function qrTarget(codes: { gtin: string | null; verifyCode: string | null }, origin: string, lot?: string | null) {
    if (codes.gtin) return buildDigitalLink(baseOf(origin), codes.gtin, lot);
    if (codes.verifyCode) return `${baseOf(origin)}${shortCodePath(codes.verifyCode)}`;
    return null;
  }

  return {
    verifyCode,
    qrTarget,

    /** The QR URL of a product (the certificate PDF prints the same one). */
    async productQrUrl(productId: string, origin: string): Promise<string | null> {
      const codes = await repo.productCodes(db, productId);
      return codes ? qrTarget(codes, origin) : null;
    },

    /**
     * A product's QR code for printing: the URL it holds and the paths of its SVG and PNG images;
     * null before the product has a GTIN or a first certificate (which gives it a short code).
     */
    async productQr(productId: string, origin: string) {
      const codes = await repo.productCodes(db, productId);
      const url = codes ? qrTarget(codes, origin) : null;
      const paths = codes ? productQrPaths(codes) : null;
      return url && paths ? { url, ...paths } : null;
    },

    /**
     * The QR image for a Digital Link path or a short code (certificate numbers are not accepted:
     * they are sequential, and would hand out the short codes). 404 for a code nobody holds.
     */
    async qrImage(raw: string, format: 'svg' | 'png', origin: string): Promise<string | Buffer> {
      const parsed = parseCode(raw);
      if (!parsed || parsed.kind === 'certificate_number') throw new AppError('NOT_FOUND', 'No such code');
      const row = await resolve(parsed, vietnamDate(now()));
      const target = row ? qrTarget(row, origin, parsed.kind === 'gs1' ? parsed.lot : null) : null;
      if (!target) throw new AppError('NOT_FOUND', 'No such code');
      const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
      return format === 'svg'
        ? QRCode.toString(target, { ...options, type: 'svg' })
        : QRCode.toBuffer(target, { ...options, type: 'png', width: 480 });
    },

    /** RFC 9264 linkset of a verified GS1 code: certification info, product information, default link. */
    buildLinkset(result: VerifyResult, origin: string): Linkset {
      const base = baseOf(origin);
      const dlPath = result.product?.gtin14 ? digitalLinkPath(result.product.gtin14, result.lot) : result.code;
      const title = result.certificate
        ? `OCOP ${result.certificate.star}★ ${result.certificate.number} (${result.status})`
        : `OCOP (${result.status})`;
      const links: Linkset['linkset'][number] = {
        anchor: `${base}/${dlPath}`,
        [`${GS1_VOC}certificationInfo`]: [
          { href: `${base}/api/public/verify/${dlPath}`, type: 'application/json', title },
        ],
        [`${GS1_VOC}defaultLink`]: [
          { href: `${base}${verifyPagePath(result.certificate?.number ?? result.code)}`, type: 'text/html', title },
        ],
      };
      if (result.product)
        links[`${GS1_VOC}pip`] = [
          { href: `${base}${publicProductPath(result.product.id)}`, type: 'text/html', title: result.product.name },
        ];
      return { linkset: [links] };
    },

    async listAnomalies(query: PageQuery) {
      const { rows, total } = await scans.listAnomalies(db, query);
      const items: ScanAnomaly[] = rows.map((r) => ({
        id: r.scan.id,
        code: r.scan.code,
        product: r.scan.productId && r.productName ? { id: r.scan.productId, name: r.productName } : null,
        certificateNumber: r.certificateNumber,
        at: r.scan.at.toISOString(),
        lat: r.scan.lat!,
        lng: r.scan.lng!,
        previous: { at: r.previousAt.toISOString(), lat: r.previousLat!, lng: r.previousLng! },
        distanceKm: r.scan.anomalyKm ?? 0,
      }));
      return { total, items };
    },
  };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
