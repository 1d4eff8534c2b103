import {
  catalogSearchTerms,
  vietnamDate,
  type CatalogFacets,
  type CatalogFacetValue,
  type CatalogProducer,
  type CatalogProduct,
  type CatalogProductCard,
  type CatalogSearchQuery,
  type CatalogSearchResult,
  type CatalogSuggestResult,
  type OcopStar,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import { certificateStatus, ISSUER_NAMES, type CertificateIssuer } from '../ocop/index.ts';
import { createUnitNames, type UnitNameLookup } from '../places/index.ts';
import * as profiles from './profiles.repository.ts';
import * as search from './search.repository.ts';
import { createSheetGroups, type SheetGroups } from './sheet-groups.ts';

/** The scheme the former-district facet names its districts in (before 1 July 2025). */
const FORMER_SCHEME = '2025-01';
const RELATED = 4;
const SUGGESTIONS = 8;
const DID_YOU_MEAN = 3;

function toCard(r: search.CardRow, names: UnitNameLookup, sheets: SheetGroups): CatalogProductCard {
  const sheet = sheets.of(r.rubric_id);
  return {
    id: r.id,
    name: r.name,
    stars: r.star,
    group: sheet.group,
    subgroup: sheet.subgroup,
    producer: { id: r.entity_id, name: r.entity_name, type: r.entity_type },
    commune: { code: r.commune_code, name: names(r.commune_scheme, r.commune_code) ?? r.commune_code },
    formerDistrict: r.old_district_code
      ? { code: r.old_district_code, name: names(FORMER_SCHEME, r.old_district_code) ?? r.old_district_code }
      : null,
    certificate: { number: r.number, status: r.validity, validUntil: r.valid_until },
    priceVnd: r.price_vnd === null ? null : Number(r.price_vnd),
    priceUnit: r.price_unit,
  };
}

/** Sums the facet rows of one grouping set under a key, most products first. */
function facet(
  rows: search.FacetRow[],
  key: (r: search.FacetRow) => string | null,
  count: (r: search.FacetRow) => number,
  label: (value: string) => string,
): CatalogFacetValue[] {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const value = key(r);
    if (value === null) continue;
    sums.set(value, (sums.get(value) ?? 0) + count(r));
  }
  return [...sums]
    .filter(([, n]) => n > 0)
    .map(([value, n]) => ({ value, label: label(value), count: n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}

/** The public catalogue: search, suggestions, product and producer profiles. Reads only. */
export function createCatalogService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const unitNames = createUnitNames(db);
  const sheetGroups = createSheetGroups(db);
  const today = () => vietnamDate(now());

  function facetsOf(rows: search.FacetRow[], names: UnitNameLookup, sheets: SheetGroups): CatalogFacets {
    // grouping() sets a bit for each column not in the row's grouping set, first column highest.
    const set = (bit: number) => rows.filter((r) => r.g === 0b111111 - (1 << bit));
    const same = (v: string) => v;
    return {
      stars: facet(
        set(5),
        (r) => (r.star === null ? null : String(r.star)),
        (r) => r.c_stars,
        same,
      ).sort((a, b) => Number(b.value) - Number(a.value)),
      group: facet(
        set(4),
        (r) => r.rubric_id && sheets.of(r.rubric_id).group,
        (r) => r.c_group,
        same,
      ),
      subgroup: facet(
        set(4),
        (r) => r.rubric_id && sheets.of(r.rubric_id).subgroup,
        (r) => r.c_subgroup,
        same,
      ),
      commune: facet(
        set(3),
        (r) => r.commune_code,
        (r) => r.c_commune,
        (v) => names('2025-07', v) ?? v,
      ),
      formerDistrict: facet(
        set(2),
        (r) => r.old_district_code,
        (r) => r.c_district,
        (v) => names(FORMER_SCHEME, v) ?? v,
      ),
      certificateValidity: facet(
        set(1),
        (r) => r.validity,
        (r) => r.c_validity,
        same,
      ),
      entityType: facet(
        set(0),
        (r) => r.entity_type,
        (r) => r.c_type,
        same,
      ),
    };
  }

  async function searchProducts(query: CatalogSearchQuery): Promise<CatalogSearchResult> {
    const terms = catalogSearchTerms(query.q);
    const sheets = await sheetGroups.load();
    const filters: search.SearchFilters = {
      stars: query.stars,
      commune: query.commune,
      formerDistrict: query.formerDistrict,
      valid: query.valid,
      entityType: query.entityType,
      groupRubrics: query.group !== undefined ? sheets.rubricsOfGroup(query.group) : undefined,
      subgroupRubrics: query.subgroup !== undefined ? sheets.rubricsOfSubgroup(query.subgroup) : undefined,
    };
    const day = today();
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    const [rows, facetRows, names] = await Promise.all([
      search.searchPage(db, terms, filters, day, page),
      search.searchFacets(db, terms, filters, day),
      unitNames.lookup(),
    ]);
    const total = facetRows.filter((r) => r.g === 0b111110).reduce((n, r) => n + r.c_all, 0);
    const didYouMean = total === 0 && terms ? await search.closestNames(db, terms.folded, DID_YOU_MEAN) : [];
    return {
      items: rows.map((r) => toCard(r, names, sheets)),
      total,
      facets: facetsOf(facetRows, names, sheets),
      didYouMean,
    };
  }

  async function cards(filters: search.SearchFilters, limit: number, offset = 0) {
    const [rows, names, sheets] = await Promise.all([
      search.searchPage(db, null, filters, today(), { limit, offset }),
      unitNames.lookup(),
      sheetGroups.load(),
    ]);
    return rows.map((r) => toCard(r, names, sheets));
  }

  return {
    search: searchProducts,

    /** Names to complete the search box with; the closest names when none contain the text. */
    async suggest(q: string): Promise<CatalogSuggestResult> {
      const terms = catalogSearchTerms(q);
      if (!terms) return { items: [], didYouMean: [] };
      const items = (await search.suggestNames(db, terms, SUGGESTIONS)).map(({ kind, id, name }) => ({
        kind,
        id,
        name,
      }));
      const didYouMean = items.length === 0 ? await search.closestNames(db, terms.folded, DID_YOU_MEAN) : [];
      return { items, didYouMean };
    },

    /** A certified product's public page data; 404 for drafts, uncertified or revoked products. */
    async product(id: string): Promise<CatalogProduct> {
      const [profile, cert, photos] = await Promise.all([
        profiles.findPublicProduct(db, id),
        profiles.findLatestCertificate(db, id),
        profiles.listPhotoFiles(db, id),
      ]);
      if (!profile || !cert) throw new AppError('NOT_FOUND', 'No such certified product');
      const [[card], sheets] = await Promise.all([cards({ productId: id }, 1), sheetGroups.load()]);
      if (!card) throw new AppError('NOT_FOUND', 'No such certified product');
      // Related: the same kind of product first, then the same producer's others.
      const [sameKind, sameProducer] = await Promise.all([
        cards({ subgroupRubrics: sheets.rubricsOfSubgroup(card.subgroup) }, RELATED + 1),
        cards({ entityId: profile.entityId }, RELATED + 1),
      ]);
      const related = [...sameKind, ...sameProducer].filter(
        (c, i, all) => c.id !== id && all.findIndex((x) => x.id === c.id) === i,
      );
      const issuer = cert.issuer as CertificateIssuer;
      return {
        ...card,
        productSet: profile.productSet,
        story: profile.story,
        description: profile.description,
        packaging: profile.packaging,
        ingredientsOrigin: profile.ingredientsOrigin,
        shopLinks: profile.shopLinks,
        photos: photos.map((fileId) => `/api/public/media/${fileId}`),
        certification: {
          number: cert.number,
          status: certificateStatus(cert, today()),
          star: cert.star as OcopStar,
          decisionNumber: cert.decisionNumber,
          decisionDate: cert.decisionDate,
          issuerName: ISSUER_NAMES[issuer],
          issuedOn: cert.issuedOn,
          validUntil: cert.validUntil,
        },
        related: related.slice(0, RELATED),
      };
    },

    /** A producer with certified products: its public profile and a page of its products. */
    async producer(id: string, page: { page: number; pageSize: number }): Promise<CatalogProducer> {
      const [row, names, products, productsTotal] = await Promise.all([
        profiles.findPublicProducer(db, id),
        unitNames.lookup(),
        cards({ entityId: id }, page.pageSize, (page.page - 1) * page.pageSize),
        search.countMatches(db, null, { entityId: id }, today()),
      ]);
      // Only producers with a certified product are public.
      if (!row || productsTotal === 0) throw new AppError('NOT_FOUND', 'No such producer');
      return {
        id: row.id,
        name: row.name,
        type: row.type,
        description: row.description,
        website: row.website,
        commune: { code: row.communeCode, name: names(row.communeScheme, row.communeCode) ?? row.communeCode },
        formerDistrict: row.oldDistrictCode
          ? { code: row.oldDistrictCode, name: names(FORMER_SCHEME, row.oldDistrictCode) ?? row.oldDistrictCode }
          : null,
        location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
        products,
        productsTotal,
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
