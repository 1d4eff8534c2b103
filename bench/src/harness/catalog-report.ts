import { CATALOG_PRODUCTS } from './catalog-seed.ts';
import { DRILL_DOWN_COMMUNE, PLAN_TARGETS } from './plans-seed.ts';

const int = (n: number) => n.toLocaleString('en');

/** How the public catalogue's and the plans dashboard's routes are set up, for docs/benchmarks.md. */
export const CATALOG_AND_PLANS_SECTION: string[] = [
  '## Public catalogue and plans (issues 6 and 7)',
  '',
  'Before the server starts, after the OCOP council’s data, the bench certifies products of the',
  `register's active entities: ${int(CATALOG_PRODUCTS.hanoi)} at hanoi scale, ${int(CATALOG_PRODUCTS.national)} at national`,
  'scale, written by the OCOP module’s `insertCertifiedRecords` (the certified-records import’s writer: a',
  'closed round per decision year, a certified dossier and a certificate each; the search key is filled by',
  'its trigger). Names repeat the demo products’ (so "buoi" matches about a ninth of them) with a number;',
  'stars cycle 3–5 and decisions spread over four years, so about a quarter of the certificates have expired.',
  '',
  '- The search routes always compute every facet. The typical term must return a page with star counts,',
  '  the no-result term must return `total: 0`, which sends the query through the typo fallback and the',
  '  "did you mean" lookup. Issue 6 also sets p99 ≤ 25 ms: it is measured after the load on **one**',
  '  connection, for as long as the load ran, because under the load’s connections every latency is',
  '  mostly queueing; the result column shows it and a p99 above 25 ms counts as below target.',
  '- The verify page is the server-rendered HTML of the first valid certificate by number; it must say',
  '  the certificate is valid ("CÒN HIỆU LỰC").',
  `- The plans dashboard reads one active plan of the current year with ${PLAN_TARGETS} city targets, created through`,
  '  the plans service as a city admin: every indicator computed from the records (register stocks and',
  '  flows, annual-report averages, OCOP certificates, outlets), none entered by hand. The city view must',
  `  return all ${PLAN_TARGETS} targets with at least one non-zero actual; the drill-down reads`,
  `  \`?scope=commune:${DRILL_DOWN_COMMUNE}\` (Xã Đông Anh) as the same city admin.`,
  '',
  'A failure of this seeding is listed under the seed lines, and only the routes needing what is missing fail.',
  '',
];
